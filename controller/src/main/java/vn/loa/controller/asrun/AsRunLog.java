package vn.loa.controller.asrun;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Predicate;
import vn.loa.controller.schedule.Occurrence;
import vn.loa.controller.schedule.Planner;
import vn.loa.controller.schedule.Schedule;
import vn.loa.controller.schedule.ScheduleService;
import vn.loa.protocol.BulletinClass;
import vn.loa.protocol.EmergencyIds;
import vn.loa.protocol.ReceiptState;

/**
 * Planned and past broadcasts with their state: the plan says what should air, the receipts say
 * what did. A broadcast whose end plus the grace has passed without a final receipt is
 * {@code unconfirmed}, never played. Emergency announcements appear from their receipts alone
 * (broadcast {@code emergency:<id>}, class emergency).
 */
public final class AsRunLog {
    private final ScheduleService schedules;
    private final ReceiptService receipts;
    private final Clock clock;
    private final Duration grace;

    public AsRunLog(ScheduleService schedules, ReceiptService receipts, Clock clock, Duration grace) {
        this.schedules = Objects.requireNonNull(schedules, "schedules");
        this.receipts = Objects.requireNonNull(receipts, "receipts");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.grace = Objects.requireNonNull(grace, "grace");
    }

    public List<BroadcastRow> list(Predicate<String> stationFilter, Instant from, Instant to) {
        Instant now = clock.instant();
        List<Schedule> all = schedules.list();
        Map<String, List<Occurrence>> planned = Planner.occurrences(all, schedules.registry(), schedules.quietHours(),
                schedules.durations(all), from, to);
        Map<String, Occurrence> occurrences = new LinkedHashMap<>();
        planned.forEach((station, list) -> list.stream()
                .filter(occurrence -> !occurrence.start().isBefore(from))
                .forEach(occurrence -> occurrences.put(key(station, occurrence.broadcastId()), occurrence)));
        Map<String, List<StoredReceipt>> byBroadcast = new LinkedHashMap<>();
        for (StoredReceipt receipt : receipts.between(from, to)) {
            byBroadcast.computeIfAbsent(key(receipt.stationId(), receipt.broadcastId()), k -> new ArrayList<>())
                    .add(receipt);
        }
        List<BroadcastRow> rows = new ArrayList<>();
        for (Map.Entry<String, Occurrence> entry : occurrences.entrySet()) {
            Occurrence occurrence = entry.getValue();
            if (stationFilter.test(occurrence.stationId())) {
                rows.add(row(occurrence, byBroadcast.remove(entry.getKey()), now));
            }
        }
        for (List<StoredReceipt> orphans : byBroadcast.values()) {
            if (stationFilter.test(orphans.get(0).stationId())) {
                rows.add(row(null, orphans, now));
            }
        }
        rows.sort(Comparator.comparing(BroadcastRow::plannedStart).thenComparing(BroadcastRow::station));
        return rows;
    }

    private BroadcastRow row(Occurrence occurrence, List<StoredReceipt> received, Instant now) {
        StoredReceipt started = null;
        StoredReceipt last = null;
        if (received != null) {
            for (StoredReceipt receipt : received) {
                if (receipt.state() == ReceiptState.STARTED) {
                    started = receipt;
                } else {
                    last = receipt;
                }
            }
        }
        StoredReceipt any = last != null ? last : started;
        String station = occurrence != null ? occurrence.stationId() : any.stationId();
        String broadcastId = occurrence != null ? occurrence.broadcastId() : any.broadcastId();
        Instant plannedStart = occurrence != null ? occurrence.start() : any.plannedStart();
        Instant plannedEnd = occurrence != null ? occurrence.end() : null;
        String state;
        if (last != null) {
            state = ReceiptRepository.wire(last.state());
        } else if (occurrence != null && occurrence.quiet()) {
            state = "skipped-quiet-hours";
        } else {
            Instant due = (plannedEnd == null ? plannedStart : plannedEnd).plus(grace);
            state = now.isAfter(due) ? "unconfirmed" : started != null ? "playing" : "planned";
        }
        return new BroadcastRow(broadcastId, station, scheduleOf(broadcastId),
                occurrence != null ? occurrence.bulletinId() : any.bulletinId(),
                occurrence != null ? occurrence.bulletinClass().wireName()
                        : EmergencyIds.ofBroadcast(broadcastId).isPresent() ? BulletinClass.EMERGENCY.wireName() : null,
                plannedStart, plannedEnd,
                occurrence != null ? occurrence.zones() : List.of(), state,
                any == null ? null : (started != null ? started.actualStart() : any.actualStart()),
                last == null ? null : last.actualEnd(), any == null ? List.of() : any.zonesOn(),
                last == null ? null : last.reason());
    }

    private static String scheduleOf(String broadcastId) {
        int at = broadcastId.indexOf('@');
        return at > 0 ? broadcastId.substring(0, at) : null;
    }

    private static String key(String station, String broadcastId) {
        return station + '\u0000' + broadcastId;
    }
}
