package vn.loa.controller.cap;

import java.text.Normalizer;
import java.util.Locale;

/** Text compared the way people mean it: case ignored, and Vietnamese marks in one form (NFC). */
final class CapText {
    private CapText() {
    }

    /** "Lũ Quét" in NFC or NFD → "lũ quét" in NFC. */
    static String fold(String text) {
        return Normalizer.normalize(text.strip(), Normalizer.Form.NFC).toLowerCase(Locale.ROOT);
    }

    static boolean containsFolded(String text, String foldedPart) {
        return fold(text).contains(foldedPart);
    }
}
