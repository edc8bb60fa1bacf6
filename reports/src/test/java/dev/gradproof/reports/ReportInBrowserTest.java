package dev.gradproof.reports;

import dev.gradproof.gradcheck.recording.ResultRecorder;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The report in a real browser (Debian's headless Chromium through Selenium): the counts and rows
 * shown, sorting by a click on a column header, filtering, details on demand with the heatmaps,
 * the {@code <script>} label shown as text with nothing of it run, and a screenshot under
 * {@code target/} to look at.
 */
class ReportInBrowserTest {

    /** Where the screenshot goes. */
    static final Path SCREENSHOT = Path.of(System.getProperty("basedir", ".")).resolve("target")
            .resolve("gradproof-report-screenshot.png");

    @TempDir
    static Path root;

    private static ChromeDriver browser;
    private static Path index;

    @BeforeAll
    static void openTheReport() throws IOException {
        HeadlessChromium.requireInstalled();
        Path results = SampleResults.writeTo(root.resolve("module").resolve("target")
                .resolve(ResultRecorder.DIRECTORY_NAME));
        Files.writeString(results.resolve("cut-short.json"), "{\"schemaVersion\" : 1, \"kind\" : ");
        index = GradproofReport.ofBuild(root, root.resolve("report"), null).index();
        browser = HeadlessChromium.start(root.resolve("profile"), 1400, 1100);
    }

    @AfterAll
    static void closeTheBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @BeforeEach
    void load() {
        browser.get(index.toUri().toString());
    }

    private List<WebElement> rows() {
        return browser.findElements(By.cssSelector("#check-rows > tr.row"));
    }

    /** The text of a column of the rows shown: 2 the label, 5 the inputs, 8 the max rel. error, 11 the status. */
    private List<String> column(int cell) {
        return rows().stream().filter(WebElement::isDisplayed)
                .map(r -> r.findElements(By.tagName("td")).get(cell).getText()).toList();
    }

    private List<Double> numbers(int cell) {
        return column(cell).stream().map(Double::parseDouble).toList();
    }

    private WebElement header(String text) {
        return browser.findElements(By.cssSelector("#checks thead th")).stream()
                .filter(th -> th.getText().startsWith(text)).findFirst().orElseThrow();
    }

    private WebElement row(String text) {
        return rows().stream().filter(r -> r.getText().contains(text)).findFirst().orElseThrow();
    }

    /** Opens a row's details; the rows are drawn again, so the row and its details are found anew. */
    private WebElement openDetails(String text) {
        row(text).findElement(By.cssSelector("button.toggle")).click();
        return row(text).findElement(By.xpath("following-sibling::tr[1]"));
    }

    @Test
    void theCountsAndRowsAreShown() {
        assertThat(browser.getTitle()).isEqualTo("gradproof report");
        assertThat(browser.findElement(By.id("count-checks")).getText()).isEqualTo("5");
        assertThat(browser.findElement(By.id("count-pass")).getText()).isEqualTo("3");
        assertThat(browser.findElement(By.id("count-fail")).getText()).isEqualTo("1");
        assertThat(browser.findElement(By.id("count-inconclusive")).getText()).isEqualTo("0");
        assertThat(browser.findElement(By.id("count-kink")).getText()).isEqualTo("1");
        assertThat(browser.findElement(By.id("count-unreadable")).getText()).isEqualTo("1");
        assertThat(browser.findElement(By.id("unreadable")).getText()).contains("cut-short.json")
                .contains("partial: the JSON ends early (line 1)");
        assertThat(browser.findElements(By.id("expected-note"))).as("no failure was marked expected").isEmpty();
        assertThat(rows()).hasSize(SampleResults.CHECKS);
        assertThat(column(2)).containsExactlyInAnyOrder("matmul [6, 8] @ [8, 3]", "sigmoid [5]",
                "sigmoid with the wrong backward", "relu at its kink", SampleResults.SCRIPT_LABEL);
        // tanh, matmul, relu, sigmoid: the per-op table counts the five checks the header counts
        List<WebElement> ops = browser.findElements(By.cssSelector("#ops tbody tr"));
        assertThat(ops).hasSize(4);
        assertThat(ops.stream().mapToInt(r -> Integer.parseInt(r.findElements(By.tagName("td")).get(1).getText())).sum())
                .isEqualTo(SampleResults.CHECKS);
        assertThat(browser.findElement(By.id("count-properties")).getText()).isEqualTo("3");
        assertThat(browser.findElements(By.cssSelector("#properties tbody tr"))).hasSize(SampleResults.PROPERTY_RUNS);
    }

    @Test
    void propertyStatisticsOpenOnDemandAndCounterexamplesAreText() {
        WebElement statistics = browser.findElements(By.cssSelector("#properties details")).stream()
                .filter(d -> d.findElement(By.tagName("summary")).getText().endsWith("statistics"))
                .findFirst().orElseThrow();
        assertThat(statistics.findElement(By.tagName("pre")).isDisplayed()).isFalse();

        statistics.findElement(By.tagName("summary")).click();

        assertThat(statistics.findElement(By.tagName("pre")).getText()).contains("non-negative (26) :  52 %");
        assertThat(browser.findElement(By.id("properties")).getText()).contains(SampleResults.MARKUP_COUNTEREXAMPLE);
        assertThat(browser.findElements(By.cssSelector("#properties b"))).isEmpty();
    }

    @Test
    void clickingAHeaderSortsTheRowsAndClickingAgainReversesThem() {
        header("Max rel. error").click();
        assertThat(numbers(8)).isSortedAccordingTo(Comparator.naturalOrder());
        assertThat(header("Max rel. error").getAttribute("aria-sort")).isEqualTo("ascending");

        header("Max rel. error").click();
        assertThat(numbers(8)).isSortedAccordingTo(Comparator.reverseOrder());
        assertThat(column(2).get(0)).isEqualTo("sigmoid with the wrong backward");
        assertThat(column(11).get(0)).isEqualTo("FAIL");

        header("Label").click();
        List<String> labels = column(2);
        assertThat(labels).isSortedAccordingTo(Comparator.comparing(String::toLowerCase));

        header("Status").click();
        assertThat(column(11)).containsExactly("FAIL", "KINK", "PASS", "PASS", "PASS");
    }

    @Test
    void theScriptLabelIsTextAndNothingOfItRuns() {
        assertThat(column(2)).contains(SampleResults.SCRIPT_LABEL);
        assertThat(column(5)).anySatisfy(inputs -> assertThat(inputs).startsWith(SampleResults.IMG_INPUT));
        openDetails(SampleResults.SCRIPT_LABEL);
        assertThat(browser.executeScript("return typeof window.gradproofXss")).isEqualTo("undefined");
        assertThat(browser.findElements(By.tagName("img"))).isEmpty();
        // the report's script and its data (type application/json, never run)
        assertThat(browser.findElements(By.tagName("script"))).hasSize(2);
        assertThat(browser.findElements(By.cssSelector("script[type='application/json']"))).hasSize(1);
        assertThatThrownBy(() -> browser.switchTo().alert()).isInstanceOf(NoAlertPresentException.class);
    }

    @Test
    void theFilterAndTheVerdictBoxesHideRows() {
        browser.findElement(By.id("filter")).sendKeys("relu");
        assertThat(column(2)).containsExactly("relu at its kink");
        assertThat(browser.findElement(By.id("shown")).getText()).isEqualTo("1");

        browser.findElement(By.id("filter")).clear();
        browser.findElement(By.id("filter")).sendKeys(" ");
        browser.findElement(By.cssSelector("input.verdict-filter[value=PASS]")).click();
        assertThat(column(11)).containsExactlyInAnyOrder("FAIL", "KINK");
        assertThat(browser.findElement(By.id("shown")).getText()).isEqualTo("2");
    }

    @Test
    void detailsOpenOnDemandWithAHeatmapPerInputAndTheWorstElements() throws IOException {
        assertThat(browser.findElements(By.cssSelector("tr.details"))).isEmpty();

        WebElement details = openDetails("matmul [6, 8] @ [8, 3]");

        assertThat(details.getAttribute("class")).isEqualTo("details");
        List<WebElement> heatmaps = details.findElements(By.cssSelector("svg.heatmap"));
        assertThat(heatmaps).hasSize(2);
        assertThat(heatmaps.get(0).findElements(By.tagName("rect"))).hasSize(48);
        assertThat(heatmaps.get(1).findElements(By.tagName("rect"))).hasSize(24);
        assertThat(details.findElements(By.cssSelector("table.worst tbody tr"))).hasSize(10);
        assertThat(details.getText()).contains("Replay").contains("GradCheck.of(f)").contains("Verdict\nPASSED");

        WebElement wrong = openDetails("wrong backward");
        assertThat(wrong.getText()).contains("FAIL").contains("FAILED");
        saveFullPageScreenshot();
    }

    @Test
    void aLinkFromThePerOpTableOpensTheWorstCheck() {
        browser.findElements(By.cssSelector("#ops tbody a")).stream()
                .filter(a -> a.getText().equals("sigmoid with the wrong backward")).findFirst().orElseThrow().click();

        assertThat(browser.findElements(By.cssSelector("tr.details"))).hasSize(1);
        assertThat(browser.findElement(By.cssSelector("tr.details")).getText()).contains("FAILED");
    }

    /** The whole page (the window stretched to its height), for a person to look at. */
    private static void saveFullPageScreenshot() throws IOException {
        Dimension before = browser.manage().window().getSize();
        long height = (Long) browser.executeScript("return document.documentElement.scrollHeight");
        browser.manage().window().setSize(new Dimension(before.getWidth(), (int) Math.min(height + 40, 8000)));
        browser.executeScript("window.scrollTo(0, 0)");
        byte[] png = browser.getScreenshotAs(OutputType.BYTES);
        browser.manage().window().setSize(before);
        Files.createDirectories(SCREENSHOT.getParent());
        Files.write(SCREENSHOT, png);
        assertThat(png).startsWith(0x89, 'P', 'N', 'G');
    }
}
