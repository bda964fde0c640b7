package vn.loa.controller.api;

import vn.loa.controller.access.Access;
import vn.loa.controller.access.Permission;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.Objects;
import vn.loa.controller.audit.AuditFilter;
import vn.loa.controller.audit.AuditLog;
import vn.loa.controller.http.Call;
import vn.loa.controller.http.Request;
import vn.loa.controller.http.Response;
import vn.loa.controller.http.Router;

/**
 * {@code GET /api/v1/audit}: the append-only audit log, newest first, filtered by period
 * ({@code from}, {@code to}), {@code actor}, {@code action} (e.g. {@code emergency} or
 * {@code emergency.stop}) and {@code subject}; {@code before} pages back by sequence number.
 */
public final class AuditRoutes {
    private final AuditLog audit;
    private final ApiJson json;
    private final Access access;

    public AuditRoutes(AuditLog audit, ApiJson json, Access access) {
        this.access = Objects.requireNonNull(access, "access");
        this.audit = Objects.requireNonNull(audit, "audit");
        this.json = Objects.requireNonNull(json, "json");
    }

    public void register(Router router) {
        router.get("/api/v1/audit", this::list);
    }

    private Response list(Call call) {
        access.require(call.principal(), Permission.READ_AUDIT);
        Request request = call.request();
        int limit = request.queryParam("limit").map(value -> number("limit", value)).orElse(100);
        if (limit < 1 || limit > AuditFilter.MAX_LIMIT) {
            throw ApiException.invalid("query parameter 'limit' must be 1-" + AuditFilter.MAX_LIMIT);
        }
        long before = request.queryParam("before").map(value -> (long) number("before", value)).orElse(0L);
        AuditFilter filter = new AuditFilter(instant(request, "from"), instant(request, "to"),
                text(request, "actor"), text(request, "action"), text(request, "subject"), before, limit);
        return json.ok(Map.of("entries", audit.read(filter)));
    }

    private static String text(Request request, String name) {
        return request.queryParam(name).map(String::strip).filter(value -> !value.isEmpty()).map(value -> {
            if (value.length() > 200) {
                throw ApiException.invalid("query parameter '" + name + "' is too long");
            }
            return value;
        }).orElse(null);
    }

    private static Instant instant(Request request, String name) {
        return request.queryParam(name).map(value -> {
            try {
                // An unescaped '+' of an offset arrives as a space (form decoding); no instant holds a space.
                return OffsetDateTime.parse(value.strip().replace(' ', '+')).toInstant();
            } catch (DateTimeParseException e) {
                throw ApiException.invalid("query parameter '" + name + "' must be an instant with its offset, "
                        + "such as 2026-11-23T00:00:00+07:00 or 2026-11-22T17:00:00Z");
            }
        }).orElse(null);
    }

    private static int number(String name, String value) {
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw ApiException.invalid("query parameter '" + name + "' must be a whole number");
        }
    }
}
