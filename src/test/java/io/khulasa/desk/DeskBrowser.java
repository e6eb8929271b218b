package io.khulasa.desk;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.stream.Stream;

import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.WebDriverWait;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Debian's headless Chromium, driven by Debian's chromedriver, pointed at the packaged service. Nothing is downloaded:
 * the browser and the driver are the system's ({@code apt-get install chromium chromium-driver}); when they are
 * missing the test fails and says so, it is never skipped.
 * <p>
 * Every request the page makes is recorded from the driver's performance log ({@code Network.requestWillBeSent}),
 * so a test can check that none leaves the service's origin; the browser console is recorded too.
 */
final class DeskBrowser implements AutoCloseable {

    static final Path CHROMIUM = Path.of(System.getProperty("khulasa.desk.chromium", "/usr/bin/chromium"));
    static final Path CHROMEDRIVER = Path.of(System.getProperty("khulasa.desk.chromedriver", "/usr/bin/chromedriver"));
    static final Path SCREENSHOTS = Path.of("target", "desk-screenshots");
    static final Dimension LAPTOP = new Dimension(1440, 1000);
    static final Dimension TABLET = new Dimension(820, 1180);
    static final Duration WAIT = Duration.ofSeconds(45);

    /** A request the page made. */
    record Request(String url, String method, Map<String, String> headers, String postData) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private final URI origin;
    private final Path profile;
    private final ChromeDriverService service;
    private final ChromeDriver driver;
    private final List<Request> requests = new ArrayList<>();
    private final List<String> console = new ArrayList<>();

    private DeskBrowser(URI origin, Path profile, ChromeDriverService service, ChromeDriver driver) {
        this.origin = origin;
        this.profile = profile;
        this.service = service;
        this.driver = driver;
    }

