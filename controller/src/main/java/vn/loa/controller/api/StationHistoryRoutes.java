package vn.loa.controller.api;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import vn.loa.controller.access.Access;
import vn.loa.controller.access.Permission;
import vn.loa.controller.history.StationHistories;
import vn.loa.controller.http.Call;
import vn.loa.controller.http.Response;
import vn.loa.controller.http.Router;
import vn.loa.controller.registry.Station;

/**
 * {@code GET /api/v1/stations/{id}/history?from=&to=}: a station's heartbeats in time buckets and
 * its presence changes, for charts. {@code from} and {@code to} as in the as-run log (instants,
 * local date-times or local dates in Asia/Ho_Chi_Minh); the last 24 hours by default, 92 days at most.
 */
public final class StationHistoryRoutes {
    static final Duration DEFAULT_WINDOW = Duration.ofHours(24);
    static final Duration MAX_WINDOW = Duration.ofDays(92);

    private final StationHistories histories;
    private final ApiJson json;
    private final Access access;
    private final Clock clock;

    public StationHistoryRoutes(StationHistories histories, ApiJson json, Access access, Clock clock) {
        this.histories = Objects.requireNonNull(histories, "histories");
        this.json = Objects.requireNonNull(json, "json");
        this.access = Objects.requireNonNull(access, "access");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    public void register(Router router) {
        router.get("/api/v1/stations/{id}/history", this::history);
    }

    private Response history(Call call) {
        var request = call.request();
        Station station = access.requireStation(call.principal(), Permission.READ_STATIONS, request.pathParam("id"));
        Instant to = request.queryParam("to").map(text -> Periods.instant(text, "to")).orElse(null);
        Instant from = request.queryParam("from").map(text -> Periods.instant(text, "from")).orElse(null);
        if (to == null) {
            to = from == null ? clock.instant().truncatedTo(ChronoUnit.MILLIS) : from.plus(DEFAULT_WINDOW);
        }
        if (from == null) {
            from = to.minus(DEFAULT_WINDOW);
        }
        if (!to.isAfter(from)) {
            throw ApiException.invalid("query parameter 'to' must be after 'from'");
        }
        if (Duration.between(from, to).compareTo(MAX_WINDOW) > 0) {
            throw ApiException.invalid("the window from 'from' to 'to' is at most 92 days");
        }
        return json.ok(histories.of(station.id(), from, to));
    }
}
