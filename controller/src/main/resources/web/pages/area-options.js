// The area tree in forms: options indented under their parents, and the part of the tree where
// the user's roles act.
import { h } from '../dom.js';

/** Areas as select options, indented under their parents. */
export function areaOptions(areas) {
  const children = new Map();
  areas.forEach((area) => {
    const key = area.parentId ?? null;
    children.set(key, [...(children.get(key) || []), area]);
  });
  const known = new Set(areas.map((area) => area.id));
  const roots = areas.filter((area) => area.parentId == null || !known.has(area.parentId));
  const options = [];
  const walk = (area, depth) => {
    options.push(h('option', { value: String(area.id), 'data-value': true }, `${'\u00a0\u00a0'.repeat(depth)}${area.name}`));
    (children.get(area.id) || []).forEach((child) => walk(child, depth + 1));
  };
  roots.forEach((root) => walk(root, 0));
  return options;
}

/**
 * The areas where the user's roles act: every area for a role held everywhere (no areaId), else
 * the subtrees of the roles' areas (the API still checks each action).
 */
export function scopedAreas(user, areas) {
  const roots = (user.roles || []).map((role) => role.areaId);
  if (roots.length === 0 || roots.some((id) => id === null || id === undefined)) {
    return areas;
  }
  const parent = new Map(areas.map((area) => [area.id, area.parentId ?? null]));
  const within = (id) => {
    for (let at = id, hops = 0; at !== null && at !== undefined && hops < 50; at = parent.get(at), hops++) {
      if (roots.includes(at)) {
        return true;
      }
    }
    return false;
  };
  return areas.filter((area) => within(area.id));
}
