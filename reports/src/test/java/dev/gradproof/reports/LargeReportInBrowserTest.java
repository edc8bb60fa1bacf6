package dev.gradproof.reports;

import dev.gradproof.gradcheck.GradCheck;
import dev.gradproof.gradcheck.model.CheckVerdict;
import dev.gradproof.gradcheck.model.GradCheckResult;
import dev.gradproof.gradcheck.model.TestContext;
import dev.gradproof.reports.collect.CollectedResults;
import dev.gradproof.reports.collect.LoadedCheck;
import dev.gradproof.reports.output.ReportWriter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A report of 10,000 checks of two elements each in headless Chromium: its size is asserted (at
 * most 3 MB of HTML); its first paint and the time of a sort and a filter are measured in the
 * browser and printed, never asserted (timings belong to no unit test). Also the layout at a
 * 400-pixel-wide window: nothing wider than the window, and a screenshot under {@code target/}.
 */
class LargeReportInBrowserTest {

    /** How many checks the report holds. */
    static final int CHECKS = 10_000;
    /** The most HTML the report of {@link #CHECKS} checks may take. */
    static final long MAX_BYTES = 3L * 1024 * 1024;
    /** Where the narrow screenshot goes. */
    static final Path NARROW_SCREENSHOT = ReportInBrowserTest.SCREENSHOT.resolveSibling("gradproof-report-400px.png");

    @TempDir
    Path root;

    /**
     * Ten kinds of check repeated under 1,000 labels and 20 ops each: passes, a KINK (relu at 0), a
     * FAIL (the sigmoid's gradient sigma), an INCONCLUSIVE one and an expected failure built by hand.
     */
    static List<LoadedCheck> checks() {
        GradCheckResult tanh = GradCheck.of(v -> v.get(0).tanh().sum()).input("x", new double[] {0.3, -1.2})
                .record(false).check();
        GradCheckResult relu = GradCheck.of(v -> v.get(0).relu().sum()).input("x", new double[] {0, 2})
                .record(false).check();
        GradCheckResult wrong = GradCheck.scalar(in -> SampleResults.sigmoid(in[0][0]) + SampleResults.sigmoid(in[0][1]),
                in -> new double[][] {{SampleResults.sigmoid(in[0][0]), SampleResults.sigmoid(in[0][1])}})
                .input("x", new double[] {0.5, -0.5}).record(false).check();
        assertThat(tanh.passed()).isTrue();
        assertThat(relu.statistics().kinks()).isEqualTo(1);
        assertThat(wrong.verdict()).isEqualTo(CheckVerdict.FAILED);
        TestContext expected = new TestContext("dev.gradproof.gradcheck.WrongGradientsTest", "sigmaIsCaught",
                "junit-jupiter", "Test", true);
        List<LoadedCheck> checks = new ArrayList<>(CHECKS);
        for (int i = 0; i < CHECKS; i++) {
            String op = "op" + (i % 20);
            String label = "check " + i + " of " + op;
            GradCheckResult r = switch (i % 10) {
                case 3 -> SampleResults.variant(relu, label, op, CheckVerdict.PASSED, List.of(), null);
                case 5 -> SampleResults.variant(tanh, label, op, CheckVerdict.INCONCLUSIVE,
                        List.of("only 2 elements were compared"), null);
                case 7 -> SampleResults.variant(wrong, label, op, CheckVerdict.FAILED, wrong.reasons(), expected);
                case 9 -> SampleResults.variant(wrong, label, op, CheckVerdict.FAILED, wrong.reasons(), null);
                default -> SampleResults.variant(tanh, label, op, CheckVerdict.PASSED, List.of(), null);
            };
            checks.add(new LoadedCheck("module", Path.of("check-" + i + ".json"), r));
        }
        return checks;
    }

