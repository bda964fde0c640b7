package vn.loa.controller.api;

import java.util.Map;
import java.util.Objects;
import java.util.function.BooleanSupplier;
import java.util.function.Function;
import vn.loa.controller.access.Access;
import vn.loa.controller.access.Permission;
import vn.loa.controller.access.Scope;
import vn.loa.controller.auth.Principal;
import vn.loa.controller.http.Call;
import vn.loa.controller.http.Request;
import vn.loa.controller.http.Response;
import vn.loa.controller.http.Router;
import vn.loa.controller.live.LiveEvents;

/**
 * {@code GET /api/v1/events}: the console's live events (Server-Sent Events): {@code hello} when
 * the stream opens, then {@code station}, {@code receipt} and {@code alert} events about the
 * stations the user may see (stations and receipts: where they may see stations; alerts: where they
 * may see alerts). Any logged-in user may open it (the console opens it on every page); a user who
 * may see no station (an approver) gets {@code hello} only. The session is checked again before
 * each event: revoked, expired or with other roles, the stream ends with an {@code error} event.
 */
public final class LiveEventRoutes {
    private final LiveEvents live;
    private final Access access;
    private final Function<Request, Principal> sessions;

    /** {@code sessions}: the user behind a request, as the dispatcher finds them (a 401 when the session ended). */
    public LiveEventRoutes(LiveEvents live, Access access, Function<Request, Principal> sessions) {
        this.live = Objects.requireNonNull(live, "live");
        this.access = Objects.requireNonNull(access, "access");
        this.sessions = Objects.requireNonNull(sessions, "sessions");
    }

    public void register(Router router) {
        router.get("/api/v1/events", this::events);
    }

    private Response events(Call call) {
        Principal principal = call.principal();
        Scope stations = access.scope(principal, Permission.READ_STATIONS);
        Scope alerts = access.scope(principal, Permission.READ_ALERTS);
        Request request = call.request();
        BooleanSupplier allowed = () -> {
            try {
                Principal now = sessions.apply(request);
                return now.userId() == principal.userId() && now.roles().equals(principal.roles());
            } catch (ApiException ended) {
                return false;
            }
        };
        Map<Permission, Scope> scopes = Map.of(Permission.READ_STATIONS, stations, Permission.READ_ALERTS, alerts);
        return Response.events(channel -> live.open(channel, scopes, allowed));
    }
}
