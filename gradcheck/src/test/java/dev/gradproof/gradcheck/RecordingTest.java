package dev.gradproof.gradcheck;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gradproof.autograd.Tensor;
import dev.gradproof.gradcheck.model.GradCheckResult;
import dev.gradproof.gradcheck.model.Mode;
import dev.gradproof.gradcheck.model.ResultJson;
import dev.gradproof.gradcheck.recording.ResultRecorder;
import dev.gradproof.gradcheck.recording.TestContexts;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** JSON round trips and the recording of results under tests. */
class RecordingTest {

    private static GradCheckResult sample(Mode mode) {
        return GradCheck.of(v -> v.get(0).relu().mul(v.get(1)).sum())
                .input("x", new double[] {0, 1, -2, 0.5}).input("w", Tensor.randn(3, 4))
                .mode(mode).label("relu times w").op("relu").record(false).check();
    }

    @ParameterizedTest
    @EnumSource(Mode.class)
    void resultsRoundTripThroughJson(Mode mode) {
        GradCheckResult result = sample(mode);
        GradCheckResult back = ResultJson.read(ResultJson.write(result));
        assertThat(back).usingRecursiveComparison().isEqualTo(result);
        assertThat(back.failureMessage()).isEqualTo(result.failureMessage());
    }

    @Test
    void nonFiniteNumbersAndNullsSurviveTheRoundTrip() {
        GradCheckResult result = GradCheck.scalar(in -> Foreign.sumOf(in, Math::tanh), in -> {
            double[][] g = Foreign.gradientOf(in, v -> 1 - Math.tanh(v) * Math.tanh(v));
            g[0][1] = Double.NaN;
            return g;
        }).input("x", new double[] {0.1, 0.2, 0.3, 0.4, 0.5}).mode(Mode.SAMPLED).samples(2).record(false).check();
        assertThat(result.inputs().get(0).relativeErrors()).contains((Double) null);
        GradCheckResult back = ResultJson.read(ResultJson.write(result));
        assertThat(back).usingRecursiveComparison().withComparatorForType(Double::compare, Double.class)
                .isEqualTo(result);
        assertThat(back.inputs().get(0).recordAt(List.of(1)).orElseThrow().analytic()).isNaN();
    }

    @Test
    void theJsonCarriesTheSchemaVersionAndEveryField() throws IOException {
        JsonNode json = ResultJson.mapper().readTree(ResultJson.write(sample(Mode.FULL)));
        assertThat(json.get("schemaVersion").asInt()).isEqualTo(GradCheckResult.SCHEMA_VERSION);
        assertThat(json.get("op").asText()).isEqualTo("relu");
        assertThat(json.get("label").asText()).isEqualTo("relu times w");
        assertThat(json.get("mode").asText()).isEqualTo("FULL");
        assertThat(json.get("seed").asLong()).isEqualTo(42);
        assertThat(json.get("tolerances").get("eps").asDouble()).isEqualTo(1e-6);
        JsonNode x = json.get("inputs").get(0);
        assertThat(x.get("name").asText()).isEqualTo("x");
        assertThat(x.get("verdicts").asText()).isEqualTo("KPPP");
        assertThat(x.get("relativeErrors")).hasSize(4);
        JsonNode kink = x.get("records").get(0);
        assertThat(kink.get("verdict").asText()).isEqualTo("KINK");
        assertThat(kink.get("kinkOp").asText()).isEqualTo("relu");
        assertThat(kink.get("index").get(0).asInt()).isZero();
        for (String field : List.of("analytic", "numerical", "absoluteError", "relativeError", "errorEstimate",
                "tolerance", "band", "step")) {
            assertThat(kink.has(field)).as(field).isTrue();
        }
        assertThat(json.get("statistics").get("kinks").asInt()).isEqualTo(1);
        assertThat(json.get("run").get("cores").asInt()).isPositive();
    }

    @Test
    void readersIgnoreFieldsAddedByLaterSchemas() throws IOException {
        com.fasterxml.jackson.databind.node.ObjectNode json =
                (com.fasterxml.jackson.databind.node.ObjectNode) ResultJson.mapper().readTree(ResultJson.write(sample(Mode.FAST)));
        json.put("aFieldFromTheFuture", 1);
        assertThat(ResultJson.read(json.toString()).mode()).isEqualTo(Mode.FAST);
    }

