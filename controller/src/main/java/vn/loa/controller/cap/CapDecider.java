package vn.loa.controller.cap;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import vn.loa.controller.registry.Area;
import vn.loa.controller.registry.Station;

/**
 * Decides what a CAP alert makes the controller do, from the settings' rules. Only an Actual alert
 * or update that has not expired can sound; anything else is recorded and ignored. Stateless apart
 * from its settings; safe to call from any thread.
 */
public final class CapDecider {
    /** The parameters, ignoring case, that carry a disaster risk level 1-5; the first found wins. */
    public static final List<String> RISK_LEVEL_PARAMETERS = List.of("riskLevel", "VN-RISK-LEVEL");

    private final CapSettings settings;
    private final Clock clock;

    public CapDecider(CapSettings settings, Clock clock) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** Decides over the registry as it is now. */
    public CapDecision decide(CapAlert alert, List<Area> areas, List<Station> stations) {
        return decide(alert, new CapTargeting(areas, stations, settings.areaCodeName()));
    }

    public CapDecision decide(CapAlert alert, CapTargeting targeting) {
        CapInfo info = alert.preferredInfo();
        CapReach reach = targeting.reach(info);
        if (alert.status() != CapStatus.ACTUAL) {
            return decision(alert, info, reach, CapAction.IGNORE, null,
                    "status " + alert.status().capName() + ": recorded, nothing sounds");
        }
        switch (alert.messageType()) {
            case ACK, ERROR -> {
                return decision(alert, info, reach, CapAction.IGNORE, null,
                        "msgType " + alert.messageType().capName() + ": recorded, nothing sounds");
            }
            case CANCEL -> {
                return decision(alert, info, reach, CapAction.IGNORE, null, alert.references().isEmpty()
                        ? "Cancel names no earlier alert: nothing to stop"
                        : "Cancel of " + alert.references().size() + " earlier alert(s): stop what they started");
            }
            default -> {
                return announce(alert, info, reach);
            }
        }
    }

    private CapDecision announce(CapAlert alert, CapInfo info, CapReach reach) {
        if (info == null) {
            return decision(alert, null, reach, CapAction.IGNORE, null, "no info block: nothing to announce");
        }
        Instant now = clock.instant();
        if (info.expires() != null && !info.expires().isAfter(now)) {
            return decision(alert, info, reach, CapAction.IGNORE, null, "expired at " + info.expires()
                    + ": nothing sounds");
        }
        String described = info.severity().capName() + ", " + info.urgency().capName() + ", "
                + info.certainty().capName() + " '" + info.event() + "'";
        List<CapRule> rules = settings.rules();
        for (int i = 0; i < rules.size(); i++) {
            CapRule rule = rules.get(i);
            if (rule.matches(info)) {
                return decision(alert, info, reach, rule.action(), rule,
                        described + " matches rule " + (i + 1) + ": " + rule.action());
            }
        }
        return decision(alert, info, reach, CapAction.IGNORE, null, described + " matches no rule: nothing sounds");
    }

    private CapDecision decision(CapAlert alert, CapInfo info, CapReach reach, CapAction action, CapRule rule,
                                 String reason) {
        Integer riskLevel = rule == null ? null : rule.riskLevel();
        String standardMessage = null;
        if (action != CapAction.IGNORE) {
            riskLevel = riskLevelOf(info).orElse(riskLevel);
            standardMessage = settings.standardMessageFor(info.event()).orElse(rule.standardMessage());
        } else if (info != null) {
            riskLevel = riskLevelOf(info).orElse(null);
        }
        String title = info == null ? null : shorten(info.title());
        Instant validUntil = info == null ? null : info.expires();
        return new CapDecision(action, reason, alert.status(), alert.messageType(), alert.reference(),
                alert.references(), info, reach, riskLevel, standardMessage, title, validUntil);
    }

    /** The first risk level parameter that is a whole number 1-5; others are ignored. */
    static Optional<Integer> riskLevelOf(CapInfo info) {
        for (String name : RISK_LEVEL_PARAMETERS) {
            Optional<Integer> level = info.parameter(name).map(String::strip).filter(text -> text.matches("[1-5]"))
                    .map(Integer::valueOf);
            if (level.isPresent()) {
                return level;
            }
        }
        return Optional.empty();
    }

    private static String shorten(String title) {
        return title.length() <= CapDecision.MAX_TITLE_LENGTH ? title
                : title.substring(0, CapDecision.MAX_TITLE_LENGTH - 1) + "…";
    }
}
