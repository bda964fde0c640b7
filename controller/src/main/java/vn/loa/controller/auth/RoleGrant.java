package vn.loa.controller.auth;

/** A role held over an area subtree; {@code areaId} null means everywhere. */
public record RoleGrant(String role, Long areaId) {
}