    @Test
    void checksUnderATestAreTaggedWithTheTestAndRecorded(@TempDir Path dir) throws IOException {
        String before = System.getProperty(ResultRecorder.DIRECTORY_PROPERTY);
        System.setProperty(ResultRecorder.DIRECTORY_PROPERTY, dir.toString());
        try {
            GradCheckResult result = GradCheck.of(v -> v.get(0).tanh().sum()).input("x", Tensor.randn(1, 3))
                    .label("tanh <b>").check();
            assertThat(result.context().testClass()).isEqualTo(RecordingTest.class.getName());
            assertThat(result.context().testMethod()).isEqualTo("checksUnderATestAreTaggedWithTheTestAndRecorded");
            assertThat(result.context().engine()).isEqualTo("junit-jupiter");
            List<Path> files = list(dir.resolve(ResultRecorder.run()));
            assertThat(files).hasSize(1);
            assertThat(files.get(0).getFileName().toString())
                    .startsWith("RecordingTest.checksUnderATestAreTaggedWithTheTestAndRecorded.tanh__b_.").endsWith(".json");
            assertThat(ResultJson.read(files.get(0))).usingRecursiveComparison().isEqualTo(result);
        } finally {
            restore(ResultRecorder.DIRECTORY_PROPERTY, before);
        }
    }

    @Test
    void recordingCanBeSwitchedOff(@TempDir Path dir) throws IOException {
        String beforeDir = System.getProperty(ResultRecorder.DIRECTORY_PROPERTY);
        String beforeRecord = System.getProperty(ResultRecorder.RECORD_PROPERTY);
        System.setProperty(ResultRecorder.DIRECTORY_PROPERTY, dir.toString());
        System.setProperty(ResultRecorder.RECORD_PROPERTY, "false");
        try {
            GradCheck.of(v -> v.get(0).tanh().sum()).input("x", Tensor.randn(1, 3)).check();
            assertThat(dir.resolve(ResultRecorder.run())).doesNotExist();
            GradCheck.of(v -> v.get(0).tanh().sum()).input("x", Tensor.randn(1, 3)).record(true).check();
            assertThat(list(dir.resolve(ResultRecorder.run()))).hasSize(1);
        } finally {
            restore(ResultRecorder.DIRECTORY_PROPERTY, beforeDir);
            restore(ResultRecorder.RECORD_PROPERTY, beforeRecord);
        }
    }

    @Test
    void parallelWritersNeverCollide(@TempDir Path dir) throws Exception {
        GradCheckResult result = sample(Mode.FULL);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Path>> writes = new java.util.ArrayList<>();
            for (int i = 0; i < 40; i++) {
                writes.add(pool.submit(() -> ResultRecorder.write(result, dir)));
            }
            for (Future<Path> f : writes) {
                assertThat(ResultJson.read(f.get()).label()).isEqualTo("relu times w");
            }
        } finally {
            pool.shutdown();
        }
        assertThat(list(dir)).hasSize(40);
    }

    @Test
    void outsideATestThereIsNoContext() throws Exception {
        Thread t = new Thread(() -> assertThat(TestContexts.current()).isEmpty());
        java.util.concurrent.atomic.AtomicReference<Throwable> failure = new java.util.concurrent.atomic.AtomicReference<>();
        t.setUncaughtExceptionHandler((thread, e) -> failure.set(e));
        t.start();
        t.join();
        assertThat(failure.get()).isNull();
        assertThat(TestContexts.current()).isPresent();
    }

    @Test
    void theDefaultDirectoryIsTargetOfTheModule() {
        String before = System.getProperty(ResultRecorder.DIRECTORY_PROPERTY);
        System.clearProperty(ResultRecorder.DIRECTORY_PROPERTY);
        try {
            assertThat(ResultRecorder.resultsRoot().toString().replace('\\', '/')).endsWith("target/gradproof-results");
            assertThat(ResultRecorder.directory()).isEqualTo(ResultRecorder.resultsRoot().resolve(ResultRecorder.run()));
        } finally {
            restore(ResultRecorder.DIRECTORY_PROPERTY, before);
        }
    }

    private static List<Path> list(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> p.toString().endsWith(".json")).sorted().toList();
        }
    }

    private static void restore(String key, String value) {
        if (value == null) {
            System.clearProperty(key);
        } else {
            System.setProperty(key, value);
        }
    }

    @org.junit.jupiter.api.Test
    void everyResultCarriesTheVersionTheBuildWrote() {
        String version = GradCheck.scalar(in -> in[0][0] * in[0][0], in -> new double[][] {{2 * in[0][0]}})
                .input("x", 3.0).record(false).check().run().gradproofVersion();
        org.assertj.core.api.Assertions.assertThat(version).matches("\\d+\\.\\d+\\.\\d+(-SNAPSHOT)?");
    }
}
