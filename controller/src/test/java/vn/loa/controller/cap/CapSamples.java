package vn.loa.controller.cap;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import vn.loa.controller.registry.Area;
import vn.loa.controller.registry.AreaLevel;
import vn.loa.controller.registry.Station;

/** The sample alerts under {@code src/test/resources/cap/} and small registries to aim them at. */
final class CapSamples {
    static final String SENDER = "pctt.laocai@loa.invalid";
    static final String ALERT_KEY = SENDER + ",LCI-PCTT-2026-0912-001,2026-09-12T05:30:00+07:00";
    static final String UPDATE_KEY = SENDER + ",LCI-PCTT-2026-0912-002,2026-09-12T09:00:00+07:00";
    /** The commune's code in the samples' VN-ADMIN geocode. */
    static final String COMMUNE_CODE = "25252";
    /** Inside the samples' polygon; {@link #OUTSIDE} is not, nor in the update's circle. */
    static final GeoPoint INSIDE = new GeoPoint(22.25, 104.14);
    static final GeoPoint OUTSIDE = new GeoPoint(22.40, 104.40);
    /** In the update's circle of 3 km around 22.15,104.25. */
    static final GeoPoint BY_THE_STREAM = new GeoPoint(22.16, 104.26);

    private static final Instant CREATED = Instant.parse("2026-01-01T00:00:00Z");

    private CapSamples() {
    }

    static byte[] bytes(String resource) {
        try (InputStream in = CapSamples.class.getResourceAsStream("/cap/" + resource)) {
            if (in == null) {
                throw new IllegalStateException("no test resource /cap/" + resource);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static CapAlert floodAlert() {
        return CapParser.parse(bytes("flood-alert.xml"));
    }

    static CapAlert floodUpdate() {
        return CapParser.parse(bytes("flood-update.xml"));
    }

    static CapAlert floodCancel() {
        return CapParser.parse(bytes("flood-cancel.xml"));
    }

    /** The flood alert with its text changed, e.g. {@code <status>Actual} → {@code <status>Test}. */
    static CapAlert floodAlertWith(String from, String to) {
        return CapParser.parse(floodAlertText().replace(from, to).getBytes(StandardCharsets.UTF_8));
    }

    static String floodAlertText() {
        return new String(bytes("flood-alert.xml"), StandardCharsets.UTF_8);
    }

    /** A minimal valid alert: a Test Alert with one info and one area; {@code body} replaces {@code $INFO}. */
    static String minimalAlert(String body) {
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <alert xmlns="urn:oasis:names:tc:emergency:cap:1.2">
                  <identifier>T-1</identifier>
                  <sender>test@loa.invalid</sender>
                  <sent>2026-09-12T05:30:00+07:00</sent>
                  <status>Test</status>
                  <msgType>Alert</msgType>
                  <scope>Public</scope>
                  $INFO
                </alert>
                """.replace("$INFO", body);
    }

    static String minimalInfo(String area) {
        return """
                <info>
                  <category>Met</category>
                  <event>Storm</event>
                  <urgency>Expected</urgency>
                  <severity>Severe</severity>
                  <certainty>Likely</certainty>
                  <area><areaDesc>Somewhere</areaDesc>$AREA</area>
                </info>
                """.replace("$AREA", area);
    }

    static Area area(long id, Long parentId, String code) {
        AreaLevel level = parentId == null ? AreaLevel.PROVINCE : AreaLevel.COMMUNE;
        return new Area(id, parentId, "Area " + code, code, level, CREATED, CREATED);
    }

    static Station station(String id, long areaId, GeoPoint where) {
        return new Station(id, areaId, "Cụm loa " + id, where == null ? null : where.latitude(),
                where == null ? null : where.longitude(), List.of(), CREATED, CREATED);
    }
}
