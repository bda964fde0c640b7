package vn.loa.controller.console;

import static org.assertj.core.api.Assertions.assertThat;

import com.deque.html.axecore.playwright.AxeBuilder;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.regex.Pattern;

/**
 * One browser context on the console, watching for what must never happen: an error on the
 * browser's console, an uncaught script error, a failed request or an HTTP error answer, except
 * the refusals a test declares it expects ({@link #expectRefusal}). {@link #assertClean()} fails
 * the test with everything seen.
 */
public final class ConsolePage implements AutoCloseable {
    private static final Pattern VIETNAMESE = Pattern.compile("[\\u0300-\\u036f]|đ|Đ");

    private final BrowserContext context;
    private final Page page;
    private final String baseUrl;
    private final List<String> problems = Collections.synchronizedList(new ArrayList<>());
    private final List<Refusal> expected = Collections.synchronizedList(new ArrayList<>());

    private record Refusal(String pathPart, int status) {
    }

    private ConsolePage(BrowserContext context, Page page, String baseUrl) {
        this.context = context;
        this.page = page;
        this.baseUrl = baseUrl;
    }

    static ConsolePage open(Browser browser, String baseUrl, ConsoleBrowser.Viewport viewport) {
        BrowserContext context = browser.newContext(new Browser.NewContextOptions()
                .setViewportSize(viewport.width, viewport.height)
                .setIsMobile(viewport.mobile)
                .setHasTouch(viewport.mobile)
                .setLocale("vi-VN")
                .setTimezoneId("Asia/Ho_Chi_Minh"));
        context.setDefaultTimeout(30_000);
        ConsolePage console = new ConsolePage(context, context.newPage(), baseUrl);
        console.watch();
        console.page.navigate(baseUrl + "/");
        console.page.waitForSelector("body[data-ready='true']");
        return console;
    }

    private void watch() {
        page.onConsoleMessage(message -> {
            if (message.type().equals("error") && !isExpected(message.location())) {
                problems.add("console error: " + message.text() + " at " + message.location());
            }
        });
        page.onPageError(error -> problems.add("script error: " + error));
        page.onRequestFailed(request -> {
            String failure = request.failure();
            boolean aborted = failure != null && failure.contains("ERR_ABORTED");
            boolean stream = request.url().contains("/events") || request.resourceType().equals("media");
            if (!(aborted && stream)) {
                problems.add("request failed: " + request.method() + " " + request.url() + " " + failure);
            }
        });
        page.onResponse(response -> {
            if (response.status() >= 400 && !isExpected(response.url(), response.status())) {
                problems.add("HTTP " + response.status() + ": " + response.request().method() + " " + response.url());
            }
        });
    }

    private boolean isExpected(String url) {
        return expected.stream().anyMatch(refusal -> url.contains(refusal.pathPart));
    }

    private boolean isExpected(String url, int status) {
        return expected.stream().anyMatch(refusal -> url.contains(refusal.pathPart) && refusal.status == status);
    }

    /** A refusal the test provokes on purpose (e.g. a 403 for another commune's station). */
    public ConsolePage expectRefusal(String pathPart, int status) {
        expected.add(new Refusal(pathPart, status));
        return this;
    }

    public Page page() {
        return page;
    }

    public String baseUrl() {
        return baseUrl;
    }

    /** Logs in through the login form and waits for the menu. */
    public ConsolePage login(String username, String password) {
        page.getByLabel(Pattern.compile("Tên đăng nhập|Username")).fill(username);
        page.getByLabel(Pattern.compile("^(Mật khẩu|Password)$")).fill(password);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(Pattern.compile("Đăng nhập|Log in")))
                .click();
        page.locator("#logout:visible").waitFor();
        return this;
    }

    /** Goes to a page of the console (e.g. "stations/demo-01") and waits for its heading. */
    public ConsolePage go(String route) {
        page.navigate(baseUrl + "/#/" + route);
        page.locator("main .page-title").first().waitFor();
        page.locator("main .loading").waitFor(new Locator.WaitForOptions()
                .setState(com.microsoft.playwright.options.WaitForSelectorState.DETACHED));
        return this;
    }

    public ConsolePage switchLanguage() {
        page.locator("#lang").click();
        return this;
    }

    /** A full-page screenshot under target/console-screenshots. */
    public Path screenshot(String name) {
        try {
            Files.createDirectories(ConsoleBrowser.SCREENSHOTS);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        Path file = ConsoleBrowser.SCREENSHOTS.resolve(name + ".png");
        page.screenshot(new Page.ScreenshotOptions().setPath(file).setFullPage(true));
        return file;
    }

    /**
     * The visible texts (and labels, placeholders, titles) that are still Vietnamese while the
     * console is in English: data from the API (marked data-value) and text marked with another
     * language (the language switch) do not count. Also every string key missing in one language.
     */
    @SuppressWarnings("unchecked")
    public List<String> untranslated() {
        List<String> found = new ArrayList<>((List<String>) page.evaluate("() => {\n"
                + "  const lang = document.documentElement.lang;\n"
                + "  const out = [];\n"
                + "  const skip = (el) => !el || el.closest('[data-value], script, style, noscript')\n"
                + "      || (el.closest('[lang]') && el.closest('[lang]').lang !== lang);\n"
                + "  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);\n"
                + "  for (let n = walker.nextNode(); n; n = walker.nextNode()) {\n"
                + "    const el = n.parentElement;\n"
                + "    if (!n.textContent.trim() || skip(el) || !el.checkVisibility()) continue;\n"
                + "    out.push(n.textContent.trim());\n"
                + "  }\n"
                + "  for (const el of document.querySelectorAll('[aria-label], [placeholder], [title]')) {\n"
                + "    if (skip(el) || !el.checkVisibility()) continue;\n"
                + "    for (const a of ['aria-label', 'placeholder', 'title']) {\n"
                + "      if (el.getAttribute(a)) out.push(el.getAttribute(a));\n"
                + "    }\n"
                + "  }\n"
                + "  return out;\n"
                + "}"));
        found.removeIf(text -> !VIETNAMESE.matcher(java.text.Normalizer.normalize(text,
                java.text.Normalizer.Form.NFD)).find());
        for (Object key : (List<Object>) page.evaluate("() => window.loa.missingStrings()")) {
            found.add("missing string key: " + key);
        }
        return found;
    }

    /**
     * What axe-core (Deque) finds against WCAG 2.1 A and AA on the page as it is now: missing labels,
     * contrast, roles, names... one line per rule broken, with up to five of the elements.
     */
    public List<String> accessibilityViolations() {
        return new AxeBuilder(page).withTags(List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa")).analyze()
                .getViolations().stream()
                .map(rule -> rule.getId() + " (" + rule.getImpact() + "): " + rule.getHelp() + " at "
                        + rule.getNodes().stream().limit(5).map(node -> String.valueOf(node.getTarget())).toList())
                .toList();
    }

    /** Fails with every problem seen: console errors, script errors, failed requests. */
    public void assertClean() {
        synchronized (problems) {
            assertThat(problems).as("console errors and failed requests").isEmpty();
        }
    }

    @Override
    public void close() {
        context.close();
    }
}
