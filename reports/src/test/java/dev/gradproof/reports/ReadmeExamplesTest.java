package dev.gradproof.reports;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every {@code ```java} block of the README compiles against the modules and runs without an
 * exception, so the front door never shows code that does not work. A block that declares no class
 * is wrapped in a method and run; its {@code import} lines stay on top. A block that declares a
 * class (a test class a user would write) is compiled as it stands. A comment line of its own right
 * after a {@code println} (such as {@code // -4.0 -4.0 3.0 -4.0}) is the output the block must print.
 */
class ReadmeExamplesTest {

    private static final Pattern JAVA_BLOCK = Pattern.compile("```java\\n(.*?)```", Pattern.DOTALL);
    private static final Pattern CLASS_DECLARATION = Pattern.compile("(?m)^(public |final |abstract )*class \\w+");

    @TestFactory
    Stream<DynamicTest> everyJavaBlockOfTheReadmeCompilesAndRuns() throws IOException {
        String readme = Files.readString(Path.of("..", "README.md"));
        Matcher matcher = JAVA_BLOCK.matcher(readme);
        List<DynamicTest> tests = new ArrayList<>();
        while (matcher.find()) {
            int line = 1 + (int) readme.substring(0, matcher.start()).chars().filter(c -> c == '\n').count();
            String block = matcher.group(1);
            tests.add(DynamicTest.dynamicTest("README.md line " + line, () -> compileAndRun(block, line)));
        }
        assertThat(tests).as("java blocks in README.md").isNotEmpty();
        return tests.stream();
    }

    private static void compileAndRun(String block, int line) throws Exception {
        String className = "ReadmeSnippetAtLine" + line;
        StringBuilder imports = new StringBuilder();
        StringBuilder body = new StringBuilder();
        List<String> expectedOutput = new ArrayList<>();
        String previous = "";
        for (String l : block.split("\n")) {
            if (l.startsWith("import ")) {
                imports.append(l).append('\n');
            } else {
                body.append("        ").append(l).append('\n');
                if (l.trim().startsWith("// ") && previous.contains("System.out.println")) {
                    expectedOutput.add(l.trim().substring(3));
                }
            }
            previous = l;
        }
        boolean declaresClass = CLASS_DECLARATION.matcher(block).find();
        String source = declaresClass ? block
                : imports + "public class " + className + " {\n    public static void run() throws Exception {\n"
                        + body + "    }\n}\n";
        Path dir = Files.createTempDirectory("readme-snippet");
        Path file = dir.resolve(className + ".java");
        Files.writeString(file, source);

        JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
        ByteArrayOutputStream diagnostics = new ByteArrayOutputStream();
        int status = compiler.run(null, null, diagnostics, "-classpath", testClassPath(), "-d", dir.toString(),
                file.toString());
        assertThat(status).as("javac on README.md line %d:%n%s%n%s", line, source,
                diagnostics.toString(StandardCharsets.UTF_8)).isZero();

        if (declaresClass) {
            return;
        }
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        PrintStream original = System.out;
        try (URLClassLoader loader = new URLClassLoader(new URL[] {dir.toUri().toURL()}, ReadmeExamplesTest.class.getClassLoader())) {
            System.setOut(new PrintStream(printed, true, StandardCharsets.UTF_8));
            loader.loadClass(className).getMethod("run").invoke(null);
        } finally {
            System.setOut(original);
        }
        String output = printed.toString(StandardCharsets.UTF_8);
        for (String expected : expectedOutput) {
            assertThat(output).as("output of README.md line %d", line).contains(expected);
        }
    }

    private static String testClassPath() {
        String surefire = System.getProperty("surefire.test.class.path");
        return surefire != null && !surefire.isBlank() ? surefire : System.getProperty("java.class.path");
    }
}
