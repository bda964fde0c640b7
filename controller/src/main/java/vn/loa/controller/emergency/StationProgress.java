package vn.loa.controller.emergency;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * One station's part of an emergency announcement: its zones and how far it got, with the instant
 * the controller learnt each step (the controller's clock).
 */
public record StationProgress(String station, List<Integer> zones, StationStage stage, String reason, Instant sentAt,
                              Instant receivedAt, Instant zonesOnAt, Instant playingAt, Instant endedAt) {
    public StationProgress {
        Objects.requireNonNull(station, "station");
        zones = List.copyOf(zones);
        Objects.requireNonNull(stage, "stage");
    }

    static StationProgress initial(String station, List<Integer> zones, boolean online, Instant now) {
        return new StationProgress(station, zones, online ? StationStage.SENT : StationStage.UNREACHABLE, null,
                online ? now : null, null, null, null, null);
    }

    /** This progress moved to a stage at an instant; unchanged when that would not move it forward. */
    StationProgress moveTo(StationStage next, String why, Instant at) {
        if (stage.isFinal() || next.rank() < stage.rank() || next == stage && next != StationStage.SENT) {
            return this;
        }
        return new StationProgress(station, zones, next, why != null ? why : reason,
                next == StationStage.SENT ? at : sentAt,
                next == StationStage.RECEIVED ? at : receivedAt,
                next == StationStage.ZONES_ON ? at : zonesOnAt,
                next == StationStage.PLAYING ? at : playingAt,
                next.isFinal() ? at : endedAt);
    }

    StationProgress withZonesOn(List<Integer> on) {
        return new StationProgress(station, on.isEmpty() ? zones : on, stage, reason, sentAt, receivedAt, zonesOnAt,
                playingAt, endedAt);
    }
}
