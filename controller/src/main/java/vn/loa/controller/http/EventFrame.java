package vn.loa.controller.http;

/** The text of Server-Sent Events on the wire (the {@code text/event-stream} format). */
final class EventFrame {
    /** A comment line that keeps an idle stream alive; clients ignore it. */
    static final String KEEP_ALIVE = ": keep-alive\n\n";

    private EventFrame() {
    }

    /**
     * One event: an {@code event:} line (none when {@code event} is null), an {@code id:} line (none
     * when {@code id} is null), one {@code data:} line per line of {@code data}, and a blank line.
     * Line breaks in the name or id would end the field early, so they become spaces.
     */
    static String of(String event, String id, String data) {
        StringBuilder text = new StringBuilder();
        if (event != null) {
            text.append("event: ").append(oneLine(event)).append('\n');
        }
        if (id != null) {
            text.append("id: ").append(oneLine(id)).append('\n');
        }
        for (String line : (data == null ? "" : data).split("\r\n|\r|\n", -1)) {
            text.append("data: ").append(line).append('\n');
        }
        return text.append('\n').toString();
    }

    private static String oneLine(String text) {
        return text.replace("\r\n", " ").replace('\r', ' ').replace('\n', ' ');
    }
}
