package vn.loa.controller.health;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import vn.loa.controller.asrun.BroadcastRow;
import vn.loa.controller.config.ControllerConfig;
import vn.loa.controller.dispatch.PlanState;
import vn.loa.controller.status.StationState;
import vn.loa.protocol.Heartbeat;
import vn.loa.protocol.StationEvent;
import vn.loa.protocol.StationMessage;

/**
 * The health rules: fed every station message, asked which conditions hold now. Pure state, no
 * threads, no I/O besides {@link HealthSources}: the {@link HealthMonitor} calls it on its thread.
 */
public final class HealthRules {
    static final Duration RESTART_GRACE = Duration.ofSeconds(60);
    private static final Duration BROADCAST_REFRESH = Duration.ofSeconds(30);

    private final ControllerConfig.Health settings;
    private final HealthSources sources;
    private final Map<String, StationHealth> stations = new HashMap<>();
    private Map<String, String> broadcastFaults = Map.of();
    private Instant broadcastsReadAt;

    public HealthRules(ControllerConfig.Health settings, HealthSources sources) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.sources = Objects.requireNonNull(sources, "sources");
    }

    /** Takes in one message a station sent, received at {@code receivedAt} (controller clock). */
    public void observe(StationMessage message, Instant receivedAt) {
        StationHealth health = stations.computeIfAbsent(message.station(), id -> new StationHealth());
        if (message instanceof Heartbeat heartbeat) {
            health.offset(heartbeat.timestamp(), receivedAt, settings.clockSkewSamples());
            health.relayFault = heartbeat.relayFault();
            health.diskFreeBytes = heartbeat.diskFreeBytes();
            health.temperatureCelsius = heartbeat.temperatureCelsius();
        } else if (message instanceof StationEvent event) {
            event(health, event, receivedAt);
        }
    }

    private static void event(StationHealth health, StationEvent event, Instant receivedAt) {
        String detail = event.detail() == null ? event.kind() : event.detail();
        switch (event.kind()) {
            case "relay-fault" -> health.relayFault = detail;
            case "relay-recovered" -> health.relayFault = null;
            case "audio-fault" -> {
                health.audioFaultAt = receivedAt;
                health.audioFault = detail;
            }
            case "dead-air" -> {
                health.deadAirAt = receivedAt;
                health.deadAir = detail;
            }
            default -> { }
        }
    }

    /** Forgets a retired station. */
    public void forget(String station) {
        stations.remove(station);
    }

    /** Every condition holding at {@code now}. */
    public List<Condition> evaluate(Instant now) {
        List<Condition> conditions = new ArrayList<>();
        refreshBroadcasts(now);
        for (StationState state : sources.stations()) {
            String id = state.stationId();
            offline(state, now).ifPresent(detail -> conditions.add(new Condition(id, Rule.OFFLINE, detail)));
            StationHealth health = stations.get(id);
            if (health != null) {
                stationConditions(id, health, now, conditions);
            }
            if (state.online()) {
                plan(id, now).ifPresent(detail -> conditions.add(new Condition(id, Rule.PLAN_UNACKNOWLEDGED, detail)));
            }
            String missed = broadcastFaults.get(id);
            if (missed != null) {
                conditions.add(new Condition(id, Rule.BROADCAST_MISSED, missed));
            }
        }
        return conditions;
    }

    private Optional<String> offline(StationState state, Instant now) {
        if (state.online() || state.lastSeen() == null || state.presenceSince() == null) {
            return Optional.empty();
        }
        Duration after = Duration.ofSeconds(settings.offlineAfterSeconds());
        if ("controller restarted".equals(state.presenceCause()) && after.compareTo(RESTART_GRACE) < 0) {
            after = RESTART_GRACE;
        }
        if (Duration.between(state.presenceSince(), now).compareTo(after) < 0) {
            return Optional.empty();
        }
        return Optional.of("offline since " + state.presenceSince() + ": " + state.presenceCause());
    }

    private void stationConditions(String id, StationHealth health, Instant now, List<Condition> conditions) {
        Duration hold = Duration.ofMinutes(settings.faultClearMinutes());
        if (health.relayFault != null) {
            conditions.add(new Condition(id, Rule.RELAY_FAULT, health.relayFault));
        }
        if (health.audioFaultAt != null && health.audioFaultAt.plus(hold).isAfter(now)) {
            conditions.add(new Condition(id, Rule.AUDIO_FAULT, health.audioFault));
        }
        if (health.deadAirAt != null && health.deadAirAt.plus(hold).isAfter(now)) {
            conditions.add(new Condition(id, Rule.DEAD_AIR, health.deadAir));
        }
        Long skew = health.skewMillis(settings.clockSkewSamples());
        if (skew != null && Math.abs(skew) > settings.clockSkewMillis()) {
            conditions.add(new Condition(id, Rule.CLOCK_SKEW, "agent clock is " + Math.abs(skew) + " ms "
                    + (skew > 0 ? "ahead of" : "behind") + " the controller's"));
        }
        if (health.diskFreeBytes != null && health.diskFreeBytes < settings.diskFreeMinBytes()) {
            conditions.add(new Condition(id, Rule.DISK_LOW, health.diskFreeBytes + " bytes free"));
        }
        if (health.temperatureCelsius != null && health.temperatureCelsius > settings.temperatureMaxCelsius()) {
            conditions.add(new Condition(id, Rule.TEMPERATURE_HIGH, health.temperatureCelsius + " °C"));
        }
    }

    private Optional<String> plan(String id, Instant now) {
        Optional<PlanState> plan = sources.plan(id);
        if (plan.isEmpty() || plan.get().acknowledged() || plan.get().sentAt() == null) {
            return Optional.empty();
        }
        Duration waited = Duration.between(plan.get().sentAt(), now);
        if (waited.compareTo(Duration.ofMinutes(settings.planAckMinutes())) < 0) {
            return Optional.empty();
        }
        return Optional.of("plan version " + plan.get().version() + " sent at " + plan.get().sentAt()
                + " is not acknowledged (station holds version " + plan.get().ackedVersion() + ")");
    }

    private void refreshBroadcasts(Instant now) {
        if (broadcastsReadAt != null && Duration.between(broadcastsReadAt, now).compareTo(BROADCAST_REFRESH) < 0) {
            return;
        }
        broadcastsReadAt = now;
        Map<String, String> faults = new HashMap<>();
        Instant from = now.minus(Duration.ofMinutes(settings.broadcastWindowMinutes()));
        for (BroadcastRow row : sources.broadcasts(from.minus(Duration.ofHours(6)), now)) {
            boolean faulty = "missed".equals(row.state()) || "unconfirmed".equals(row.state())
                    || "failed".equals(row.state());
            if (faulty && row.plannedEnd() != null && row.plannedEnd().isAfter(from)) {
                faults.put(row.station(), "broadcast " + row.broadcastId() + " planned at " + row.plannedStart()
                        + " is " + row.state() + (row.reason() == null ? "" : ": " + row.reason()));
            }
        }
        broadcastFaults = faults;
    }
}
