package io.chatstream.localstack;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Debian's {@code chromium} driven through Debian's {@code chromedriver}, both named explicitly so
 * that Selenium Manager (which would try to download a browser and a driver) is never consulted.
 * Headless, with a fresh profile, and with everything that phones home switched off.
 */
final class HeadlessChromium {

    static final String BROWSER = System.getProperty("chat.chromium", "/usr/bin/chromium");
    static final String DRIVER = System.getProperty("chat.chromedriver", "/usr/bin/chromedriver");

    /**
     * Selenium warns at every start that it ships no DevTools bindings for this Chromium version;
     * the tests only use WebDriver itself, so the warning is noise. Held here so it is not collected.
     */
    private static final Logger CDP_VERSION_WARNINGS = quiet("org.openqa.selenium.devtools.CdpVersionFinder");
    private static final Logger CDP_DRIVER_WARNINGS = quiet("org.openqa.selenium.chromium.ChromiumDriver");

    private HeadlessChromium() {
    }

    /** Whether this machine has the two Debian packages ({@code chromium}, {@code chromium-driver}). */
    static boolean installed() {
        return Files.isExecutable(Path.of(BROWSER)) && Files.isExecutable(Path.of(DRIVER));
    }

    static ChromeDriver start(Path profileDir, Path driverLog) throws Exception {
        return start(profileDir, driverLog, "en-US");
    }

    /** A browser whose interface and {@code navigator.languages} are {@code language} (e.g. zh-CN). */
    static ChromeDriver start(Path profileDir, Path driverLog, String language) throws Exception {
        Files.createDirectories(profileDir);
        System.setProperty(ChromeDriverService.CHROME_DRIVER_EXE_PROPERTY, DRIVER);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(DRIVER))
                .usingAnyFreePort()
                .withLogFile(driverLog.toFile())
                .withTimeout(Duration.ofSeconds(30))
                .build();
        ChromeOptions options = new ChromeOptions();
        options.setBinary(BROWSER);
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--window-size=1280,900", "--user-data-dir=" + profileDir.toAbsolutePath());
        options.addArguments("--lang=" + language);
        options.setExperimentalOption("prefs", Map.of("intl.accept_languages", language));
        options.setCapability("goog:loggingPrefs", Map.of("browser", "ALL")); // the page's console, for diagnosis
        ChromeDriver driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30)).scriptTimeout(Duration.ofSeconds(10));
        return driver;
    }

    private static Logger quiet(String name) {
        Logger logger = Logger.getLogger(name);
        logger.setLevel(Level.SEVERE);
        return logger;
    }
}
