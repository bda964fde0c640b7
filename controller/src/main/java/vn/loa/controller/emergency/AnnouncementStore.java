package vn.loa.controller.emergency;

import com.fasterxml.jackson.databind.json.JsonMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import vn.loa.controller.audit.AuditLog;
import vn.loa.controller.store.Database;

/**
 * Where announcements are kept: each change of an announcement is written with its audit line in
 * one transaction (the change and who made it commit together); stations' progress in batches.
 */
final class AnnouncementStore {
    private final Database database;
    private final AuditLog audit;
    private final EmergencyRepository repository;

    AnnouncementStore(Database database, AuditLog audit, JsonMapper mapper) {
        this.database = Objects.requireNonNull(database, "database");
        this.audit = Objects.requireNonNull(audit, "audit");
        this.repository = new EmergencyRepository(mapper);
    }

    /** Writes an announcement (and its stations, when given) with the audit line of what happened to it. */
    void record(Announcement announcement, List<StationProgress> stations, String actor, String action,
                Map<String, Object> detail) {
        database.transaction(connection -> {
            repository.save(connection, announcement);
            if (stations != null) {
                repository.saveStations(connection, announcement.id(), stations);
            }
            audit.append(connection, actor, action, announcement.id(), detail);
            return null;
        });
    }

    /** Writes the stations' progress that changed, announcement id → stations. */
    void saveProgress(Map<String, List<StationProgress>> changed) {
        if (changed.isEmpty()) {
            return;
        }
        database.transaction(connection -> {
            for (Map.Entry<String, List<StationProgress>> entry : changed.entrySet()) {
                repository.saveStations(connection, entry.getKey(), entry.getValue());
            }
            return null;
        });
    }

    /** The announcements still running (active or stopped, not ended), with their stations. */
    List<LiveAnnouncement> running() {
        return database.read(connection -> {
            List<LiveAnnouncement> found = new ArrayList<>();
            for (EmergencyState state : List.of(EmergencyState.ACTIVE, EmergencyState.STOPPED)) {
                for (Announcement a : repository.list(connection, state, 1000)) {
                    if (a.endedAt() == null) {
                        found.add(new LiveAnnouncement(a, repository.stations(connection, a.id())));
                    }
                }
            }
            return found;
        });
    }

    Optional<Announcement> find(String id) {
        return database.read(connection -> repository.find(connection, id));
    }

    Optional<AnnouncementView> view(String id) {
        return database.read(connection -> {
            Optional<Announcement> found = repository.find(connection, id);
            return found.isEmpty() ? Optional.<AnnouncementView>empty()
                    : Optional.of(new AnnouncementView(found.get(), repository.stations(connection, id)));
        });
    }

    /** Newest first, with how many stations are at each stage; state null for any. */
    List<AnnouncementSummary> list(EmergencyState state, int limit) {
        return database.read(connection -> {
            List<Announcement> found = repository.list(connection, state, limit);
            Map<String, Map<String, Integer>> counts = repository.countsByStage(connection,
                    found.stream().map(Announcement::id).toList());
            return found.stream()
                    .map(a -> new AnnouncementSummary(a, counts.getOrDefault(a.id(), Map.of()))).toList();
        });
    }
}
