// The area tree from GET /areas, for pickers and filters: containment, depth, names, the areas a
// user's roles act in or may ask about, and <option>s in tree order (each area under its parent).
import { h } from '../dom.js';

export function areaTree(areas) {
  const byId = new Map(areas.map((area) => [area.id, area]));
  const depth = (area) => (area.parentId && byId.has(area.parentId) ? 1 + depth(byId.get(area.parentId)) : 0);
  const within = (areaId, ancestor) => {
    for (let at = byId.get(areaId); at; at = byId.get(at.parentId)) {
      if (at.id === ancestor) {
        return true;
      }
    }
    return false;
  };
  return { areas, byId, depth, within, name: (id) => byId.get(id)?.name };
}

/** The areas a user's roles reach, up or down (every area when a role has no area). */
export function visibleAreas(user, tree) {
  const roleAreas = user.roles.map((role) => role.areaId);
  if (roleAreas.some((id) => id === undefined || id === null)) {
    return tree.areas;
  }
  return tree.areas.filter((area) => roleAreas.some((id) => tree.within(area.id, id) || tree.within(id, area.id)));
}

/**
 * The areas where the user's roles act: every area for a role held everywhere, else the subtrees
 * of the roles' areas (the API still checks each action).
 */
export function actingAreas(user, areas) {
  const roleAreas = (user.roles || []).map((role) => role.areaId);
  if (roleAreas.length === 0 || roleAreas.some((id) => id === null || id === undefined)) {
    return areas;
  }
  const tree = areaTree(areas);
  return areas.filter((area) => roleAreas.some((id) => tree.within(area.id, id)));
}

/**
 * <option>s for these areas in tree order: each under its parent, indented by how many of its
 * ancestors are in the list, siblings by name; names marked as data.
 */
export function areaOptions(areas, selected) {
  const ids = new Set(areas.map((area) => area.id));
  const children = new Map();
  for (const area of areas) {
    const parent = area.parentId != null && ids.has(area.parentId) ? area.parentId : null;
    children.set(parent, [...(children.get(parent) || []), area]);
  }
  const options = [];
  const walk = (parent, depth) => {
    for (const area of (children.get(parent) || []).sort((a, b) => a.name.localeCompare(b.name, 'vi'))) {
      options.push(h('option', { value: String(area.id), 'data-value': true,
        selected: selected !== undefined && String(area.id) === String(selected) },
      `${'\u00a0\u00a0\u00a0'.repeat(depth)}${area.name}`));
      walk(area.id, depth + 1);
    }
  };
  walk(null, 0);
  return options;
}
