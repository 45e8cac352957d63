package com.labelmint.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Comparator;
import java.util.Map;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Debian's headless Chromium driven through its own chromedriver (no browser or driver downloads), with a fresh
 * profile that {@link #close()} deletes; screenshots go to target/screenshots/.
 */
public final class HeadlessChromium implements AutoCloseable {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    private static final Path SCREENSHOTS = Path.of("target/screenshots");

    private final WebDriver browser;
    private final Path profile;

    private HeadlessChromium(ChromeOptions options, Path profile) {
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort().build();
        this.browser = new ChromeDriver(service, options);
        this.profile = profile;
        browser.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60));
    }

    /** A desktop window of 1280×900. */
    public static HeadlessChromium desktop() throws IOException {
        Path profile = newProfile();
        return new HeadlessChromium(options(profile).addArguments("--window-size=1280,900"), profile);
    }

    /** A phone of {@code width}×{@code height} CSS pixels with a touch screen, as Chrome's device mode emulates one. */
    public static HeadlessChromium phone(int width, int height) throws IOException {
        Path profile = newProfile();
        ChromeOptions options = options(profile).addArguments("--window-size=" + width + "," + height);
        options.setExperimentalOption("mobileEmulation", Map.of("deviceMetrics",
                Map.of("width", width, "height", height, "pixelRatio", 2.0, "touch", true)));
        return new HeadlessChromium(options, profile);
    }

    public WebDriver driver() {
        return browser;
    }

    public void screenshot(String name) throws IOException {
        Files.createDirectories(SCREENSHOTS);
        Path shot = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE).toPath();
        Files.copy(shot, SCREENSHOTS.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
    }

    @Override
    public void close() throws IOException {
        try {
            browser.quit();
        } finally {
            try (var files = Files.walk(profile)) {
                files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            }
        }
    }

    // a missing browser fails the test loudly: scripts/test.sh installs it, and a skipped browser test proves nothing
    private static Path newProfile() throws IOException {
        assertThat(Files.isExecutable(CHROMIUM)).as("Chromium is missing: apt-get install -y chromium chromium-driver").isTrue();
        assertThat(Files.isExecutable(CHROMEDRIVER)).as("chromedriver is missing: apt-get install -y chromium-driver").isTrue();
        return Files.createTempDirectory("labelmint-chromium-");
    }

    private static ChromeOptions options(Path profile) {
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--disable-quic",
                "--user-data-dir=" + profile);
        return options;
    }
}
