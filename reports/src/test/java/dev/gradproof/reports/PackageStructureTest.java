package dev.gradproof.reports;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The architecture of DESIGN.md, read from the sources of every module (reports is built last and
 * sees them all): no cycle between packages at any scope, and the layering inside gradcheck and
 * inside reports.
 */
class PackageStructureTest {

    private static final List<String> MODULES = List.of("autograd-core", "gradcheck", "properties", "reports");
    private static final Pattern REFERENCE = Pattern.compile("(dev\\.gradproof(?:\\.[a-z]\\w*)*)\\.[A-Z]");
    /** Comments, whose {@code {@link}}s are documentation, not dependencies. */
    private static final Pattern COMMENT = Pattern.compile("/\\*.*?\\*/|//[^\\n]*", Pattern.DOTALL);

    /**
     * gradcheck: model &lt;- function &lt;- engine &lt;- root facade &lt;- assertj and catalogue, with
     * recording beside the engine; the model knows nothing of the rest, so that reports can read
     * results without the engine, and nothing uses the catalogue.
     */
    private static final Map<String, Set<String>> GRADCHECK = Map.of(
            "model", Set.of(),
            "function", Set.of("model"),
            "engine", Set.of("model", "function"),
            "recording", Set.of("model"),
            "", Set.of("model", "function", "engine", "recording"),
            "assertj", Set.of("", "model", "function"),
            "catalogue", Set.of("", "model", "function"));

    /**
     * reports: collect &lt;- view &lt;- output &lt;- the root facade &lt;- junit and cli; source, the
     * public plug-in route of the command line, knows nothing of the rest.
     */
    private static final Map<String, Set<String>> REPORTS = Map.of(
            "source", Set.of(),
            "collect", Set.of(),
            "view", Set.of("collect"),
            "output", Set.of("collect", "view"),
            "", Set.of("collect", "output", "view"),
            "junit", Set.of("", "collect"),
            "cli", Set.of("", "collect", "output", "view", "source"));

    /** For every package of the main code of every module, the other dev.gradproof packages its code names. */
    private static Map<String, Set<String>> packageUses() throws IOException {
        Map<String, Set<String>> uses = new TreeMap<>();
        for (String module : MODULES) {
            Path sources = Paths.get("..", module, "src", "main", "java");
            try (Stream<Path> files = Files.walk(sources)) {
                for (Path file : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                    String pkg = sources.relativize(file.getParent()).toString().replace('/', '.');
                    Set<String> targets = uses.computeIfAbsent(pkg, k -> new TreeSet<>());
                    Matcher m = REFERENCE.matcher(COMMENT.matcher(Files.readString(file)).replaceAll(""));
                    while (m.find()) {
                        if (!m.group(1).equals(pkg)) {
                            targets.add(m.group(1));
                        }
                    }
                }
            }
        }
        return uses;
    }

    @Test
    void noPackageDependsOnItselfThroughOthers() throws IOException {
        Map<String, Set<String>> uses = packageUses();
        assertThat(uses).containsKeys("dev.gradproof.autograd", "dev.gradproof.gradcheck",
                "dev.gradproof.properties.kit", "dev.gradproof.reports");
        for (String start : uses.keySet()) {
            assertThat(pathBack(start, uses)).as("a cycle through " + start).isEmpty();
        }
    }

    @Test
    void gradcheckIsLayered() throws IOException {
        assertLayered("dev.gradproof.gradcheck", GRADCHECK);
    }

    @Test
    void reportsIsLayered() throws IOException {
        assertLayered("dev.gradproof.reports", REPORTS);
    }

    private static void assertLayered(String root, Map<String, Set<String>> allowed) throws IOException {
        Map<String, Set<String>> inside = new TreeMap<>();
        packageUses().forEach((pkg, targets) -> {
            if (pkg.equals(root) || pkg.startsWith(root + ".")) {
                Set<String> local = new TreeSet<>();
                targets.stream().filter(t -> t.equals(root) || t.startsWith(root + ".")).map(t -> relative(root, t))
                        .forEach(local::add);
                inside.put(relative(root, pkg), local);
            }
        });
        assertThat(inside.keySet()).isSubsetOf(allowed.keySet());
        inside.forEach((pkg, targets) -> assertThat(targets).as(root + (pkg.isEmpty() ? "" : "." + pkg) + " uses")
                .isSubsetOf(allowed.get(pkg)));
    }

    private static String relative(String root, String pkg) {
        return pkg.equals(root) ? "" : pkg.substring(root.length() + 1);
    }

    /** A path of package uses from {@code start} back to itself, or an empty list. */
    private static List<String> pathBack(String start, Map<String, Set<String>> uses) {
        Deque<List<String>> paths = new ArrayDeque<>();
        paths.push(List.of(start));
        Set<String> seen = new TreeSet<>();
        while (!paths.isEmpty()) {
            List<String> path = paths.pop();
            for (String next : uses.getOrDefault(path.get(path.size() - 1), Set.of())) {
                List<String> longer = new ArrayList<>(path);
                longer.add(next);
                if (next.equals(start)) {
                    return longer;
                }
                if (seen.add(next)) {
                    paths.push(longer);
                }
            }
        }
        return List.of();
    }
}
