package vn.loa.controller.registry;

import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.loa.controller.api.ApiException;
import vn.loa.controller.mqtt.BrokerAccess;
import vn.loa.controller.store.Database;
import vn.loa.protocol.StationIds;
import vn.loa.protocol.Zone;

/** The station registry: stations belong to communes and drive zones. */
public final class StationService {
    private static final Logger LOG = LoggerFactory.getLogger(StationService.class);
    private static final char[] ID_ALPHABET = "abcdefghijkmnpqrstuvwxyz23456789".toCharArray();

    private final Database database;
    private final Clock clock;
    private final AreaService areaService;
    private final AreaRepository areas = new AreaRepository();
    private final StationRepository stations = new StationRepository();
    private final SecureRandom random = new SecureRandom();
    private final Consumer<String> onRegistered;
    private final Consumer<String> onRetired;
    private final String controllerClientId;

    /** A registry where no id is reserved but the agents' client ids ({@code loa-agent-…}). */
    public StationService(Database database, Clock clock, AreaService areaService, Consumer<String> onRegistered,
                          Consumer<String> onRetired) {
        this(database, clock, areaService, null, onRegistered, onRetired);
    }

    /**
     * @param controllerClientId the controller's MQTT client id, which no station may have as id
     *                           (it would log in under it and push the controller off the broker)
     */
    public StationService(Database database, Clock clock, AreaService areaService, String controllerClientId,
                          Consumer<String> onRegistered, Consumer<String> onRetired) {
        this.controllerClientId = controllerClientId;
        this.database = Objects.requireNonNull(database, "database");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.areaService = Objects.requireNonNull(areaService, "areaService");
        this.onRegistered = Objects.requireNonNull(onRegistered, "onRegistered");
        this.onRetired = Objects.requireNonNull(onRetired, "onRetired");
    }

    /** Ids that are MQTT client ids of someone else: a station's agent, or the controller. */
    private void checkReserved(String id) {
        if (id.startsWith(BrokerAccess.AGENT_CLIENT_PREFIX)) {
            throw ApiException.invalid("field 'id' must not start with '" + BrokerAccess.AGENT_CLIENT_PREFIX
                    + "': that is how agents name themselves on the broker");
        }
        if (id.equals(controllerClientId)) {
            throw ApiException.invalid("field 'id' must not be '" + id + "': that is the controller's MQTT client id");
        }
    }

    public List<Station> list() {
        return database.read(stations::active);
    }

    public Station get(String id) {
        return database.read(connection -> require(connection, id));
    }

    public Station create(StationDraft draft) {
        Objects.requireNonNull(draft.areaId(), "areaId");
        Objects.requireNonNull(draft.name(), "name");
        String id = draft.id() == null ? newId() : draft.id();
        if (!StationIds.isValid(id)) {
            throw ApiException.invalid("field 'id' must be 1-64 characters of a-z, 0-9, '-' or '_', "
                    + "starting with a letter or digit");
        }
        checkReserved(id);
        checkCoordinates(draft.latitude(), draft.longitude());
        List<Zone> zones = checkZones(draft.zones() == null ? List.of(new Zone(1, "Vùng 1")) : draft.zones());
        Instant now = clock.instant();
        Station created = database.transaction(connection -> {
            requireCommune(connection, draft.areaId());
            if (stations.exists(connection, id)) {
                throw ApiException.conflict("a station with id '" + id + "' exists already (ids of retired "
                        + "stations are not reused, so their history stays theirs)");
            }
            Station station = new Station(id, draft.areaId(), draft.name(), draft.latitude(), draft.longitude(),
                    zones, now, now);
            stations.insert(connection, station);
            return station;
        });
        onRegistered.accept(id);
        LOG.info("Station {} '{}' registered in area {} with {} zone(s)", id, created.name(), created.areaId(),
                zones.size());
        return created;
    }

    public Station update(String id, StationDraft change) {
        return database.transaction(connection -> {
            Station current = require(connection, id);
            long areaId = change.areaId() == null ? current.areaId() : change.areaId();
            if (areaId != current.areaId()) {
                requireCommune(connection, areaId);
                LOG.info("Station {} moved from area {} to {}", id, current.areaId(), areaId);
            }
            Double latitude = change.clearCoordinates() ? null
                    : change.latitude() == null ? current.latitude() : change.latitude();
            Double longitude = change.clearCoordinates() ? null
                    : change.longitude() == null ? current.longitude() : change.longitude();
            checkCoordinates(latitude, longitude);
            List<Zone> zones = change.zones() == null ? current.zones() : checkZones(change.zones());
            Station updated = new Station(id, areaId, change.name() == null ? current.name() : change.name(),
                    latitude, longitude, zones, current.createdAt(), clock.instant());
            stations.update(connection, updated);
            return updated;
        });
    }

    /** Retires a station: it leaves the registry and its messages are refused, its history stays. */
    public void retire(String id) {
        database.transaction(connection -> {
            require(connection, id);
            stations.retire(connection, id, clock.instant());
            return null;
        });
        onRetired.accept(id);
        LOG.info("Station {} retired", id);
    }

    /** Stations whose commune lies in the subtree of the given area. */
    public List<Station> inArea(long areaId) {
        Set<Long> ids = new HashSet<>(areaService.subtree(areaId));
        return list().stream().filter(station -> ids.contains(station.areaId())).toList();
    }

    private Station require(Connection connection, String id) throws SQLException {
        return stations.findActive(connection, id).orElseThrow(() -> ApiException.notFound("no station with id '"
                + (id.length() > 64 ? id.substring(0, 64) + "…" : id) + "'"));
    }

    private void requireCommune(Connection connection, long areaId) throws SQLException {
        Area area = areas.find(connection, areaId)
                .orElseThrow(() -> ApiException.notFound("no area with id " + areaId));
        if (area.level() != AreaLevel.COMMUNE) {
            throw ApiException.invalid("a station belongs to a commune, and area " + area.code() + " is a "
                    + area.level().wireName());
        }
    }

    private static void checkCoordinates(Double latitude, Double longitude) {
        if ((latitude == null) != (longitude == null)) {
            throw ApiException.invalid("give both 'latitude' and 'longitude', or neither");
        }
        if (latitude != null && (latitude < -90 || latitude > 90 || longitude < -180 || longitude > 180)) {
            throw ApiException.invalid("coordinates out of range: latitude must be -90..90 and longitude -180..180");
        }
    }

    private static List<Zone> checkZones(List<Zone> zones) {
        if (zones.isEmpty()) {
            throw ApiException.invalid("a station needs at least one zone");
        }
        Set<Integer> channels = new HashSet<>();
        for (Zone zone : zones) {
            if (!channels.add(zone.channel())) {
                throw ApiException.invalid("zone channel " + zone.channel() + " is listed twice");
            }
        }
        return zones;
    }

    private String newId() {
        StringBuilder id = new StringBuilder("st-");
        for (int i = 0; i < 8; i++) {
            id.append(ID_ALPHABET[random.nextInt(ID_ALPHABET.length)]);
        }
        return id.toString();
    }
}
