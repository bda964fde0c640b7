package vn.loa.controller.emergency;

import java.util.List;

/** Told of every change of an announcement, on the emergency thread; must not block. */
public interface EmergencyListener {
    /** The announcement or one of its stations changed; {@code stations} is the whole current list. */
    void changed(Announcement announcement, List<StationProgress> stations, StationProgress station);

    /** Every station reached a final stage: nothing more will change. */
    void ended(Announcement announcement, List<StationProgress> stations);

    EmergencyListener NONE = new EmergencyListener() {
        @Override
        public void changed(Announcement announcement, List<StationProgress> stations, StationProgress station) {
        }

        @Override
        public void ended(Announcement announcement, List<StationProgress> stations) {
        }
    };
}
