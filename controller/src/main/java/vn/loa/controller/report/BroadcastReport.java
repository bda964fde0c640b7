package vn.loa.controller.report;

import java.util.List;

/** Broadcast hours and counts of the whole area ({@code total}) and of each commune in it. */
public record BroadcastReport(CommuneBroadcasts total, List<CommuneBroadcasts> communes) {
    public BroadcastReport {
        communes = List.copyOf(communes);
    }
}
