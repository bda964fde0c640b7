package vn.loa.controller.emergency;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.loa.controller.api.ApiException;
import vn.loa.controller.audit.AuditLog;
import vn.loa.controller.cap.CapAction;
import vn.loa.controller.cap.CapAlert;
import vn.loa.controller.cap.CapDecider;
import vn.loa.controller.cap.CapDecision;
import vn.loa.controller.cap.CapException;
import vn.loa.controller.cap.CapParser;
import vn.loa.controller.cap.CapReference;
import vn.loa.controller.registry.Area;
import vn.loa.controller.registry.Station;
import vn.loa.controller.schedule.Targets;
import vn.loa.controller.store.Database;

/**
 * Turns OASIS CAP 1.2 alerts into emergency announcements, as the mapping says: triggered at
 * once, or kept as a draft for an operator to confirm, or only recorded. CAP's unique reference
 * (sender, identifier, sent) makes copies harmless: a copy gets the first copy's answer and
 * nothing sounds twice. An Update stops what the alerts it references started and starts its own;
 * a Cancel stops them. Every alert is recorded and audited.
 *
 * <p>Thread-safe: one alert at a time.
 */
public final class CapIntake {
    private static final Logger LOG = LoggerFactory.getLogger(CapIntake.class);

    private final Database database;
    private final Clock clock;
    private final CapDecider decider;
    private final Supplier<List<Area>> areas;
    private final Supplier<List<Station>> stations;
    private final AnnouncementResolver resolver;
    private final EmergencyService emergencies;
    private final StandardMessages standard;
    private final AuditLog audit;

    /** What became of an alert. {@code status}: the HTTP status to answer with. */
    public record Outcome(int status, String reference, String action, String reason, String emergencyId,
                          List<String> stopped, boolean duplicate) {
    }

    public CapIntake(Database database, Clock clock, CapDecider decider, Supplier<List<Area>> areas,
                     Supplier<List<Station>> stations, AnnouncementResolver resolver, EmergencyService emergencies,
                     StandardMessages standard, AuditLog audit) {
        this.database = Objects.requireNonNull(database, "database");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.decider = Objects.requireNonNull(decider, "decider");
        this.areas = Objects.requireNonNull(areas, "areas");
        this.stations = Objects.requireNonNull(stations, "stations");
        this.resolver = Objects.requireNonNull(resolver, "resolver");
        this.emergencies = Objects.requireNonNull(emergencies, "emergencies");
        this.standard = Objects.requireNonNull(standard, "standard");
        this.audit = Objects.requireNonNull(audit, "audit");
    }

    public synchronized Outcome receive(byte[] xml, String actor) {
        CapAlert alert;
        try {
            alert = CapParser.parse(xml);
        } catch (CapException e) {
            throw ApiException.badRequest("invalid_cap", e.getMessage());
        }
        String key = alert.reference().key();
        Optional<Outcome> earlier = recorded(key);
        if (earlier.isPresent()) {
            LOG.info("CAP alert {} received again: a copy, nothing more happens", key);
            Outcome first = earlier.get();
            return new Outcome(first.status() == 201 || first.status() == 202 ? 200 : first.status(), key,
                    first.action(), first.reason(), first.emergencyId(), List.of(), true);
        }
        CapDecision decision = decider.decide(alert, areas.get(), stations.get());
        boolean expired = decision.validUntil() != null && !decision.validUntil().isAfter(clock.instant());
        boolean sounds = decision.action() != CapAction.IGNORE && !decision.reach().isEmpty() && !expired;
        NewAnnouncement announcement = sounds ? resolve(decision, actor) : null;
        if (sounds) {
            // noted before anything sounds: a crash from here on cannot make a resent copy sound twice
            save(alert, key, new Outcome(202, key, "pending", "being acted on", null, List.of(), false), actor,
                    false);
        }
        List<String> stopped = new ArrayList<>();
        if (decision.cancels() || decision.updates() && announcement != null) {
            for (CapReference reference : decision.references()) {
                recordedEmergency(reference.key()).ifPresent(id -> {
                    EmergencyState before = emergencies.get(id).announcement().state();
                    if (before == EmergencyState.ACTIVE || before == EmergencyState.DRAFT) {
                        emergencies.stop(id, actor);
                        stopped.add(id);
                    }
                });
            }
        }
        Outcome outcome;
        if (expired && decision.action() != CapAction.IGNORE) {
            outcome = new Outcome(200, key, "ignore", "expired at " + decision.validUntil() + ": nothing sounds", null,
                    stopped, false);
        } else if (decision.action() == CapAction.IGNORE) {
            outcome = new Outcome(200, key, decision.cancels() ? "cancel" : "ignore", decision.reason(), null, stopped,
                    false);
        } else if (decision.reach().isEmpty()) {
            outcome = new Outcome(422, key, "unreached", "the alert reaches none of our areas or stations ("
                    + String.join("; ", decision.reach().unmatchedDescriptions()) + ")", null, stopped, false);
        } else {
            outcome = announce(decision, announcement, actor, key, stopped);
        }
        save(alert, key, outcome, actor, sounds);
        return outcome;
    }

