package dev.gradproof.gradcheck;

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
 * The packages of gradcheck depend in one direction: model &lt;- function &lt;- engine &lt;- root
 * facade &lt;- assertj and catalogue, with recording beside the engine; the model knows nothing of
 * the rest, so that reports can read results without the engine, and nothing uses the catalogue.
 */
class PackageStructureTest {

    private static final String ROOT = "dev.gradproof.gradcheck";
    private static final Map<String, Set<String>> ALLOWED = Map.of(
            "model", Set.of(),
            "function", Set.of("model"),
            "engine", Set.of("model", "function"),
            "recording", Set.of("model"),
            "", Set.of("model", "function", "engine", "recording"),
            "assertj", Set.of("", "model", "function"),
            "catalogue", Set.of("", "model", "function"));

    @Test
    void packagesDependInOneDirection() throws IOException {
        Path sources = Paths.get("src/main/java/dev/gradproof/gradcheck");
        Map<String, Set<String>> uses = new HashMap<>();
        Pattern reference = Pattern.compile("dev\\.gradproof\\.gradcheck(?:\\.(\\w+))?\\.[A-Z]");
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
        uses.forEach((pkg, targets) -> assertThat(targets).as(ROOT + (pkg.isEmpty() ? "" : "." + pkg) + " uses")
                .isSubsetOf(ALLOWED.get(pkg)));
    }
}