    @Test
    void tenThousandChecksMakeASmallFastPage() throws IOException {
        HeadlessChromium.requireInstalled();
        ReportWriter.Written written = ReportWriter.write(
                new CollectedResults(List.of(), checks(), List.of(), List.of(), 0, null), "10,000 checks",
                root.resolve("report"));
        long bytes = Files.size(written.index());
        assertThat(written.view().counts().checks()).isEqualTo(CHECKS);
        assertThat(written.view().counts().failed()).isEqualTo(CHECKS / 10);
        assertThat(written.view().counts().expectedFailures()).isEqualTo(CHECKS / 10);
        assertThat(written.view().counts().inconclusive()).isEqualTo(CHECKS / 10);
        assertThat(written.view().counts().kinks()).isEqualTo(CHECKS / 10);
        assertThat(bytes).isLessThanOrEqualTo(MAX_BYTES);

        ChromeDriver browser = HeadlessChromium.start(root.resolve("profile"), 1400, 1000);
        try {
            browser.get(written.index().toUri().toString());
            double paint = firstContentfulPaint(browser);
            double load = number(browser.executeScript("var n = performance.getEntriesByType('navigation')[0];"
                    + " return n.loadEventEnd - n.startTime;"));
            long nodes = (Long) browser.executeScript("return document.getElementsByTagName('*').length;");
            assertThat(firstStatus(browser)).as("failures first").isEqualTo("FAIL");
            String clickMaxRatio = "var th = Array.prototype.find.call(document.querySelectorAll('#checks thead th'),"
                    + " function (h) { return h.textContent.indexOf('Max err/tol') === 0; });"
                    + " var t = performance.now(); th.click(); document.body.offsetHeight; return performance.now() - t;";
            double ascending = number(browser.executeScript(clickMaxRatio));
            assertThat(firstStatus(browser)).as("the smallest error first: relu's kink, 0").isEqualTo("KINK");
            double sort = number(browser.executeScript(clickMaxRatio));
            assertThat(firstStatus(browser)).isIn("FAIL", "EXPECTED FAIL");
            double filter = number(browser.executeScript("var f = document.getElementById('filter');"
                    + " var t = performance.now(); f.value = 'op7'; f.dispatchEvent(new Event('input'));"
                    + " document.body.offsetHeight; return performance.now() - t;"));
            assertThat(browser.findElement(By.id("shown")).getText()).isEqualTo(String.valueOf(CHECKS / 20));
            assertThat(browser.findElement(By.id("count-inconclusive")).getText()).isEqualTo(String.valueOf(CHECKS / 10));
            assertThat(browser.findElement(By.id("count-expected")).getText()).isEqualTo(String.valueOf(CHECKS / 10));
            assertThat(browser.findElement(By.id("count-fail")).getText()).isEqualTo(String.valueOf(CHECKS / 10));
            assertThat(browser.findElement(By.id("expected-note")).getText()).contains("failed on purpose");
            browser.executeScript("var f = document.getElementById('filter'); f.value = '';"
                    + " document.querySelectorAll('input.verdict-filter').forEach(function (b) {"
                    + " if (b.value !== 'INCONCLUSIVE') { b.click(); } });");
            assertThat(browser.findElement(By.id("shown")).getText()).isEqualTo(String.valueOf(CHECKS / 10));
            browser.findElement(By.cssSelector("#check-rows button.toggle")).click();
            assertThat(browser.findElement(By.cssSelector("#check-rows tr.details")).getText())
                    .contains("INCONCLUSIVE").contains("Why not PASSED").contains("only 2 elements were compared");
            System.out.printf(Locale.ROOT, "report of %d checks: %.2f MB of HTML, %d DOM nodes; first paint %.0f ms,"
                            + " load %.0f ms; sort by max err/tol %.0f ms and reversed %.0f ms; filter %.0f ms (headless Chromium)%n",
                    CHECKS, bytes / 1024.0 / 1024.0, nodes, paint, load, ascending, sort, filter);
        } finally {
            browser.quit();
        }
    }

    @Test
    void theLayoutFitsA400PixelWindow() throws IOException {
        HeadlessChromium.requireInstalled();
        Path results = SampleResults.writeTo(root.resolve("module").resolve("target").resolve("gradproof-results"));
        assertThat(results).isDirectory();
        Path index = GradproofReport.ofBuild(root, root.resolve("report"), null).index();
        ChromeDriver browser = HeadlessChromium.start(root.resolve("narrow"), 400, 900);
        try {
            browser.get(index.toUri().toString());
            browser.findElement(By.cssSelector("#check-rows button.toggle")).click();
            long inner = (Long) browser.executeScript("return window.innerWidth;");
            long page = (Long) browser.executeScript("return document.documentElement.scrollWidth;");
            assertThat(page).as("the page's width in a window %d pixels wide", inner).isLessThanOrEqualTo(inner);
            long height = (Long) browser.executeScript("return document.documentElement.scrollHeight");
            browser.manage().window().setSize(new org.openqa.selenium.Dimension(400, (int) Math.min(height + 40, 6000)));
            Files.createDirectories(NARROW_SCREENSHOT.getParent());
            Files.write(NARROW_SCREENSHOT, browser.getScreenshotAs(OutputType.BYTES));
        } finally {
            browser.quit();
        }
    }

    /** The first contentful paint in milliseconds after navigation, once the browser has recorded it. */
    private static double firstContentfulPaint(ChromeDriver browser) {
        for (int attempt = 0; attempt < 50; attempt++) {
            double paint = number(browser.executeScript("var p = performance.getEntriesByName('first-contentful-paint');"
                    + " return p.length ? p[0].startTime : -1;"));
            if (paint >= 0) {
                return paint;
            }
            browser.executeScript("return document.body.offsetHeight;");
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        throw new AssertionError("the browser recorded no first contentful paint");
    }

    private static String firstStatus(ChromeDriver browser) {
        return browser.findElement(By.cssSelector("#check-rows tr.row td:last-child")).getText();
    }

    private static double number(Object value) {
        return ((Number) value).doubleValue();
    }
}
