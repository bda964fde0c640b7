package vn.loa.controller.http;

import java.net.URI;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import vn.loa.controller.text.Printable;

/**
 * Where a user's session token travels. API clients send {@code Authorization: Bearer <token>}.
 * The web console holds it only as an HttpOnly cookie (its scripts never see it, so a script
 * injected into the page could not carry it away). The cookie opens reads ({@code GET},
 * {@code HEAD}: EventSource, audio elements and download links cannot send headers); a change
 * with it needs the console's own header {@code X-Loa-Console: 1}, which a page of another
 * site cannot add without a CORS preflight this server never grants, and an {@code Origin}, when
 * the browser sends one, naming this server. The cookie is {@code SameSite=Strict} besides.
 */
public final class SessionTokens {
    /** The console's session cookie. */
    public static final String COOKIE = "loa_session";
    /** The header the console's scripts send with every request. */
    public static final String CONSOLE_HEADER = "X-Loa-Console";

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

    /** The session cookie's token, for a read (GET or HEAD) or a change the console's script sends. */
    public static Optional<String> cookie(Request request) {
        return reads(request) || fromConsole(request) ? sessionCookie(request) : Optional.empty();
    }

    private static Optional<String> sessionCookie(Request request) {
        for (String cookies : request.header("cookie").orElse("").split(";")) {
            String pair = cookies.strip();
            if (pair.startsWith(COOKIE + "=")) {
                String token = pair.substring(COOKIE.length() + 1).strip();
                return token.isEmpty() ? Optional.empty() : Optional.of(token);
            }
        }
        return Optional.empty();
    }

    /**
     * Whether the request comes from the console's own script: it carries {@code X-Loa-Console: 1}
     * and, if the browser names its origin, that origin is this server (its Host).
     */
    public static boolean fromConsole(Request request) {
        if (!consoleHeader(request)) {
            return false;
        }
        Optional<String> origin = request.header("origin");
        if (origin.isEmpty()) {
            return true;
        }
        try {
            String authority = URI.create(origin.get().strip()).getRawAuthority();
            return authority != null && authority.equalsIgnoreCase(request.header("host").orElse("").strip());
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /**
     * Why a change the console sent with its cookie was not taken, if that is what happened: its
     * {@code Origin} is not this server as the request names it. Behind a reverse proxy that
     * rewrites {@code Host} this is every change, so the answer names the fix.
     */
    public static Optional<String> refusedOrigin(Request request) {
        if (reads(request) || !consoleHeader(request) || fromConsole(request) || sessionCookie(request).isEmpty()) {
            return Optional.empty();
        }
        return Optional.of("the console's request comes from " + Printable.of(request.header("origin").orElse(""), 100)
                + " but reached this controller as host '" + Printable.of(request.header("host").orElse(""), 100)
                + "'; a reverse proxy in front of the controller must pass the Host header on unchanged "
                + "(nginx: proxy_set_header Host $host)");
    }

    private static boolean reads(Request request) {
        return request.method().equals("GET") || request.method().equals("HEAD");
    }

    private static boolean consoleHeader(Request request) {
        return "1".equals(request.header(CONSOLE_HEADER).orElse("").strip());
    }

    /** The header token, else (for a read, or a change from the console) the cookie's. */
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
