package vn.loa.controller.console;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Playwright;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Debian's Chromium driven by Playwright for Java, fully offline (stack.md): no browser download,
 * no lookups of outside hosts. One per test class; {@link #open} gives each test its own context
 * (cookies, storage) at a desktop or phone viewport.
 */
public final class ConsoleBrowser implements AutoCloseable {
    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    /** Where screenshots go: kept as build artifacts. */
    static final Path SCREENSHOTS = Path.of("target", "console-screenshots");

    private final Playwright playwright;
    private final Browser browser;

    private ConsoleBrowser(Playwright playwright, Browser browser) {
        this.playwright = playwright;
        this.browser = browser;
    }

    public static ConsoleBrowser launch() {
        if (!Files.isExecutable(CHROMIUM)) {
            throw new IllegalStateException(CHROMIUM + " is missing: install Debian's chromium (./loa test does)");
        }
        Playwright playwright = Playwright.create();
        try {
            Browser browser = playwright.chromium().launch(new BrowserType.LaunchOptions()
                    .setExecutablePath(CHROMIUM)
                    .setHeadless(true)
                    .setArgs(List.of("--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                            "--disable-background-networking", "--disable-component-update", "--disable-sync",
                            "--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE 127.0.0.1 , EXCLUDE localhost")));
            return new ConsoleBrowser(playwright, browser);
        } catch (RuntimeException e) {
            playwright.close();
            throw e;
        }
    }

    /** A fresh browser context on the console at {@code baseUrl}, at a desktop size. */
    public ConsolePage open(String baseUrl) {
        return open(baseUrl, Viewport.DESKTOP);
    }

    public ConsolePage open(String baseUrl, Viewport viewport) {
        return ConsolePage.open(browser, baseUrl, viewport);
    }

    @Override
    public void close() {
        try {
            browser.close();
        } finally {
            playwright.close();
        }
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
