package dev.gradproof.reports;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The packages of reports depend in one direction: collect &lt;- view &lt;- output &lt;- the root
 * facade &lt;- junit and cli; nothing depends on the listener or the command line.
 */
class PackageStructureTest {

    private static final Map<String, Set<String>> ALLOWED = Map.of(
            "collect", Set.of(),
            "view", Set.of("collect"),
            "output", Set.of("collect", "view"),
            "", Set.of("collect", "output", "view"),
            "junit", Set.of("", "collect"),
            "cli", Set.of("", "collect", "output", "view"));

    @Test
    void packagesDependInOneDirection() throws IOException {
        Path sources = Paths.get("src/main/java/dev/gradproof/reports");
        Map<String, Set<String>> uses = new HashMap<>();
        Pattern reference = Pattern.compile("dev\\.gradproof\\.reports(?:\\.(\\w+))?\\.[A-Z]");
        try (Stream<Path> files = Files.walk(sources)) {
            for (Path file : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                String pkg = sources.relativize(file.getParent()).toString().replace('/', '.');
                Matcher m = reference.matcher(Files.readString(file));
                while (m.find()) {
                    String target = m.group(1) == null ? "" : m.group(1);
                    if (!target.equals(pkg)) {
                        uses.computeIfAbsent(pkg, k -> new TreeSet<>()).add(target);
                    }
                }
            }
        }
        assertThat(uses.keySet()).isSubsetOf(ALLOWED.keySet());
        uses.forEach((pkg, targets) -> assertThat(targets).as("dev.gradproof.reports" + (pkg.isEmpty() ? "" : "." + pkg)
                + " uses").isSubsetOf(ALLOWED.get(pkg)));
    }
}
