package vn.loa.controller;

import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.Executor;
import vn.loa.controller.access.Access;
import vn.loa.controller.access.Permission;
import vn.loa.controller.api.ApiException;
import vn.loa.controller.api.ApiJson;
import vn.loa.controller.api.ConsoleRoutes;
import vn.loa.controller.api.ConsoleSettingsRoutes;
import vn.loa.controller.api.LiveEventRoutes;
import vn.loa.controller.api.StationHistoryRoutes;
import vn.loa.controller.config.ConsoleSettings;
import vn.loa.controller.config.ControllerConfig;
import vn.loa.controller.health.Alert;
import vn.loa.controller.history.StationHistories;
import vn.loa.controller.http.Dispatcher;
import vn.loa.controller.http.Router;
import vn.loa.controller.live.LiveEvents;
import vn.loa.controller.live.ReceiptEvent;
import vn.loa.controller.live.StationFeed;
import vn.loa.controller.registry.StationService;
import vn.loa.controller.status.StatusWriter;
import vn.loa.protocol.Receipt;

/** The composition root's wiring of what the web console needs: its files, live events, station history, its settings. */
final class Console {
    private Console() {
    }

    /** The live events hub on its thread, told of every station state the status writer stores. */
    static LiveEvents liveEvents(ApiJson json, Executor thread, StationService stations, StatusWriter writer) {
        LiveEvents live = new LiveEvents(json.mapper(), thread, id -> areaOf(stations, id));
        StationFeed feed = new StationFeed(live);
        writer.onWritten(batch -> feed.stored(batch.states()));
        return live;
    }

    static void routes(Router router, ControllerConfig config, ApiJson json, Access access, Clock clock,
                       vn.loa.controller.store.Database database, LiveEvents live, Dispatcher dispatcher) {
        ConsoleSettings settings = config.console();
        new ConsoleRoutes(settings.tileOrigin()).register(router);
        new ConsoleSettingsRoutes(settings, config.emergencies(), Controller.class.getPackage()
                .getImplementationVersion(), json).register(router);
        new StationHistoryRoutes(new StationHistories(database), json, access, clock).register(router);
        new LiveEventRoutes(live, access, dispatcher::authenticate).register(router);
    }

    static void receipt(LiveEvents live, Receipt receipt) {
        live.publish("receipt", receipt.station(), Permission.READ_STATIONS, ReceiptEvent.of(receipt));
    }

    static void alert(LiveEvents live, Alert alert) {
        live.publish("alert", alert.station(), Permission.READ_ALERTS, alert);
    }

    private static Optional<Long> areaOf(StationService stations, String id) {
        try {
            return Optional.of(stations.get(id).areaId());
        } catch (ApiException unknown) {
            return Optional.empty();
        }
    }
}
