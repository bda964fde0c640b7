package vn.loa.controller.registry;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.loa.controller.api.ApiException;
import vn.loa.controller.store.Database;

/** The area tree: creation, renaming, reshaping (moving a subtree under another parent), removal. */
public final class AreaService {
    private static final Logger LOG = LoggerFactory.getLogger(AreaService.class);
    private static final Pattern CODE = Pattern.compile("[A-Za-z0-9._-]{1,32}");

    private final Database database;
    private final Clock clock;
    private final AreaRepository areas = new AreaRepository();

    public AreaService(Database database, Clock clock) {
        this.database = Objects.requireNonNull(database, "database");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    public List<Area> list() {
        return database.read(areas::all);
    }

    public Area get(long id) {
        return database.read(connection -> require(connection, id));
    }

    /** The ids of an area and of every area below it. */
    public Set<Long> subtree(long rootId) {
        List<Area> all = list();
        if (all.stream().noneMatch(area -> area.id() == rootId)) {
            throw ApiException.notFound("no area with id " + rootId);
        }
        Map<Long, List<Area>> children = all.stream().filter(area -> area.parentId() != null)
                .collect(Collectors.groupingBy(Area::parentId));
        Set<Long> ids = new HashSet<>();
        Deque<Long> pending = new ArrayDeque<>(List.of(rootId));
        while (!pending.isEmpty()) {
            long id = pending.pop();
            if (ids.add(id)) {
                children.getOrDefault(id, List.of()).forEach(child -> pending.push(child.id()));
            }
        }
        return ids;
    }

    public Area create(Long parentId, String name, String code, AreaLevel level) {
        checkCode(code);
        Instant now = clock.instant();
        return database.transaction(connection -> {
            if (parentId != null) {
                Area parent = require(connection, parentId);
                checkNesting(parent, level);
            }
            if (areas.codeTaken(connection, code, -1)) {
                throw ApiException.conflict("an area with code '" + code + "' already exists");
            }
            long id = areas.insert(connection, parentId, name, code, level, now);
            LOG.info("Area {} '{}' ({}) created under {}", code, name, level.wireName(), parentId);
            return require(connection, id);
        });
    }

    /**
     * Renames, recodes or moves an area. A move keeps the area's id, so its stations and their
     * history follow it; the move itself is recorded.
     */
    public Area update(long id, AreaChange change, String actor) {
        if (change.code() != null) {
            checkCode(change.code());
        }
        Instant now = clock.instant();
        return database.transaction(connection -> {
            Area current = require(connection, id);
            Long parentId = change.moves() ? change.parentId() : current.parentId();
            if (change.moves() && !Objects.equals(parentId, current.parentId())) {
                if (parentId != null) {
                    Area parent = require(connection, parentId);
                    checkNesting(parent, current.level());
                    checkNoCycle(connection, id, parentId);
                }
                areas.recordMove(connection, id, current.parentId(), parentId, now, actor);
                LOG.info("Area {} '{}' moved from parent {} to {} by {}", current.code(), current.name(),
                        current.parentId(), parentId, actor);
            }
            String code = change.code() == null ? current.code() : change.code();
            if (!code.equals(current.code()) && areas.codeTaken(connection, code, id)) {
                throw ApiException.conflict("an area with code '" + code + "' already exists");
            }
            String name = change.name() == null ? current.name() : change.name();
            areas.update(connection, new Area(id, parentId, name, code, current.level(), current.createdAt(), now));
            return require(connection, id);
        });
    }

    public void delete(long id) {
        database.transaction(connection -> {
            Area area = require(connection, id);
            int children = areas.childCount(connection, id);
            if (children > 0) {
                throw ApiException.conflict("area " + area.code() + " still contains " + children
                        + " area(s): move or delete them first");
            }
            int stations = areas.stationCount(connection, id);
            if (stations > 0) {
                throw ApiException.conflict("area " + area.code() + " still has " + stations
                        + " station(s), retired ones included: move them to another commune first");
            }
            areas.delete(connection, id);
            LOG.info("Area {} '{}' deleted", area.code(), area.name());
            return null;
        });
    }

    Area require(Connection connection, long id) throws SQLException {
        return areas.find(connection, id).orElseThrow(() -> ApiException.notFound("no area with id " + id));
    }

    private static void checkCode(String code) {
        if (!CODE.matcher(code).matches()) {
            throw ApiException.invalid("field 'code' must be 1-32 characters of letters, digits, '.', '_' or '-'");
        }
    }

    private static void checkNesting(Area parent, AreaLevel child) {
        if (!parent.level().canContain(child)) {
            throw ApiException.invalid("a " + parent.level().wireName() + " cannot contain a " + child.wireName());
        }
    }

    private void checkNoCycle(Connection connection, long id, long newParentId) throws SQLException {
        Long cursor = newParentId;
        while (cursor != null) {
            if (cursor == id) {
                throw ApiException.invalid("an area cannot be moved under itself or one of its descendants");
            }
            cursor = require(connection, cursor).parentId();
        }
    }
}
