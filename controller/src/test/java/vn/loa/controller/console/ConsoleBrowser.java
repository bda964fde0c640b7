package vn.loa.controller.console;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.assertions.PlaywrightAssertions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Debian's Chromium driven by Playwright for Java, fully offline (stack.md): no browser download,
 * no lookups of outside hosts. One per test class, as a JUnit extension
 * ({@code @RegisterExtension static final ConsoleBrowser browser = new ConsoleBrowser();}) that
 * starts the browser before the class's tests and closes it after them; {@link #open} gives each
 * test its own context (cookies, storage) at a desktop or phone viewport. Playwright's assertions
 * wait up to 30 s (generous: the machine may be busy).
 */
public final class ConsoleBrowser implements BeforeAllCallback, AfterAllCallback {
    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    /** Where screenshots go: kept as build artifacts. */
    static final Path SCREENSHOTS = Path.of("target", "console-screenshots");

    private Playwright playwright;
    private Browser browser;

    @Override
    public void beforeAll(ExtensionContext context) {
        if (!Files.isExecutable(CHROMIUM)) {
            throw new IllegalStateException(CHROMIUM + " is missing: install Debian's chromium (./loa test does)");
        }
        PlaywrightAssertions.setDefaultAssertionTimeout(30_000);
        playwright = Playwright.create();
        browser = playwright.chromium().launch(new BrowserType.LaunchOptions()
                .setExecutablePath(CHROMIUM)
                .setHeadless(true)
                .setArgs(List.of("--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                        "--disable-background-networking", "--disable-component-update", "--disable-sync",
                        "--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE 127.0.0.1 , EXCLUDE localhost")));
    }

    @Override
    public void afterAll(ExtensionContext context) {
        if (playwright != null) {
            playwright.close();
            playwright = null;
            browser = null;
        }
    }

    /** A fresh browser context on the console at {@code baseUrl}, at a desktop size. */
    public ConsolePage open(String baseUrl) {
        return open(baseUrl, Viewport.DESKTOP);
    }

    public ConsolePage open(String baseUrl, Viewport viewport) {
        return ConsolePage.open(browser, baseUrl, viewport);
    }

    /** Screen sizes the console is tested at. */
    public enum Viewport {
        DESKTOP(1366, 900, false),
        /** A mid-range Android phone in portrait, touch. */
        PHONE(390, 844, true);

        final int width;
        final int height;
        final boolean mobile;

        Viewport(int width, int height, boolean mobile) {
            this.width = width;
            this.height = height;
            this.mobile = mobile;
        }
    }
}
