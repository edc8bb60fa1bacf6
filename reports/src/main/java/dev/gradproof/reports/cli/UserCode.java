package dev.gradproof.reports.cli;

import dev.gradproof.autograd.Tensor;
import dev.gradproof.gradcheck.GradCheck;
import dev.gradproof.properties.engine.AutogradAdapter;
import dev.gradproof.reports.source.CheckSource;

import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.Modifier;
import java.net.MalformedURLException;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The user's code the command checks: a classpath (jars and classes folders) loaded in a class
 * loader of its own, a single Java source file compiled on the fly against gradproof (javax.tools),
 * and the classes named by options, made through their public no-argument constructors. Every
 * mistake is a {@link BadUsage} naming the option.
 */
final class UserCode {

    private UserCode() {
    }

    /** Each entry is an existing jar or folder. */
    static void requireClasspath(String option, List<Path> entries) {
        for (Path entry : entries) {
            if (!Files.exists(entry)) {
                throw new BadUsage(option, "no such jar or folder: " + entry.toAbsolutePath());
            }
            if (!Files.isDirectory(entry) && !entry.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".jar")) {
                throw new BadUsage(option, "not a jar or a classes folder: " + entry.toAbsolutePath());
            }
        }
    }

    /** A class loader over jars and folders ({@link #requireClasspath checked} first), child of gradproof's. */
    static ClassLoader loader(List<Path> entries) {
        List<URL> urls = new ArrayList<>();
        for (Path entry : entries) {
            try {
                urls.add(entry.toAbsolutePath().toUri().toURL());
            } catch (MalformedURLException e) {
                throw new IllegalArgumentException("not a path: " + entry, e);
            }
        }
        return new URLClassLoader(urls.toArray(URL[]::new), UserCode.class.getClassLoader());
    }

    /**
     * Compiles one Java source file into {@code classes} against gradproof and {@code extra}
     * (the user's classpath), and returns the binary names of the classes it declared.
     */
    static List<String> compile(Path source, List<Path> extra, Path classes) {
        String option = "--source";
        if (!Files.isRegularFile(source)) {
            throw new BadUsage(option, "no such file: " + source.toAbsolutePath());
        }
        if (!source.getFileName().toString().endsWith(".java")) {
            throw new BadUsage(option, "not a Java source file (*.java): " + source);
        }
        JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
        if (compiler == null) {
            throw new BadUsage(option, "this Java runtime has no compiler (run gradproof with a JDK, not a JRE)");
        }
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        try (StandardJavaFileManager files = compiler.getStandardFileManager(diagnostics, Locale.ROOT,
                StandardCharsets.UTF_8)) {
            Files.createDirectories(classes);
            List<String> arguments = List.of("-d", classes.toString(), "-classpath", classpath(extra),
                    "-encoding", "UTF-8", "--release", "17", "-proc:none");
            boolean ok = compiler.getTask(null, files, diagnostics, arguments, null,
                    files.getJavaFileObjects(source.toFile())).call();
            if (!ok) {
                String errors = diagnostics.getDiagnostics().stream()
                        .filter(d -> d.getKind() == Diagnostic.Kind.ERROR)
                        .map(d -> "line " + d.getLineNumber() + ": " + d.getMessage(Locale.ROOT).lines().findFirst().orElse(""))
                        .collect(Collectors.joining("; "));
                throw new BadUsage(option, source.getFileName() + " does not compile: " + errors);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not compile " + source + ": " + e.getMessage(), e);
        }
        try (Stream<Path> walk = Files.walk(classes)) {
            return walk.filter(p -> p.toString().endsWith(".class"))
                    .map(p -> classes.relativize(p).toString().replace(File.separatorChar, '.').replaceAll("\\.class$", ""))
                    .sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("could not list the classes compiled into " + classes, e);
        }
    }

    /** gradproof's own classes (wherever they come from: the jar, or build folders in tests) and the user's. */
    private static String classpath(List<Path> extra) {
        Set<String> entries = new LinkedHashSet<>();
        for (Class<?> type : List.of(CheckSource.class, GradCheck.class, Tensor.class, AutogradAdapter.class)) {
            try {
                entries.add(Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI()).toString());
            } catch (URISyntaxException | RuntimeException e) {
                // not from a file: the class path below still holds it
            }
        }
        for (String entry : System.getProperty("java.class.path", "").split(File.pathSeparator)) {
            if (!entry.isBlank()) {
                entries.add(entry);
            }
        }
        extra.forEach(p -> entries.add(p.toAbsolutePath().toString()));
        return String.join(File.pathSeparator, entries);
    }

    /** The concrete top-level classes among {@code names} that implement {@code type}, made (public or not). */
    static <T> List<T> implementations(ClassLoader loader, List<String> names, Class<T> type) {
        List<T> found = new ArrayList<>();
        for (String name : names) {
            Class<?> c = load(loader, name, "--source");
            if (type.isAssignableFrom(c) && !c.isInterface() && !Modifier.isAbstract(c.getModifiers())
                    && c.getEnclosingClass() == null) {
                found.add(make(c, type, "--source"));
            }
        }
        return found;
    }

    /** The class {@code name} of the user's classpath, which must implement {@code type}, made. */
    static <T> T instance(ClassLoader loader, String name, Class<T> type, String option) {
        Class<?> c = load(loader, name, option);
        if (!type.isAssignableFrom(c)) {
            throw new BadUsage(option, name + " does not implement " + type.getName());
        }
        return make(c, type, option);
    }

    private static Class<?> load(ClassLoader loader, String name, String option) {
        try {
            return Class.forName(name, false, loader);
        } catch (ClassNotFoundException | LinkageError e) {
            throw new BadUsage(option, "class " + name + " is not on the classpath (" + e.getMessage() + ")");
        }
    }

    private static <T> T make(Class<?> c, Class<T> type, String option) {
        if (Modifier.isAbstract(c.getModifiers())) {
            throw new BadUsage(option, c.getName() + " is abstract");
        }
        try {
            Constructor<?> constructor = c.getDeclaredConstructor();
            constructor.setAccessible(true);
            return type.cast(constructor.newInstance());
        } catch (NoSuchMethodException e) {
            throw new BadUsage(option, c.getName() + " has no constructor without arguments");
        } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            throw new BadUsage(option, c.getName() + " could not be made: " + cause);
        }
    }

    /** A temporary folder of this run for compiled classes and the kit's results, deleted when the JVM exits. */
    static Path workFolder() {
        try {
            Path work = Files.createTempDirectory("gradproof-");
            Runtime.getRuntime().addShutdownHook(new Thread(() -> deleteTree(work)));
            return work;
        } catch (IOException e) {
            throw new UncheckedIOException("could not create a temporary folder: " + e.getMessage(), e);
        }
    }

    private static void deleteTree(Path folder) {
        try (Stream<Path> walk = Files.walk(folder)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException | UncheckedIOException e) {
            // a temporary folder left behind is the operating system's to clean
        }
    }
}
