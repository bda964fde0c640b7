package vn.loa.controller.emergency;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * One station's part of an emergency announcement: the zones it is for and how far it got, with
 * the instant the controller learnt each step (the controller's clock). {@code decidedHere}: the
 * final stage was set by the controller's deadlines, not reported by the station, so a late
 * receipt from the station still overrules it (in memory only; a restarted controller trusts it).
 */
public record StationProgress(String station, List<Integer> zones, StationStage stage, String reason, Instant sentAt,
                              Instant receivedAt, Instant zonesOnAt, Instant playingAt, Instant endedAt,
                              boolean decidedHere) {
    public StationProgress {
        Objects.requireNonNull(station, "station");
        zones = List.copyOf(zones);
        Objects.requireNonNull(stage, "stage");
    }

    /** As stored: the stage is trusted. */
    public StationProgress(String station, List<Integer> zones, StationStage stage, String reason, Instant sentAt,
                           Instant receivedAt, Instant zonesOnAt, Instant playingAt, Instant endedAt) {
        this(station, zones, stage, reason, sentAt, receivedAt, zonesOnAt, playingAt, endedAt, false);
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
        return step(next, why, at, false);
    }

    /** A final stage the controller decides without the station's word (a deadline passed). */
    StationProgress decided(StationStage next, String why, Instant at) {
        StationProgress moved = moveTo(next, why, at);
        return moved == this ? this : moved.withDecidedHere();
    }

    /** The station's own report replaces what the controller decided without it. */
    StationProgress overruledBy(StationStage next, String why, Instant at) {
        return step(next, why, at, false);
    }

    private StationProgress step(StationStage next, String why, Instant at, boolean decided) {
        return new StationProgress(station, zones, next, why != null ? why : reason,
                next == StationStage.SENT ? at : sentAt,
                next == StationStage.RECEIVED ? at : receivedAt,
                next == StationStage.ZONES_ON ? at : zonesOnAt,
                next == StationStage.PLAYING ? at : playingAt,
                next.isFinal() ? at : endedAt, decided);
    }

    private StationProgress withDecidedHere() {
        return new StationProgress(station, zones, stage, reason, sentAt, receivedAt, zonesOnAt, playingAt, endedAt,
                true);
    }
}