    /** Starts a fresh browser (its own empty profile) for the service at {@code root}. */
    static DeskBrowser start(URI root) {
        assertThat(CHROMIUM).as("Debian's chromium is needed for the editor's desk tests: apt-get install chromium")
                .isExecutable();
        assertThat(CHROMEDRIVER).as("Debian's chromedriver is needed for the editor's desk tests: apt-get install chromium-driver")
                .isExecutable();
        Path profile;
        try {
            profile = Files.createTempDirectory("khulasa-desk-chromium");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        // The machine's network is closed: no background traffic, so nothing but the page's own requests happen.
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--no-default-browser-check", "--password-store=basic", "--lang=en-GB",
                "--disable-features=Translate,MediaRouter,OptimizationHints,AutofillServerCommunication",
                "--user-data-dir=" + profile, "--window-size=" + LAPTOP.width + "," + LAPTOP.height);
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.PERFORMANCE, Level.ALL);
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        // The driver is given explicitly, so Selenium Manager (which would download one) is never asked.
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort().build();
        ChromeDriver driver = new ChromeDriver(service, options);
        driver.manage().timeouts().scriptTimeout(WAIT);
        URI origin = URI.create(root.getScheme() + "://" + root.getAuthority());
        return new DeskBrowser(origin, profile, service, driver);
    }

    URI origin() {
        return origin;
    }

    WebDriver driver() {
        return driver;
    }

    /**
     * Opens the desk and waits until it has asked the service for the prompt versions. Requests recorded before are
     * dropped: they belong to the browser's own start page (chrome://new-tab-page…), not to the desk.
     */
    DeskBrowser openDesk() {
        driver.manage().logs().get(LogType.PERFORMANCE);
        requests.clear();
        driver.get(origin.resolve("/").toString());
        waitFor("the page to load the prompt versions",
                d -> !String.valueOf(js("return document.body.dataset.prompts || ''")).isEmpty());
        return this;
    }

    WebElement testId(String id) {
        return driver.findElement(By.cssSelector("[data-testid='" + id + "']"));
    }

    WebElement id(String id) {
        return driver.findElement(By.id(id));
    }

    Object js(String script, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(script, args);
    }

    Object asyncJs(String script, Object... args) {
        return ((JavascriptExecutor) driver).executeAsyncScript(script, args);
    }

    /** The element's text as the DOM holds it (not as laid out), e.g. for the streamed outputs. */
    String textContent(WebElement element) {
        return String.valueOf(js("return arguments[0].textContent", element));
    }

    String state(String testId) {
        return testId(testId).getDomAttribute("data-state");
    }

    <T> T waitFor(String what, Function<WebDriver, T> condition) {
        return new WebDriverWait(driver, WAIT, Duration.ofMillis(50)).withMessage("waiting for " + what).until(condition);
    }

    void waitForState(String testId, String state) {
        waitFor(testId + " to be " + state, d -> state.equals(state(testId)));
    }

    /**
     * Puts text into a field the way the browser delivers typed or pasted text: one {@code Input.insertText} (what an
     * IME commit or a paste ends as: a trusted {@code beforeinput}/{@code input} pair with {@code inputType}
     * "insertText"), at the caret of the focused field. It used to go through the clipboard and Ctrl+V, which needs
     * clipboard permissions whose names and headless behaviour change between Chromium versions (Chromium 150 never
     * delivered the paste); entering text must not depend on them.
     */
    void paste(WebElement field, String text) {
        field.click();
        js("arguments[0].focus(); arguments[0].select()", field);
        driver.executeCdpCommand("Input.insertText", Map.of("text", text));
        waitFor("the entered text in the field", d -> text.equals(js("return arguments[0].value", field)));
    }

    /** What the page's clipboard holds now. */
    String clipboard() {
        grantClipboard();
        return String.valueOf(asyncJs("navigator.clipboard.readText().then(t => arguments[0](t), e => arguments[0]('ERROR ' + e))"));
    }

    private void grantClipboard() {
        driver.executeCdpCommand("Browser.grantPermissions", Map.of("origin", origin.toString(),
                "permissions", List.of("clipboardReadWrite", "clipboardSanitizedWrite")));
    }

    void resize(Dimension size) {
        driver.manage().window().setSize(size);
    }

    /** A PNG of the window in target/desk-screenshots/. */
    Path screenshot(String name) {
        try {
            Files.createDirectories(SCREENSHOTS);
            Path file = SCREENSHOTS.resolve(name + ".png");
            Files.copy(driver.getScreenshotAs(OutputType.FILE).toPath(), file, StandardCopyOption.REPLACE_EXISTING);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A PNG of the whole page, beyond the window, in target/desk-screenshots/. */
    Path fullPageScreenshot(String name) {
        Map<String, Object> metrics = driver.executeCdpCommand("Page.getLayoutMetrics", Map.of());
        @SuppressWarnings("unchecked")
        Map<String, Object> size = (Map<String, Object>) metrics.get("cssContentSize");
        Map<String, Object> clip = Map.of("x", 0, "y", 0, "width", ((Number) size.get("width")).intValue(),
                "height", ((Number) size.get("height")).intValue(), "scale", 1);
        Map<String, Object> shot = driver.executeCdpCommand("Page.captureScreenshot",
                Map.of("format", "png", "captureBeyondViewport", true, "clip", clip));
        try {
            Files.createDirectories(SCREENSHOTS);
            Path file = SCREENSHOTS.resolve(name + ".png");
            Files.write(file, java.util.Base64.getDecoder().decode((String) shot.get("data")));
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every request the page has made since the browser started, oldest first. */
    List<Request> requests() {
        for (LogEntry entry : driver.manage().logs().get(LogType.PERFORMANCE)) {
            try {
                JsonNode message = JSON.readTree(entry.getMessage()).path("message");
                if (!message.path("method").asText().equals("Network.requestWillBeSent")) {
                    continue;
                }
                JsonNode request = message.path("params").path("request");
                // The browser's own pages and their requests (its start page, chrome://new-tab-page, the
                // chrome-untrusted://new-tab-page/one-google-bar that Chromium 150 loads at start, devtools) are not
                // the desk's: a request made by or for a browser-internal scheme never leaves for the network.
                if (browserInternal(message.path("params").path("documentURL").asText())
                        || browserInternal(request.path("url").asText())) {
                    continue;
                }
                Map<String, String> headers = new LinkedHashMap<>();
                request.path("headers").properties().forEach(h -> headers.put(h.getKey().toLowerCase(java.util.Locale.ROOT),
                        h.getValue().asText()));
                requests.add(new Request(request.path("url").asText(), request.path("method").asText(), headers,
                        request.has("postData") ? request.path("postData").asText() : null));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return List.copyOf(requests);
    }

    /** Schemes the browser serves itself; nothing under them is a request of the page's. */
    static boolean browserInternal(String url) {
        int colon = url.indexOf(':');
        if (colon < 0) {
            return false;
        }
        return switch (url.substring(0, colon).toLowerCase(java.util.Locale.ROOT)) {
            case "chrome", "chrome-untrusted", "chrome-extension", "chrome-search", "devtools", "about" -> true;
            default -> false;
        };
    }

    /** Requests to one API path, e.g. {@code /v1/summaries}. */
    List<Request> requestsTo(String path) {
        return requests().stream().filter(r -> path.equals(URI.create(r.url()).getPath())).toList();
    }

    /** Browser console messages at SEVERE (script errors, Content-Security-Policy violations, failed loads). */
    List<String> consoleErrors() {
        for (LogEntry entry : driver.manage().logs().get(LogType.BROWSER)) {
            if (entry.getLevel().intValue() >= Level.SEVERE.intValue()) {
                console.add(entry.getMessage());
            }
        }
        return List.copyOf(console);
    }

    @Override
    public void close() {
        try {
            driver.quit();
        } finally {
            service.stop();
            try (Stream<Path> files = Files.walk(profile)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            } catch (IOException e) {
                // a temp folder left behind is harmless
            }
        }
    }
}
