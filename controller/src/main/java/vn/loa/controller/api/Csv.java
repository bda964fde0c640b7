package vn.loa.controller.api;

import java.util.Arrays;
import java.util.List;

/**
 * CSV as spreadsheets read it: CRLF rows, quoted cells where needed, and a leading {@code '} on any
 * cell starting with {@code = + - @} so a spreadsheet never runs it as a formula.
 */
public final class Csv {
    private final StringBuilder text = new StringBuilder();

    /** Appends one row; null cells are empty. */
    public Csv row(Object... cells) {
        return row(Arrays.asList(cells));
    }

    public Csv row(List<?> cells) {
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                text.append(',');
            }
            text.append(cell(cells.get(i)));
        }
        text.append("\r\n");
        return this;
    }

    @Override
    public String toString() {
        return text.toString();
    }

    /** One cell, escaped and guarded against formula injection. */
    public static String cell(Object value) {
        if (value == null) {
            return "";
        }
        String text = value.toString();
        if (!text.isEmpty() && "=+-@".indexOf(text.charAt(0)) >= 0) {
            text = "'" + text;
        }
        if (text.contains(",") || text.contains("\"") || text.contains("\n") || text.contains("\r")) {
            return '"' + text.replace("\"", "\"\"") + '"';
        }
        return text;
    }
}
