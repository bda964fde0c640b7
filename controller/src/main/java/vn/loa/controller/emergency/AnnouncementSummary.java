package vn.loa.controller.emergency;

import java.util.Map;

/** An announcement and how many of its stations are at each stage (wire name → count). */
public record AnnouncementSummary(Announcement announcement, Map<String, Integer> stationsByStage) {
    public AnnouncementSummary {
        stationsByStage = Map.copyOf(stationsByStage);
    }
}
