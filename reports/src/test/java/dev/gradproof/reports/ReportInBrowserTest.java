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
        return browser.findElements(By.cssSelector("#checks tbody.check > tr.row"));
    }

    private List<String> column(int cell) {
        return rows().stream().filter(WebElement::isDisplayed)
                .map(r -> r.findElements(By.tagName("td")).get(cell).getText()).toList();
    }

    private List<Double> sortKeys(int cell) {
        return rows().stream().map(r -> Double.parseDouble(
                r.findElements(By.tagName("td")).get(cell).getAttribute("data-sort"))).toList();
    }

    private WebElement header(String text) {
        return browser.findElements(By.cssSelector("#checks thead th")).stream()
                .filter(th -> th.getText().startsWith(text)).findFirst().orElseThrow();
    }

    @Test
    void theCountsAndRowsAreShown() {
        assertThat(browser.getTitle()).isEqualTo("gradproof report");
        assertThat(browser.findElement(By.id("count-checks")).getText()).isEqualTo("5");
        assertThat(browser.findElement(By.id("count-pass")).getText()).isEqualTo("3");
        assertThat(browser.findElement(By.id("count-fail")).getText()).isEqualTo("1");
        assertThat(browser.findElement(By.id("count-kink")).getText()).isEqualTo("1");
        assertThat(browser.findElement(By.id("count-unreadable")).getText()).isEqualTo("1");
        assertThat(browser.findElement(By.id("unreadable")).getText()).contains("cut-short.json")
                .contains("partial: the JSON ends early (line 1)");
        assertThat(rows()).hasSize(SampleResults.CHECKS);
        assertThat(column(2)).containsExactlyInAnyOrder("matmul [6, 8] @ [8, 3]", "sigmoid [5]",
                "sigmoid with the wrong backward", "relu at its kink", SampleResults.SCRIPT_LABEL);
        assertThat(browser.findElements(By.cssSelector("#ops tbody tr"))).hasSize(4);
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
        List<Double> ascending = sortKeys(7);
        assertThat(ascending).isSortedAccordingTo(Comparator.naturalOrder());
        assertThat(header("Max rel. error").getAttribute("aria-sort")).isEqualTo("ascending");

        header("Max rel. error").click();
        assertThat(sortKeys(7)).isSortedAccordingTo(Comparator.reverseOrder());
        assertThat(column(2).get(0)).isEqualTo("sigmoid with the wrong backward");
        assertThat(column(10).get(0)).isEqualTo("FAIL");

        header("Label").click();
        List<String> labels = column(2);
        assertThat(labels).isSortedAccordingTo(Comparator.comparing(String::toLowerCase));
    }

    @Test
    void theScriptLabelIsTextAndNothingOfItRuns() {
        assertThat(column(2)).contains(SampleResults.SCRIPT_LABEL);
        assertThat(column(5)).anySatisfy(inputs -> assertThat(inputs).startsWith(SampleResults.IMG_INPUT));
        assertThat(browser.executeScript("return typeof window.gradproofXss")).isEqualTo("undefined");
        assertThat(browser.findElements(By.tagName("img"))).isEmpty();
        assertThat(browser.findElements(By.tagName("script"))).hasSize(1);
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
        assertThat(column(10)).containsExactlyInAnyOrder("FAIL", "KINK");
        assertThat(browser.findElement(By.id("shown")).getText()).isEqualTo("2");
    }

    @Test
    void detailsOpenOnDemandWithAHeatmapPerInputAndTheWorstElements() throws IOException {
        WebElement matmul = rows().stream().filter(r -> r.getText().contains("matmul [6, 8] @ [8, 3]"))
                .findFirst().orElseThrow();
        String id = matmul.findElement(By.cssSelector("button.toggle")).getAttribute("aria-controls");
        WebElement details = browser.findElement(By.id(id));
        assertThat(details.isDisplayed()).isFalse();

        matmul.findElement(By.cssSelector("button.toggle")).click();

        assertThat(details.isDisplayed()).isTrue();
        List<WebElement> heatmaps = details.findElements(By.cssSelector("svg.heatmap"));
        assertThat(heatmaps).hasSize(2);
        assertThat(heatmaps.get(0).findElements(By.tagName("rect"))).hasSize(48);
        assertThat(heatmaps.get(1).findElements(By.tagName("rect"))).hasSize(24);
        assertThat(details.findElements(By.cssSelector("table.worst tbody tr"))).hasSize(10);
        assertThat(details.getText()).contains("Replay").contains("GradCheck.of(f)");

        WebElement wrong = rows().stream().filter(r -> r.getText().contains("wrong backward")).findFirst().orElseThrow();
        wrong.findElement(By.cssSelector("button.toggle")).click();
        assertThat(browser.findElement(By.id(wrong.findElement(By.cssSelector("button.toggle"))
                .getAttribute("aria-controls"))).getText()).contains("FAIL");
        saveFullPageScreenshot();
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
