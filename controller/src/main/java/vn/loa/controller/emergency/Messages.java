package vn.loa.controller.emergency;

import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import vn.loa.protocol.Emergency;
import vn.loa.protocol.EmergencyStop;
import vn.loa.protocol.EmergencyTarget;
import vn.loa.protocol.MessageIds;

/** Builds the protocol messages and audit details of announcements. */
final class Messages {
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final char[] ALPHABET = "abcdefghijkmnpqrstuvwxyz23456789".toCharArray();

    private Messages() {
    }

    static String newId() {
        StringBuilder id = new StringBuilder("em-");
        for (int i = 0; i < 10; i++) {
            id.append(ALPHABET[RANDOM.nextInt(ALPHABET.length)]);
        }
        return id.toString();
    }

    /** The announcement for these stations, split in messages of at most {@link Emergency#MAX_TARGETS}. */
    static List<Emergency> emergencies(Announcement a, List<StationProgress> stations, Set<String> whole, Instant now) {
        List<Emergency> messages = new ArrayList<>();
        for (int from = 0; from < stations.size(); from += Emergency.MAX_TARGETS) {
            List<StationProgress> part = stations.subList(from, Math.min(stations.size(), from + Emergency.MAX_TARGETS));
            messages.add(emergencyFor(a, part, whole, now));
        }
        return messages;
    }

    static Emergency emergencyFor(Announcement a, List<StationProgress> stations, Set<String> whole, Instant now) {
        List<EmergencyTarget> targets = stations.stream().map(s -> new EmergencyTarget(s.station(),
                whole.contains(s.station()) ? List.of() : s.zones())).toList();
        return new Emergency(MessageIds.next(), now, a.id(), a.title(), a.bulletinId(), a.audio(), a.durationMillis(),
                a.repeat(), a.riskLevel(), a.validUntil(), a.warmUpMillis(), targets);
    }

    static EmergencyStop stopFor(Announcement a, List<String> stations, Instant now) {
        String by = a.stoppedBy() == null ? null : "stopped by " + a.stoppedBy();
        return new EmergencyStop(MessageIds.next(), now, a.id(), stations, by);
    }

    static Map<String, Object> auditDetail(Announcement a, NewAnnouncement request) {
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("title", a.title());
        detail.put("audio", a.audioSource());
        detail.put("bulletinId", a.bulletinId());
        detail.put("repeat", a.repeat());
        detail.put("riskLevel", a.riskLevel());
        detail.put("validUntil", a.validUntil().toString());
        detail.put("origin", a.origin());
        detail.put("targets", a.targets());
        detail.put("stations", request.reach().keySet().stream().sorted().toList());
        return detail;
    }

    static Map<String, Object> outcome(Announcement a, List<StationProgress> stations) {
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("title", a.title());
        detail.put("state", a.state().wireName());
        List<Map<String, Object>> rows = new ArrayList<>();
        for (StationProgress p : stations) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("station", p.station());
            row.put("stage", p.stage().wireName());
            row.put("reason", p.reason());
            row.put("zonesOnAt", p.zonesOnAt() == null ? null : p.zonesOnAt().toString());
            row.put("playingAt", p.playingAt() == null ? null : p.playingAt().toString());
            row.put("endedAt", p.endedAt() == null ? null : p.endedAt().toString());
            rows.add(row);
        }
        detail.put("stations", rows);
        return detail;
    }
}
