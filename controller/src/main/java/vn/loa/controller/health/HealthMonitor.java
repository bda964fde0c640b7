package vn.loa.controller.health;

import java.time.Clock;
import java.time.Instant;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.loa.controller.mqtt.StationListener;
import vn.loa.protocol.StationMessage;

/**
 * Runs the {@link HealthRules} on the health thread and keeps the alerts in step: a condition that
 * starts holding opens an alert (one per station and rule while not resolved), one that stops
 * holding resolves it. Fed by the ingest thread through {@link #applied}, which only queues.
 */
public final class HealthMonitor implements StationListener {
    private static final Logger LOG = LoggerFactory.getLogger(HealthMonitor.class);

    private final HealthRules rules;
    private final AlertStore store;
    private final Clock clock;
    private final Executor thread;
    private final Map<String, Alert> open = new HashMap<>();
    private final java.util.Set<Long> carriedOver = new java.util.HashSet<>();
    private Instant loadedAt;
    private final Map<Rule, AtomicInteger> openByRule = new ConcurrentHashMap<>(new EnumMap<>(Rule.class));

    public HealthMonitor(HealthRules rules, AlertStore store, Clock clock, Executor thread) {
        this.rules = Objects.requireNonNull(rules, "rules");
        this.store = Objects.requireNonNull(store, "store");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.thread = Objects.requireNonNull(thread, "thread");
        for (Rule rule : Rule.values()) {
            openByRule.put(rule, new AtomicInteger());
        }
    }

    /**
     * Loads the alerts left unresolved by the last run; call once, before the first evaluation. They
     * are not resolved during the first minute, while the stations' state is rebuilt from their messages.
     */
    public void load() {
        thread.execute(() -> {
            loadedAt = clock.instant();
            for (Alert alert : store.unresolved()) {
                carriedOver.add(alert.id());
                Rule.fromWire(alert.rule()).ifPresent(rule -> {
                    open.put(new Condition(alert.station(), rule, null).key(), alert);
                    openByRule.get(rule).incrementAndGet();
                });
            }
        });
    }

    @Override
    public void applied(StationMessage message, Instant receivedAt) {
        try {
            thread.execute(() -> rules.observe(message, receivedAt));
        } catch (RejectedExecutionException e) {
            LOG.warn("Health rules fall behind the station messages: one {} from {} was not looked at",
                    message.type(), message.station());
        }
    }

    /** Queues an evaluation on the health thread (called every second by the controller). */
    public void tick() {
        try {
            thread.execute(this::evaluate);
        } catch (RejectedExecutionException e) {
            LOG.debug("Health evaluation skipped: the health thread is busy");
        }
    }

    /** Alerts open (or acknowledged) for the rule now, for the gauges. */
    public int openCount(Rule rule) {
        return openByRule.get(rule).get();
    }

    void evaluate() {
        Instant now = clock.instant();
        try {
            Map<String, Condition> holding = new LinkedHashMap<>();
            for (Condition condition : rules.evaluate(now)) {
                holding.putIfAbsent(condition.key(), condition);
            }
            for (Condition condition : holding.values()) {
                if (!open.containsKey(condition.key())) {
                    opened(store.open(condition, now), condition.rule());
                }
            }
            boolean rebuilding = loadedAt != null && now.isBefore(loadedAt.plus(HealthRules.RESTART_GRACE));
            for (Map.Entry<String, Alert> entry : List.copyOf(open.entrySet())) {
                if (rebuilding && carriedOver.contains(entry.getValue().id())) {
                    continue; // what the stations say is not known again yet: no resolve-and-reopen flap
                }
                if (!holding.containsKey(entry.getKey())) {
                    resolved(entry.getKey(), store.resolve(entry.getValue(), now));
                }
            }
        } catch (RuntimeException e) {
            LOG.warn("Health rules could not be evaluated: {}", e.getMessage());
        }
    }

    private void opened(Alert alert, Rule rule) {
        open.put(new Condition(alert.station(), rule, null).key(), alert);
        openByRule.get(rule).incrementAndGet();
        LOG.warn("Alert {} opened: station {} {}: {}", alert.id(), alert.station(), alert.rule(), alert.detail());
    }

    private void resolved(String key, Alert alert) {
        open.remove(key);
        Rule.fromWire(alert.rule()).ifPresent(rule -> openByRule.get(rule).decrementAndGet());
        LOG.info("Alert {} resolved: station {} {}", alert.id(), alert.station(), alert.rule());
    }
}
