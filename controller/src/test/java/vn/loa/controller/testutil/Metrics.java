package vn.loa.controller.testutil;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads one sample of /metrics (Prometheus text). */
public final class Metrics {
    private Metrics() {
    }

    /** The value of the sample with this name and label, 0 when absent. */
    public static double value(ApiClient api, String name, String label, String labelValue) {
        String text = api.get("/metrics").text();
        Pattern sample = Pattern.compile("^" + Pattern.quote(name) + "\\{([^}]*)\\}\\s+(\\S+)$", Pattern.MULTILINE);
        Matcher matcher = sample.matcher(text);
        while (matcher.find()) {
            if (matcher.group(1).contains(label + "=\"" + labelValue + "\"")) {
                return Double.parseDouble(matcher.group(2));
            }
        }
        return 0;
    }
}
