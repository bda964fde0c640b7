package vn.loa.controller.access;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The roles a user can hold, each over an area subtree. {@code admin} holds every permission
 * everywhere (it manages users and settings, and can grant itself any role anyway); the others hold
 * exactly the permissions listed here, and only in their areas.
 */
public enum Role {
    ADMIN(EnumSet.allOf(Permission.class)),
    SCHEDULER(EnumSet.of(Permission.READ_STATIONS, Permission.READ_BULLETINS, Permission.WRITE_BULLETINS,
            Permission.READ_SCHEDULES, Permission.WRITE_SCHEDULES, Permission.MANAGE_QUIET_HOURS,
            Permission.READ_BROADCASTS, Permission.READ_REPORTS, Permission.READ_ALERTS)),
    APPROVER(EnumSet.of(Permission.READ_BULLETINS, Permission.APPROVE_BULLETINS)),
    TECHNICIAN(EnumSet.of(Permission.READ_STATIONS, Permission.MANAGE_STATIONS, Permission.READ_SCHEDULES,
            Permission.READ_BROADCASTS, Permission.READ_REPORTS, Permission.READ_ALERTS,
            Permission.ACKNOWLEDGE_ALERTS)),
    OPERATOR(EnumSet.of(Permission.READ_STATIONS, Permission.READ_BULLETINS, Permission.READ_SCHEDULES,
            Permission.WRITE_SCHEDULES, Permission.READ_BROADCASTS, Permission.RUN_EMERGENCIES,
            Permission.READ_REPORTS, Permission.READ_ALERTS));

    private final Set<Permission> permissions;

    Role(Set<Permission> permissions) {
        this.permissions = Set.copyOf(permissions);
    }

    public boolean grants(Permission permission) {
        return permissions.contains(permission);
    }

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<Role> fromWire(String name) {
        for (Role role : values()) {
            if (role.wireName().equals(name)) {
                return Optional.of(role);
            }
        }
        return Optional.empty();
    }
}
