package dev.gradproof.reports;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gradproof.gradcheck.model.GradCheckResult;
import dev.gradproof.gradcheck.model.ResultJson;
import dev.gradproof.gradcheck.recording.ResultRecorder;
import dev.gradproof.reports.output.HtmlRenderer;
import dev.gradproof.reports.output.ReportWriter;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
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
 * The page written from real results: counts, escaping of every name from user code, no external
 * resource, the aggregated JSON beside it, an unreadable file shown, written atomically.
 */
class ReportPageTest {

    @TempDir
    Path root;

    private Path results;
    private Path out;

    @BeforeEach
    void build() throws IOException {
        results = SampleResults.writeTo(root.resolve("module").resolve("target").resolve(ResultRecorder.DIRECTORY_NAME));
        out = root.resolve("report");
    }

    private String page(GradproofReport.Written written) throws IOException {
        return Files.readString(written.index(), StandardCharsets.UTF_8);
    }

    @Test
    void theCountsAreThoseOfTheResults() throws IOException {
        GradproofReport.Written written = GradproofReport.ofBuild(root, out, null);

        assertThat(written.counts().checks()).isEqualTo(SampleResults.CHECKS);
        assertThat(written.counts().passed()).isEqualTo(SampleResults.PASSED);
        assertThat(written.counts().failed()).isEqualTo(SampleResults.FAILED);
        assertThat(written.counts().kinks()).isEqualTo(SampleResults.KINKS);
        // FULL mode compares every element: [6, 8] and [8, 3], [5], [3], [3], [2].
        assertThat(written.counts().elements()).isEqualTo(48 + 24 + 5 + 3 + 3 + 2);
        String html = page(written);
        assertThat(text(html, "count-pass")).isEqualTo("3");
        assertThat(text(html, "count-fail")).isEqualTo("1");
        assertThat(text(html, "count-kink")).isEqualTo("1");
        assertThat(text(html, "count-checks")).isEqualTo("5");
        assertThat(written.summary()).isEqualTo("gradproof report: " + written.index()
                + " (5 checks: 3 PASS, 1 FAIL, 0 INCONCLUSIVE, 1 KINK; 3 property runs, 1 failed)");
    }

    @Test
    void propertyRunsAreShownWithTheirStatisticsAndCounterexamples() throws IOException {
        GradproofReport.Written written = GradproofReport.ofBuild(root, out, null);
        String html = page(written);

        assertThat(written.counts().properties()).isEqualTo(SampleResults.PROPERTY_RUNS);
        assertThat(written.counts().propertiesFailed()).isEqualTo(1);
        assertThat(written.counts().propertiesAborted()).isEqualTo(1);
        assertThat(text(html, "count-properties")).isEqualTo("3");
        assertThat(html).contains("GraphProperties.gradientsHaveTheirShapes")
                .contains("<summary>(50) statistics</summary>")
                .contains("non-negative (26) :  52 %")
                .contains("sum(relu(x[2] &lt;b&gt;bold&lt;/b&gt;))").doesNotContain("<b>bold")
                .contains("shrunk in 12 steps")
                .contains("not supported: tiny does not declare capability SECOND_ORDER");
    }

    @Test
    void namesFromUserCodeAreEscapedAndTheOnlyScriptIsTheReportsOwn() throws IOException {
        String html = page(GradproofReport.ofBuild(root, out, null));

        assertThat(count(html, "<script")).isEqualTo(2);
        assertThat(count(html, "<script type=\"application/json\" id=\"check-data\">")).isEqualTo(1);
        assertThat(html).contains("&lt;script&gt;window.gradproofXss = 1; alert(&#39;xss&#39;)&lt;/script&gt;");
        // in the checks' data: JSON whose markup characters are unicode escapes, drawn as text by the script
        assertThat(html).contains("\\u003cimg src=x onerror=\\\"window.gradproofXss = 2\\\"\\u003e");
        assertThat(html).doesNotContain("<img").doesNotContain("onerror=\"").doesNotContain("alert('xss')");
    }

    @Test
    void thePageLoadsNothingFromOutside() throws IOException {
        String html = page(GradproofReport.ofBuild(root, out, null));

        assertThat(html).doesNotContain("http:").doesNotContain("https:").doesNotContain("<link")
                .doesNotContain(" src=\"").doesNotContain("@import").doesNotContain("url(");
        assertThat(html).contains("<style>").contains("<svg");
    }

