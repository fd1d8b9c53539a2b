package nl.taxledger.service.web;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A headless Chromium of the Debian packages ({@code chromium}, {@code chromium-driver}), driven by Selenium with
 * both paths given explicitly, so Selenium Manager never downloads a browser or a driver. Missing packages fail
 * the test on CI ({@code CI=true}, where {@code .ci/run} installs them) and skip it elsewhere, saying why.
 */
final class Browser implements AutoCloseable {
    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    static final Path SCREENSHOTS = Path.of("target/screenshots");

    private final WebDriver driver;
    private final String base;

    private Browser(WebDriver driver, String base) {
        this.driver = driver;
        this.base = base;
    }

    static Browser open(int port) {
        return open("http://localhost:" + port);
    }

    /** A browser whose paths are relative to {@code base} (e.g. {@code http://127.0.0.1:8080}). */
    static Browser open(String base) {
        boolean installed = Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
        if (!installed && "true".equals(System.getenv("CI"))) {
            throw new IllegalStateException("apt-get install chromium chromium-driver: .ci/run should have done it");
        }
        Assumptions.assumeTrue(installed, "browser tests need the Debian packages chromium and chromium-driver");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments(
                "--headless=new",
                "--no-sandbox",
                "--disable-dev-shm-usage",
                "--disable-gpu",
                "--window-size=1280,1024",
                "--lang=nl-NL");
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort()
                .build();
        ChromeDriver driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60));
        return new Browser(driver, base);
    }

    Browser go(String path) {
        driver.get(base + path);
        return this;
    }

    /** Signs out whoever is signed in, then in as {@code username}; ends on the page the sign-in leads to. */
    Browser signIn(String username, String password) {
        driver.manage().deleteAllCookies();
        go("/login");
        type("username", username);
        type("password", password);
        return click(By.cssSelector("form button[type=submit]"));
    }

    Browser type(String id, String text) {
        WebElement field = driver.findElement(By.id(id));
        field.clear();
        field.sendKeys(text);
        return this;
    }

    /** Chooses {@code file} in the file input {@code id}. */
    Browser upload(String id, Path file) {
        driver.findElement(By.id(id)).sendKeys(file.toString());
        return this;
    }

    /** Clicks and waits for the next page: the old page's root element goes stale once the new one loads. */
    Browser click(By by) {
        WebElement page = driver.findElement(By.tagName("html"));
        driver.findElement(by).click();
        new WebDriverWait(driver, Duration.ofSeconds(30)).until(ExpectedConditions.stalenessOf(page));
        return this;
    }

    /** Clicks something that changes part of the page (htmx) and waits until {@code appears} is there. */
    Browser clickAndWaitFor(By by, By appears) {
        driver.findElement(by).click();
        new WebDriverWait(driver, Duration.ofSeconds(60)).until(ExpectedConditions.presenceOfElementLocated(appears));
        return this;
    }

    /** Scrolls {@code by} into view (for a screenshot of it). */
    Browser scrollTo(By by) {
        ((ChromeDriver) driver).executeScript("arguments[0].scrollIntoView()", driver.findElement(by));
        return this;
    }

    String text(By by) {
        return driver.findElement(by).getText();
    }

    String pageText() {
        return driver.findElement(By.tagName("body")).getText();
    }

    java.util.List<WebElement> all(By by) {
        return driver.findElements(by);
    }

    /** The whole address of the page shown, on whichever host. */
    String url() {
        return driver.getCurrentUrl();
    }

    /** The id of the element that has the keyboard focus. */
    String focusedId() {
        return driver.switchTo().activeElement().getAttribute("id");
    }

    String path() {
        return driver.getCurrentUrl().substring(base.length());
    }

    /** Saves the page as target/screenshots/{name}.png. */
    void screenshot(String name) {
        try {
            Files.createDirectories(SCREENSHOTS);
            File shot = ((ChromeDriver) driver).getScreenshotAs(OutputType.FILE);
            Files.copy(shot.toPath(), SCREENSHOTS.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new IllegalStateException("screenshot " + name, e);
        }
    }

    @Override
    public void close() {
        driver.quit();
    }
}
