package dev.gradproof.gradcheck.catalogue;

import dev.gradproof.autograd.Losses;
import dev.gradproof.autograd.Variable;
import dev.gradproof.autograd.nn.Linear;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.StringJoiner;
import java.util.TreeSet;
import java.util.jar.JarFile;
import java.util.stream.Stream;

/**
 * The differentiable members of autograd-core, found by reflection, so that a new op cannot land
 * without a spec: every public instance method of {@link Variable} that returns a {@code Variable}
 * ({@code "Variable.add(Variable)"}; overloads are distinct members), every public static method of
 * {@link Losses} ({@code "Losses.l2(double, Variable[])"}), and every public top-level type of the
 * {@code nn} package ({@code "nn.Linear"}; an enum by its constants, {@code "nn.Activation.RELU"}),
 * less the members in {@link #NOT_OPS}.
 */
public final class CoreApi {

    /** Members found by reflection that are not differentiable ops, each with the reason. */
    public static final Map<String, String> NOT_OPS = Map.of(
            "Variable.detach()", "a constant copy cut off from the graph: no gradient flows through it",
            "nn.Parameter", "a named slot holding a leaf; it computes nothing",
            "nn.GradientDescent", "the update w = w - rate * grad; it is not differentiated",
            "nn.WeightInit", "how initial weights are drawn; it is not differentiated");

    private static final String NN_PACKAGE = Linear.class.getPackageName();

    private CoreApi() {
    }

    /**
     * Every differentiable member of autograd-core, sorted: {@link #reflected()} less {@link #NOT_OPS}
     * (a type named there takes its enum constants with it).
     */
    public static SortedSet<String> members() {
        SortedSet<String> members = reflected();
        members.removeIf(CoreApi::notAnOp);
        return members;
    }

    /** Whether a member is one of {@link #NOT_OPS} or a constant of an enum named there. */
    static boolean notAnOp(String member) {
        for (String excluded : NOT_OPS.keySet()) {
            if (member.equals(excluded) || member.startsWith(excluded + ".")) {
                return true;
            }
        }
        return false;
    }

    /** Every member the reflection finds, the non-ops included. */
    static SortedSet<String> reflected() {
        SortedSet<String> members = new TreeSet<>();
        for (Method m : Variable.class.getMethods()) {
            if (m.getDeclaringClass() == Variable.class && !Modifier.isStatic(m.getModifiers())
                    && m.getReturnType() == Variable.class) {
                members.add(signature(m));
            }
        }
        for (Method m : Losses.class.getMethods()) {
            if (m.getDeclaringClass() == Losses.class && Modifier.isStatic(m.getModifiers())) {
                members.add(signature(m));
            }
        }
        for (Class<?> type : nnTypes()) {
            if (type.isEnum()) {
                for (Object constant : type.getEnumConstants()) {
                    members.add("nn." + type.getSimpleName() + "." + ((Enum<?>) constant).name());
                }
            } else {
                members.add("nn." + type.getSimpleName());
            }
        }
        return members;
    }

    /** The members no spec covers: empty when the catalogue is complete. */
    public static SortedSet<String> uncovered(Collection<? extends OpSpec> specs) {
        SortedSet<String> missing = members();
        for (OpSpec spec : specs) {
            spec.covers().forEach(missing::remove);
        }
        return missing;
    }

    /** {@code "Variable.sum(int, boolean)"}: the declaring class, the name and the parameter types. */
    static String signature(Method m) {
        StringJoiner params = new StringJoiner(", ", "(", ")");
        for (Class<?> p : m.getParameterTypes()) {
            params.add(p.getSimpleName());
        }
        return m.getDeclaringClass().getSimpleName() + "." + m.getName() + params;
    }

    /** The public top-level types of the nn package, read from the classes directory or jar it was loaded from. */
    static List<Class<?>> nnTypes() {
        List<String> names = new ArrayList<>();
        String folder = NN_PACKAGE.replace('.', '/') + "/";
        try {
            Path location = Paths.get(Linear.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            if (Files.isDirectory(location)) {
                try (Stream<Path> files = Files.list(location.resolve(folder))) {
                    files.forEach(f -> names.add(f.getFileName().toString()));
                }
            } else {
                try (JarFile jar = new JarFile(location.toFile())) {
                    jar.stream().map(e -> e.getName()).filter(n -> n.startsWith(folder)
                            && n.indexOf('/', folder.length()) < 0).forEach(n -> names.add(n.substring(folder.length())));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not list the classes of " + NN_PACKAGE + ": " + e.getMessage(), e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException("could not locate the classes of " + NN_PACKAGE, e);
        }
        List<Class<?>> types = new ArrayList<>();
        for (String file : names) {
            if (!file.endsWith(".class") || file.contains("$") || file.startsWith("package-info")) {
                continue;
            }
            String className = NN_PACKAGE + "." + file.substring(0, file.length() - ".class".length());
            Class<?> type;
            try {
                type = Class.forName(className, false, Linear.class.getClassLoader());
            } catch (ClassNotFoundException e) {
                throw new IllegalStateException("could not load " + className, e);
            }
            if (Modifier.isPublic(type.getModifiers())) {
                types.add(type);
            }
        }
        return types;
    }
}
