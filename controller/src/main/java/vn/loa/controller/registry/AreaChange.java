package vn.loa.controller.registry;

/**
 * A partial update of an area. Null {@code name}/{@code code}: unchanged. {@code moves}: whether
 * the parent changes, to {@code parentId} (null makes it a root).
 */
public record AreaChange(String name, String code, boolean moves, Long parentId) {
}
