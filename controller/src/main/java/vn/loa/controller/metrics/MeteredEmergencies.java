package vn.loa.controller.metrics;

import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Supplier;
import vn.loa.controller.emergency.Announcement;
import vn.loa.controller.emergency.EmergencyListener;
import vn.loa.controller.emergency.StationProgress;

/** Counts emergency announcements as they end, and their stations by final stage; then tells the next listener. */
public final class MeteredEmergencies implements EmergencyListener {
    private final EmergencyListener next;
    private final ControllerMetrics metrics;

    public MeteredEmergencies(EmergencyListener next, ControllerMetrics metrics) {
        this.next = Objects.requireNonNull(next, "next");
        this.metrics = Objects.requireNonNull(metrics, "metrics");
    }

    @Override
    public void changed(Announcement announcement, StationProgress station, Supplier<List<StationProgress>> stations) {
        next.changed(announcement, station, stations);
    }

    @Override
    public void ended(Announcement announcement, List<StationProgress> stations) {
        metrics.emergencyEnded(announcement.state().name().toLowerCase(Locale.ROOT));
        for (StationProgress station : stations) {
            metrics.emergencyStation(station.stage().wireName());
        }
        next.ended(announcement, stations);
    }
}
