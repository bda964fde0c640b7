package vn.loa.controller.auth;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;
import vn.loa.controller.api.ApiException;
import vn.loa.controller.registry.Area;
import vn.loa.controller.registry.AreaLevel;
import vn.loa.controller.registry.AreaService;

/**
 * Which roles exist and over which areas each may be held: {@code admin} everywhere only (no
 * {@code areaId}: users, roles and settings have no area); every other role over one named area
 * and its subtree (province-wide staff hold it over their province); {@code operator} over a
 * commune only. A refusal is a 400 naming the entry.
 */
final class RoleRules {
    static final Set<String> ROLES = Set.of("admin", "scheduler", "approver", "technician", "operator");
    static final int MAX_GRANTS = 100;

    private final AreaService areas;

    RoleRules(AreaService areas) {
        this.areas = areas;
    }

    /** The grants, checked, without repeats, in the order given. */
    List<RoleGrant> check(List<RoleGrant> grants) {
        if (grants.size() > MAX_GRANTS) {
            throw ApiException.invalid("field 'roles' may hold at most " + MAX_GRANTS + " entries");
        }
        Map<Long, Area> known = areas.list().stream().collect(Collectors.toMap(Area::id, Function.identity()));
        for (int i = 0; i < grants.size(); i++) {
            check(grants.get(i), "roles[" + i + "]", known);
        }
        return new ArrayList<>(new LinkedHashSet<>(grants));
    }

    private static void check(RoleGrant grant, String where, Map<Long, Area> known) {
        if (!ROLES.contains(grant.role())) {
            throw ApiException.invalid("field '" + where + ".role': unknown role '" + grant.role() + "'; the roles are "
                    + String.join(", ", new TreeSet<>(ROLES)));
        }
        if ("admin".equals(grant.role())) {
            if (grant.areaId() != null) {
                throw ApiException.invalid("field '" + where + ".areaId': the admin role holds everywhere; "
                        + "leave out 'areaId'");
            }
            return;
        }
        if (grant.areaId() == null) {
            throw ApiException.invalid("field '" + where + ".areaId' is required: the role '" + grant.role()
                    + "' is held over an area (a province's id for province-wide staff)");
        }
        Area area = known.get(grant.areaId());
        if (area == null) {
            throw ApiException.invalid("field '" + where + ".areaId': no area with id " + grant.areaId());
        }
        if ("operator".equals(grant.role()) && area.level() != AreaLevel.COMMUNE) {
            throw ApiException.invalid("field '" + where + ".areaId': an operator works for one commune, and area "
                    + area.id() + " (" + area.name() + ") is a " + area.level().wireName());
        }
    }
}
