package vn.loa.controller.http;

import java.time.Duration;
import java.util.Locale;
import java.util.Optional;

/**
 * Where a user's session token travels. API clients send {@code Authorization: Bearer <token>}.
 * The web console also gets it as an HttpOnly cookie, because a browser's EventSource, audio
 * element and download links cannot send headers; the cookie is honoured for {@code GET} and
 * {@code HEAD} only, so a cross-site form can never change anything with it (and it is
 * {@code SameSite=Strict} besides).
 */
public final class SessionTokens {
    /** The console's session cookie. */
    public static final String COOKIE = "loa_session";

    private SessionTokens() {
    }

    /** The bearer token of the request's Authorization header, if it has one of that scheme. */
    public static Optional<String> bearer(Request request) {
        String header = request.header("authorization").orElse("").strip();
        if (!header.toLowerCase(Locale.ROOT).startsWith("bearer ")) {
            return Optional.empty();
        }
        String token = header.substring("bearer ".length()).strip();
        return token.isEmpty() ? Optional.empty() : Optional.of(token);
    }

    /** The session cookie's token, for a request that only reads (GET or HEAD). */
    public static Optional<String> cookie(Request request) {
        if (!request.method().equals("GET") && !request.method().equals("HEAD")) {
            return Optional.empty();
        }
        for (String cookies : request.header("cookie").orElse("").split(";")) {
            String pair = cookies.strip();
            if (pair.startsWith(COOKIE + "=")) {
                String token = pair.substring(COOKIE.length() + 1).strip();
                return token.isEmpty() ? Optional.empty() : Optional.of(token);
            }
        }
        return Optional.empty();
    }

    /** The header token, else (for a read) the cookie's. */
    public static Optional<String> of(Request request) {
        return bearer(request).or(() -> request.header("authorization").isPresent()
                ? Optional.empty() : cookie(request));
    }

    /** A Set-Cookie value that hands the console its session; {@code secure} over HTTPS. */
    public static String setCookie(String token, Duration lifetime, boolean secure) {
        return COOKIE + "=" + token + "; Path=/; Max-Age=" + Math.max(0, lifetime.toSeconds())
                + "; HttpOnly; SameSite=Strict" + (secure ? "; Secure" : "");
    }

    /** A Set-Cookie value that removes the session cookie. */
    public static String clearCookie(boolean secure) {
        return COOKIE + "=; Path=/; Max-Age=0; HttpOnly; SameSite=Strict" + (secure ? "; Secure" : "");
    }
}
