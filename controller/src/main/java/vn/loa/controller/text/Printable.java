package vn.loa.controller.text;

/**
 * Text from outside (a request path, a header, a username, a topic) made safe for a log line or an
 * error message: cut to a length, control characters shown as '?'.
 */
public final class Printable {
    private Printable() {
    }

    /** {@code text} cut to {@code max} characters (then "…"), its control characters as '?'; "" for null. */
    public static String of(String text, int max) {
        if (text == null) {
            return "";
        }
        String shown = text.length() > max ? text.substring(0, max) + "…" : text;
        return shown.replaceAll("\\p{Cntrl}", "?");
    }
}
