// The area tree from GET /areas, for pickers: depth (to indent), containment, and the areas a
// user may ask about (in, above or below the areas of their roles; all of them for a role held
// everywhere, like admin).
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

/** <option>s for areas, indented by depth, names marked as data. */
export function areaOptions(tree, areas, selected) {
  return areas.map((area) => h('option', { value: String(area.id), 'data-value': true,
    selected: String(area.id) === String(selected) }, `${'\u00a0\u00a0'.repeat(tree.depth(area))}${area.name}`));
}