    @Test
    void theAggregatedJsonBesideThePageHoldsEveryResultAsRecorded() throws IOException {
        GradproofReport.ofBuild(root, out, null);

        JsonNode aggregate = ResultJson.mapper().readTree(out.resolve(ReportWriter.JSON).toFile());
        List<GradCheckResult> read = new ArrayList<>();
        for (JsonNode check : aggregate.get("checks")) {
            assertThat(check.get("module").asText()).isEqualTo("module");
            read.add(ResultJson.mapper().treeToValue(check.get("result"), GradCheckResult.class));
        }
        List<GradCheckResult> recorded;
        try (Stream<Path> files = Files.list(results)) {
            recorded = files.filter(p -> !p.getFileName().toString().startsWith("property.")).sorted()
                    .map(ResultJson::read).toList();
        }
        assertThat(read).containsExactlyElementsOf(recorded);
        assertThat(aggregate.get("unreadable")).isEmpty();
        JsonNode counts = aggregate.get("counts");
        assertThat(List.of(counts.get("checks").asInt(), counts.get("passed").asInt(), counts.get("failed").asInt(),
                counts.get("inconclusive").asInt(), counts.get("kinks").asInt(), counts.get("expectedFailures").asInt()))
                .containsExactly(SampleResults.CHECKS, SampleResults.PASSED, SampleResults.FAILED, 0, SampleResults.KINKS, 0);
        assertThat(aggregate.get("properties")).hasSize(SampleResults.PROPERTY_RUNS);
    }

    @Test
    void anUnreadableFileIsShownAndCountedNotDropped() throws IOException {
        Files.writeString(results.resolve("broken.json"), "{\"schemaVersion\" : 1, \"kind\" : \"GRAD");

        GradproofReport.Written written = GradproofReport.ofBuild(root, out, null);
        String html = page(written);

        assertThat(written.counts().unreadable()).isEqualTo(1);
        assertThat(written.counts().checks()).isEqualTo(SampleResults.CHECKS);
        assertThat(text(html, "count-unreadable")).isEqualTo("1");
        assertThat(html).contains("Unreadable result files (1)").contains("broken.json")
                .contains("partial: the JSON ends early (line 1)");
        assertThat(written.summary()).endsWith("; 1 unreadable files)");
    }

    @Test
    void theFolderHoldsOnlyThePageAndTheJsonAfterAnOverwrite() throws IOException {
        GradproofReport.ofBuild(root, out, null);
        GradproofReport.ofBuild(root, out, null);

        try (Stream<Path> files = Files.list(out)) {
            assertThat(files.map(p -> p.getFileName().toString()))
                    .containsExactlyInAnyOrder(ReportWriter.INDEX, ReportWriter.JSON);
        }
    }

    @Test
    void aReportOfNothingSaysSo() throws IOException {
        GradproofReport.Written written = GradproofReport.ofBuild(Files.createDirectories(root.resolve("empty")), out,
                null);

        assertThat(written.counts().checks()).isZero();
        assertThat(page(written)).contains("No results were recorded.").contains("no results folder found");
    }

    @Test
    void theTemplateNeverSwitchesEscapingOff() throws IOException {
        String template;
        try (var in = HtmlRenderer.class.getClassLoader().getResourceAsStream(HtmlRenderer.TEMPLATE)) {
            assertThat(in).as(HtmlRenderer.TEMPLATE).isNotNull();
            template = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        assertThat(template).doesNotContain("autoescape");
        // the one raw value: the checks' JSON with <, >, & and ' escaped (PageData), inside a JSON script element
        assertThat(count(template, "| raw")).isEqualTo(1);
        assertThat(template).contains("<script type=\"application/json\" id=\"check-data\">{{ data | raw }}</script>");
    }

    /** The text of the element with this id (no nested markup). */
    static String text(String html, String id) {
        Matcher m = Pattern.compile("id=\"" + Pattern.quote(id) + "\"[^>]*>([^<]*)<").matcher(html);
        assertThat(m.find()).as("element #%s in the page", id).isTrue();
        return m.group(1);
    }

    private static int count(String text, String part) {
        int n = 0;
        for (int i = text.indexOf(part); i >= 0; i = text.indexOf(part, i + 1)) {
            n++;
        }
        return n;
    }
}
