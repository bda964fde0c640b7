package vn.loa.controller.bulletin;

import java.util.Locale;
import java.util.Optional;

/** The audio file formats a bulletin may have, with their file extension and media type. */
public enum BulletinFormat {
    WAV("audio/wav"),
    MP3("audio/mpeg"),
    OGG("audio/ogg");

    private final String mediaType;

    BulletinFormat(String mediaType) {
        this.mediaType = mediaType;
    }

    /** {@code wav}, {@code mp3} or {@code ogg}: the API's name and the file extension. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The HTTP Content-Type of files of this format. */
    public String mediaType() {
        return mediaType;
    }

    public static Optional<BulletinFormat> fromWire(String name) {
        for (BulletinFormat value : values()) {
            if (value.wireName().equals(name)) {
                return Optional.of(value);
            }
        }
        return Optional.empty();
    }
}
