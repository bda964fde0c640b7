package vn.loa.controller.emergency;

import java.util.Locale;
import java.util.Optional;

/**
 * How far one station got with an emergency announcement, as the controller knows it. Stages only
 * move forward (by {@link #rank}); a final stage never changes.
 */
public enum StationStage {
    /** Published while the station was online; not confirmed yet. */
    SENT(0),
    /** The station was offline: it gets the announcement when it reconnects, while still valid. */
    UNREACHABLE(0),
    /** The station confirmed it has the announcement. */
    RECEIVED(1),
    /** The station switched the zones on. */
    ZONES_ON(2),
    /** The audio began (receipt {@code started}). */
    PLAYING(3),
    FINISHED(4),
    /** Cut short by a stop. */
    STOPPED(4),
    /** Cut short otherwise (e.g. the agent restarted). */
    PARTLY_PLAYED(4),
    FAILED(4),
    /** Never began: reached too late, or stopped before it was reached. */
    MISSED(4),
    /** No final word from the station long after the announcement should have ended. */
    UNCONFIRMED(4);

    private final int rank;

    StationStage(int rank) {
        this.rank = rank;
    }

    public int rank() {
        return rank;
    }

    public boolean isFinal() {
        return rank == 4;
    }

    /** Not yet confirmed by the station at all. */
    public boolean awaitsStation() {
        return rank == 0;
    }

    /** The stage a station's receipt for the broadcast reports ({@code stopped}: the announcement was stopped). */
    static StationStage ofReceipt(vn.loa.protocol.ReceiptState state, boolean stopped) {
        return switch (state) {
            case STARTED -> PLAYING;
            case FINISHED -> FINISHED;
            case PARTLY_PLAYED -> stopped ? STOPPED : PARTLY_PLAYED;
            case MISSED -> MISSED;
            case FAILED -> FAILED;
        };
    }

    public String wireName() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public static Optional<StationStage> fromWire(String wire) {
        for (StationStage stage : values()) {
            if (stage.wireName().equals(wire)) {
                return Optional.of(stage);
            }
        }
        return Optional.empty();
    }
}
