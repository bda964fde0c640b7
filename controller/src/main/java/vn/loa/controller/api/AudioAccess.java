package vn.loa.controller.api;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.function.BiPredicate;
import java.util.function.Function;
import vn.loa.controller.auth.Principal;
import vn.loa.controller.http.Request;
import vn.loa.controller.http.SessionTokens;

/**
 * Who may download audio from {@code /audio/{sha256}}: a station with its own credentials (HTTP
 * Basic, the same username and password as on MQTT) or a user with a bearer token (or, for the console, the session cookie). Anything else
 * is a 401. Reads the database for a token; a station's password is checked against the stored hash.
 */
public final class AudioAccess {
    private final BiPredicate<String, String> stationLogins;
    private final Function<String, Principal> tokens;

    /**
     * @param stationLogins checks a station id and password
     * @param tokens        the principal behind a bearer token; throws an {@link ApiException} (401) otherwise
     */
    public AudioAccess(BiPredicate<String, String> stationLogins, Function<String, Principal> tokens) {
        this.stationLogins = Objects.requireNonNull(stationLogins, "stationLogins");
        this.tokens = Objects.requireNonNull(tokens, "tokens");
    }

    /** The user behind the request, or empty for a station that logged in; a 401 otherwise. */
    public Optional<Principal> require(Request request) {
        String header = request.header("authorization").orElse("").strip();
        String scheme = header.toLowerCase(Locale.ROOT);
        if (scheme.startsWith("basic ")) {
            requireStation(header.substring("basic ".length()).strip());
            return Optional.empty();
        }
        Optional<String> token = SessionTokens.of(request);
        if (token.isPresent()) {
            return Optional.of(tokens.apply(token.get()));
        }
        throw ApiException.unauthorized("audio is for stations and staff: send the station's credentials "
                + "(HTTP Basic, as on MQTT) or 'Authorization: Bearer <token>'");
    }

    private void requireStation(String encoded) {
        String decoded;
        try {
            decoded = new String(Base64.getDecoder().decode(encoded), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw ApiException.unauthorized("the Basic credentials are not valid base64");
        }
        int colon = decoded.indexOf(':');
        if (colon <= 0 || !stationLogins.test(decoded.substring(0, colon), decoded.substring(colon + 1))) {
            throw ApiException.unauthorized("unknown station or wrong password");
        }
    }
}