    /** The announcement an alert asks for, checked before anything it replaces is stopped. */
    private NewAnnouncement resolve(CapDecision decision, String actor) {
        String message = decision.standardMessage() != null && standard.all().containsKey(decision.standardMessage())
                ? decision.standardMessage() : StandardMessages.SIREN;
        Instant now = clock.instant();
        Instant latest = now.plus(emergencies.settings().maxValidity());
        Instant validUntil = decision.validUntil() == null || !decision.validUntil().isAfter(now) ? null
                : decision.validUntil().isAfter(latest) ? latest : decision.validUntil();
        Targets targets = new Targets(List.copyOf(decision.areaIds()), decision.stationIds().stream().sorted().toList(),
                List.of());
        return resolver.resolve(new AnnouncementRequest(targets, message, null, null, decision.title(), null,
                decision.riskLevel(), validUntil, null, null, "cap"), actor);
    }

    private Outcome announce(CapDecision decision, NewAnnouncement request, String actor, String key,
                             List<String> stopped) {
        boolean draft = decision.action() == CapAction.DRAFT;
        Announcement announcement = emergencies.create(request, actor, draft);
        LOG.warn("CAP alert {} {}: emergency announcement {} ({})", key, draft ? "drafted" : "triggered",
                announcement.id(), decision.reason());
        return new Outcome(draft ? 202 : 201, key, draft ? "draft" : "trigger", decision.reason(), announcement.id(),
                stopped, false);
    }

    private Optional<Outcome> recorded(String key) {
        return database.read(connection -> {
            try (PreparedStatement select = connection.prepareStatement(
                    "SELECT outcome, emergency_id FROM cap_alerts WHERE reference = ?")) {
                select.setString(1, key);
                try (ResultSet rows = select.executeQuery()) {
                    if (!rows.next()) {
                        return Optional.empty();
                    }
                    String[] stored = rows.getString(1).split("\\|", 3);
                    return Optional.of(new Outcome(Integer.parseInt(stored[0]), key, stored[1],
                            stored.length > 2 ? stored[2] : "", rows.getString(2), List.of(), true));
                }
            }
        });
    }

    private Optional<String> recordedEmergency(String key) {
        return recorded(key).map(Outcome::emergencyId);
    }

    /** Records the alert's outcome ({@code replace}: over the pending note) with its audit line. */
    private void save(CapAlert alert, String key, Outcome outcome, String actor, boolean replace) {
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("sender", alert.sender());
        detail.put("identifier", alert.identifier());
        detail.put("msgType", alert.messageType().capName());
        detail.put("status", alert.status().capName());
        detail.put("action", outcome.action());
        detail.put("reason", outcome.reason());
        detail.put("emergencyId", outcome.emergencyId());
        detail.put("stopped", outcome.stopped());
        database.transaction(connection -> {
            try (PreparedStatement insert = connection.prepareStatement((replace ? "INSERT OR REPLACE" : "INSERT")
                    + " INTO cap_alerts(reference, msg_type, status, received_at, emergency_id, outcome) "
                    + "VALUES (?, ?, ?, ?, ?, ?)")) {
                insert.setString(1, key);
                insert.setString(2, alert.messageType().capName());
                insert.setString(3, alert.status().capName());
                insert.setLong(4, clock.millis());
                insert.setString(5, outcome.emergencyId());
                insert.setString(6, outcome.status() + "|" + outcome.action() + "|" + outcome.reason());
                insert.executeUpdate();
            }
            if (!"pending".equals(outcome.action())) {
                audit.append(connection, actor, "cap.receive", key, detail);
            }
            return null;
        });
    }
}
