package vn.loa.controller.bulletin;

import java.util.Objects;
import java.util.regex.Pattern;
import vn.loa.controller.api.ApiException;
import vn.loa.protocol.BulletinClass;

/**
 * What staff say about an uploaded bulletin: its title, class and language. The language is a
 * BCP-47-style code: {@code vi}, {@code en}, {@code km}, {@code hmn}, {@code vi-VN}...
 */
public record BulletinMetadata(String title, BulletinClass bulletinClass, String language) {
    public static final int MAX_TITLE_LENGTH = 200;
    private static final Pattern LANGUAGE = Pattern.compile("[a-z]{2,3}(-[A-Za-z0-9]{2,8})*");
    private static final int MAX_LANGUAGE_LENGTH = 35;

    public BulletinMetadata {
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(bulletinClass, "bulletinClass");
        Objects.requireNonNull(language, "language");
        if (title.isBlank() || title.length() > MAX_TITLE_LENGTH) {
            throw new IllegalArgumentException("title must be 1-" + MAX_TITLE_LENGTH + " characters");
        }
        if (!isLanguage(language)) {
            throw new IllegalArgumentException("language must be a code like vi, en, km or hmn");
        }
    }

    public static boolean isLanguage(String code) {
        return code != null && code.length() <= MAX_LANGUAGE_LENGTH && LANGUAGE.matcher(code).matches();
    }

    /**
     * Reads the metadata from raw text parts ({@code title}, {@code class}, {@code language}); a
     * missing or invalid part is a 400 naming it.
     */
    public static BulletinMetadata parse(String title, String bulletinClass, String language) {
        String cleanTitle = required("title", title);
        if (cleanTitle.length() > MAX_TITLE_LENGTH) {
            throw ApiException.invalid("part 'title' must be at most " + MAX_TITLE_LENGTH + " characters");
        }
        if (cleanTitle.chars().anyMatch(c -> Character.isISOControl(c))) {
            throw ApiException.invalid("part 'title' must not contain control characters");
        }
        BulletinClass parsedClass = BulletinClass.fromWire(required("class", bulletinClass))
                .orElseThrow(() -> ApiException.invalid("part 'class' must be normal, priority or emergency"));
        String cleanLanguage = required("language", language);
        if (!isLanguage(cleanLanguage)) {
            throw ApiException.invalid("part 'language' must be a language code such as vi, en, km or hmn "
                    + "(2-3 lower-case letters, optionally followed by -subtags like vi-VN)");
        }
        return new BulletinMetadata(cleanTitle, parsedClass, cleanLanguage);
    }

    private static String required(String part, String value) {
        if (value == null) {
            throw ApiException.invalid("part '" + part + "' is required");
        }
        String stripped = value.strip();
        if (stripped.isEmpty()) {
            throw ApiException.invalid("part '" + part + "' must not be empty");
        }
        return stripped;
    }
}
