package vn.loa.controller.emergency;

import java.util.List;
import java.util.function.Supplier;

/** Told of every change of an announcement, on the emergency thread; must not block. */
public interface EmergencyListener {
    /**
     * The announcement ({@code station} null) or one of its stations changed; {@code stations}
     * gives the whole current list (a copy: ask only when needed).
     */
    void changed(Announcement announcement, StationProgress station, Supplier<List<StationProgress>> stations);

    /** Every station reached a final stage: nothing more will change. */
    void ended(Announcement announcement, List<StationProgress> stations);

    EmergencyListener NONE = new EmergencyListener() {
        @Override
        public void changed(Announcement announcement, StationProgress station,
                            Supplier<List<StationProgress>> stations) {
        }

        @Override
        public void ended(Announcement announcement, List<StationProgress> stations) {
        }
    };
}
