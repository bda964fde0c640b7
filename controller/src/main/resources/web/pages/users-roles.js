// The roles of an account as rows of (role, area): admin holds everywhere (no area), an
// operator holds one commune, the others any area (a province for province-wide staff).
import { h, field } from '../dom.js';
import { t } from '../i18n.js';
import { areaOptions } from './area-tree.js';

export const ROLES = ['operator', 'scheduler', 'approver', 'technician', 'admin'];

/** A role with its area's name, for lists: "Technician – Huyện Thử". */
export function roleText(role, tree) {
  const name = role.areaId === undefined || role.areaId === null ? null : tree.name(role.areaId) ?? `#${role.areaId}`;
  return name ? [t(`users.role.${role.role}`), ' – ', h('span', { 'data-value': true }, name)]
    : t(`users.role.${role.role}`);
}

/** An editor of role rows; read() gives [{role, areaId?}] (rows without an area where one is needed stay out). */
export function rolesEditor(tree, initial = []) {
  const rows = h('div', { class: 'role-rows' });
  const communes = tree.areas.filter((area) => area.level === 'commune');
  function addRow(role = 'operator', areaId = null) {
    const roleSelect = h('select', { name: 'role' }, ROLES.map((r) => h('option', { value: r, selected: r === role },
      t(`users.role.${r}`))));
    const areaSelect = h('select', { name: 'role-area' });
    const areaField = field(t('common.area'), areaSelect);
    const fillAreas = () => {
      const list = roleSelect.value === 'operator' ? communes : tree.areas;
      const keep = areaSelect.value || (areaId === null ? '' : String(areaId));
      areaSelect.replaceChildren(h('option', { value: '' }, t('users.chooseArea')), ...areaOptions(list, keep));
      areaField.hidden = roleSelect.value === 'admin';
    };
    roleSelect.addEventListener('change', fillAreas);
    const row = h('fieldset', { class: 'role-row' }, field(t('users.roleField'), roleSelect), areaField,
      h('button', { type: 'button', class: 'secondary outline small', onclick: () => row.remove() },
        t('users.removeRole')));
    fillAreas();
    rows.append(row);
  }
  initial.forEach((role) => addRow(role.role, role.areaId ?? null));
  const element = h('div', { class: 'roles-editor' }, h('p', { class: 'roles-label' }, t('users.roles')), rows,
    h('button', { type: 'button', class: 'secondary outline small', onclick: () => addRow() }, t('users.addRole')));
  return {
    element,
    read: () => [...rows.querySelectorAll('.role-row')].map((row) => {
      const role = row.querySelector('select[name=role]').value;
      const area = row.querySelector('select[name=role-area]').value;
      return role === 'admin' ? { role } : { role, areaId: area === '' ? null : Number(area) };
    }),
  };
}
