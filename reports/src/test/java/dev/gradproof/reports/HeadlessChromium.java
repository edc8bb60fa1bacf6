package dev.gradproof.reports;

import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Debian's Chromium driven by Debian's chromedriver, both named explicitly so that Selenium Manager
 * never downloads a browser or a driver. Started with the flags that work on a machine without a
 * network (no background networking, no component updates, no sync, no QUIC) and a fresh profile.
 * Where either is missing the test is skipped with a message, except when the environment
 * variable {@code CI} is set: there a missing browser fails the test.
 */
final class HeadlessChromium {

    /** The browser; {@code -Dgradproof.chromium=...} names another. */
    static final Path BROWSER = Path.of(System.getProperty("gradproof.chromium", "/usr/bin/chromium"));
    /** The driver; {@code -Dgradproof.chromedriver=...} names another. */
    static final Path DRIVER = Path.of(System.getProperty("gradproof.chromedriver", "/usr/bin/chromedriver"));

    private HeadlessChromium() {
    }

    /** Skips the calling test (or fails it under CI) when the browser or the driver is missing. */
    static void requireInstalled() {
        if (Files.isExecutable(BROWSER) && Files.isExecutable(DRIVER)) {
            return;
        }
        String missing = "no headless Chromium here: " + (Files.isExecutable(BROWSER) ? "" : BROWSER + " ")
                + (Files.isExecutable(DRIVER) ? "" : DRIVER + " ")
                + "missing (Debian: apt-get install chromium chromium-driver)";
        String ci = System.getenv("CI");
        if (ci != null && !ci.isBlank() && !ci.equalsIgnoreCase("false")) {
            Assertions.fail(missing + "; CI is set, so the browser test must run, not be skipped");
        }
        System.out.println(missing + "; the browser test is skipped");
        Assumptions.abort(missing);
    }

    /** A new headless browser with an empty profile in {@code profile}, its window {@code width x height}. */
    static ChromeDriver start(Path profile, int width, int height) {
        requireInstalled();
        ChromeOptions options = new ChromeOptions();
        options.setBinary(BROWSER.toFile());
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--hide-scrollbars", "--user-data-dir=" + profile.toAbsolutePath(),
                "--window-size=" + width + "," + height);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(DRIVER.toFile())
                .usingAnyFreePort()
                .build();
        return new ChromeDriver(service, options);
    }
}
