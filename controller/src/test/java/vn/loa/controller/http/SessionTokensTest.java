package vn.loa.controller.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SessionTokensTest {
    private static Request request(String method, Map<String, String> headers) {
        return new Request(method, "/api/v1/auth/me", Map.<String, List<String>>of(), headers, null, Map.of());
    }

    @Test
    void theBearerHeaderWinsForEveryMethod() {
        assertThat(SessionTokens.of(request("POST", Map.of("authorization", "Bearer abc")))).contains("abc");
        assertThat(SessionTokens.of(request("GET", Map.of("authorization", "bearer  abc ",
                "cookie", "loa_session=other")))).contains("abc");
    }

    @Test
    void theCookieCountsForReadsAndForChangesFromTheConsolesOwnScript() {
        Map<String, String> cookie = Map.of("cookie", "theme=dark; loa_session=tok123; x=y");
        assertThat(SessionTokens.of(request("GET", cookie))).contains("tok123");
        assertThat(SessionTokens.of(request("HEAD", cookie))).contains("tok123");
        assertThat(SessionTokens.of(request("POST", cookie))).isEmpty();
        assertThat(SessionTokens.of(request("DELETE", cookie))).isEmpty();
        assertThat(SessionTokens.of(request("PATCH", cookie))).isEmpty();
    }

    @Test
    void aChangeWithTheCookieNeedsTheConsoleHeaderAndThisServersOrigin() {
        String cookie = "loa_session=tok123";
        assertThat(SessionTokens.of(request("POST", Map.of("cookie", cookie, "x-loa-console", "1")))).contains("tok123");
        assertThat(SessionTokens.of(request("DELETE", Map.of("cookie", cookie, "x-loa-console", "1",
                "origin", "http://loa.example.vn:8080", "host", "LOA.example.vn:8080")))).contains("tok123");
        assertThat(SessionTokens.of(request("POST", Map.of("cookie", cookie, "x-loa-console", "1",
                "origin", "https://evil.example", "host", "loa.example.vn:8080")))).as("another site").isEmpty();
        assertThat(SessionTokens.of(request("POST", Map.of("cookie", cookie, "x-loa-console", "1",
                "origin", "null", "host", "loa.example.vn")))).as("an opaque origin").isEmpty();
        assertThat(SessionTokens.of(request("POST", Map.of("cookie", cookie, "x-loa-console", "1",
                "origin", "http://[bad", "host", "loa.example.vn")))).as("an origin that is no URI").isEmpty();
        assertThat(SessionTokens.of(request("POST", Map.of("cookie", cookie, "x-loa-console", "yes")))).isEmpty();
        assertThat(SessionTokens.of(request("POST", Map.of("cookie", cookie, "x-loa-console", "1",
                "origin", "http://loa.example.vn", "host", "loa.example.vn:8080")))).as("another port").isEmpty();
    }

    @Test
    void aConsoleChangeFromAnotherOriginIsExplainedNotJustRefused() {
        Map<String, String> proxied = Map.of("cookie", "loa_session=tok", "x-loa-console", "1",
                "origin", "https://loa.example.vn", "host", "127.0.0.1:8080");
        assertThat(SessionTokens.refusedOrigin(request("POST", proxied))).hasValueSatisfying(why -> assertThat(why)
                .contains("https://loa.example.vn").contains("127.0.0.1:8080").contains("proxy_set_header Host"));
        assertThat(SessionTokens.refusedOrigin(request("GET", proxied))).as("a read needs no origin").isEmpty();
        assertThat(SessionTokens.refusedOrigin(request("POST", Map.of("x-loa-console", "1",
                "origin", "https://evil.example", "host", "127.0.0.1:8080")))).as("no session cookie").isEmpty();
        assertThat(SessionTokens.refusedOrigin(request("POST", Map.of("cookie", "loa_session=tok",
                "origin", "https://evil.example", "host", "127.0.0.1:8080")))).as("not the console").isEmpty();
    }

    @Test
    void anotherAuthorizationSchemeIsNotReplacedByTheCookie() {
        assertThat(SessionTokens.of(request("GET", Map.of("authorization", "Basic eDp5",
                "cookie", "loa_session=tok")))).isEmpty();
    }

    @Test
    void emptyOrLookalikeCookiesAreNoToken() {
        assertThat(SessionTokens.of(request("GET", Map.of("cookie", "loa_session=")))).isEmpty();
        assertThat(SessionTokens.of(request("GET", Map.of("cookie", "xloa_session=tok")))).isEmpty();
        assertThat(SessionTokens.of(request("GET", Map.of()))).isEmpty();
    }

    @Test
    void theCookieIsHttpOnlyStrictAndSecureOverHttps() {
        assertThat(SessionTokens.setCookie("t", Duration.ofHours(12), false))
                .isEqualTo("loa_session=t; Path=/; Max-Age=43200; HttpOnly; SameSite=Strict");
        assertThat(SessionTokens.setCookie("t", Duration.ofHours(1), true)).endsWith("; Secure");
        assertThat(SessionTokens.clearCookie(false)).contains("Max-Age=0");
    }
}
