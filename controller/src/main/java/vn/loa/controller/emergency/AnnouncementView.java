package vn.loa.controller.emergency;

import java.util.List;

/** An announcement and its stations' progress, at one moment. */
public record AnnouncementView(Announcement announcement, List<StationProgress> stations) {
    public AnnouncementView {
        stations = List.copyOf(stations);
    }
}
