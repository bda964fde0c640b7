package vn.loa.controller.http;

import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.loa.controller.api.ApiException;
import vn.loa.controller.api.ApiJson;
import vn.loa.controller.auth.AuthService;
import vn.loa.controller.auth.Principal;
import vn.loa.controller.metrics.ControllerMetrics;
import vn.loa.controller.text.Printable;

/**
 * Turns a request into a response: finds the route, checks the bearer token on protected routes,
 * runs the handler and maps every failure to the JSON error shape. Independent of Netty.
 */
public final class Dispatcher {
    private static final Logger LOG = LoggerFactory.getLogger(Dispatcher.class);

    private final Router router;
    private final AuthService auth;
    private final ApiJson json;
    private final ControllerMetrics metrics;

    public Dispatcher(Router router, AuthService auth, ApiJson json, ControllerMetrics metrics) {
        this.router = Objects.requireNonNull(router, "router");
        this.auth = Objects.requireNonNull(auth, "auth");
        this.json = Objects.requireNonNull(json, "json");
        this.metrics = Objects.requireNonNull(metrics, "metrics");
    }

    public Response dispatch(Request request) {
        long start = System.nanoTime();
        Optional<Router.Match> match = router.find(request.method(), request.path());
        String route = match.map(m -> m.route().pattern()).orElse("unmatched");
        Response response;
        try {
            response = match.isPresent() ? run(match.get(), request) : unmatched(request);
        } catch (ApiException e) {
            response = json.error(e.status(), e.code(), e.getMessage());
        } catch (RuntimeException e) {
            response = internalError(request, e);
        }
        metrics.httpRequest(request.method(), route, response.status(), System.nanoTime() - start);
        return response;
    }

    /** The response for a request refused before routing (e.g. a body over the limit). */
    public Response refuse(Request request, ApiException error) {
        return refuse(request, "refused", error);
    }

    /** The response for a request to a known route refused before its handler ran (a streamed upload). */
    public Response refuse(Request request, String route, ApiException error) {
        Response response = json.error(error.status(), error.code(), error.getMessage());
        metrics.httpRequest(request.method(), route, response.status(), 0);
        return response;
    }

    /** The principal behind a request's bearer token; an {@link ApiException} (401) otherwise. Reads the database. */
    public Principal authenticate(Request request) {
        return auth.authenticate(bearerToken(request));
    }

    /**
     * Runs a handler outside the router (a streamed upload, already authenticated), mapping its
     * failures to the JSON error shape and counting it as the given route.
     */
    public Response dispatch(Request request, String route, Principal principal, Handler handler) {
        long start = System.nanoTime();
        Response response;
        try {
            response = handler.handle(new Call(request, principal));
        } catch (ApiException e) {
            response = json.error(e.status(), e.code(), e.getMessage());
        } catch (RuntimeException e) {
            response = internalError(request, e);
        } catch (Exception e) {
            response = internalError(request, new IllegalStateException(e));
        }
        metrics.httpRequest(request.method(), route, response.status(), System.nanoTime() - start);
        return response;
    }

    private Response run(Router.Match match, Request request) {
        Principal principal = match.route().open() ? null : auth.authenticate(bearerToken(request));
        try {
            return match.route().handler().handle(new Call(request.withPathParams(match.params()), principal));
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private Response unmatched(Request request) {
        Set<String> allowed = router.allowedMethods(request.path());
        if (allowed.isEmpty()) {
            return json.error(404, "not_found", "no such resource: " + Printable.of(request.path(), 200));
        }
        return json.error(405, "method_not_allowed", request.method() + " is not allowed here; use "
                + String.join(", ", allowed)).withHeader("Allow", String.join(", ", allowed));
    }

    private Response internalError(Request request, RuntimeException e) {
        String reference = UUID.randomUUID().toString().substring(0, 8);
        LOG.error("Internal error {} answering {} {}", reference, request.method(), Printable.of(request.path(), 200),
                e);
        return json.error(500, "internal_error", "the controller failed to answer; see its log, reference "
                + reference);
    }

    static String bearerToken(Request request) {
        Optional<String> token = SessionTokens.of(request);
        if (token.isPresent()) {
            return token.get();
        }
        String header = request.header("authorization").orElse("");
        Optional<String> refused = SessionTokens.refusedOrigin(request);
        if (header.isEmpty() && refused.isPresent()) {
            throw ApiException.forbidden(refused.get());
        }
        if (header.isEmpty()) {
            throw ApiException.unauthorized("log in first: send 'Authorization: Bearer <token>' "
                    + "with a token from POST /api/v1/auth/login");
        }
        throw ApiException.unauthorized("the Authorization header must be 'Bearer <token>'");
    }
}
