// Schedules: the week calendar of an area or a station, the list of schedules (cancel, edit) and
// the form that creates or edits one with its conflicts shown before saving.
import * as api from '../api.js';
import { h, v, clear, heading, table, badge, alertBox, problem, dateTime } from '../dom.js';
import { t } from '../i18n.js';
import * as rec from './recurrence.js';
import { confirmDialog } from './confirm-dialog.js';
import { say } from './page-text.js';
import { weekCalendar, strings as calendarStrings } from './schedule-calendar.js';
import { scheduleForm, strings as formStrings } from './schedule-form.js';
import { actingAreas, areaTree } from './area-tree.js';

const own = {
  vi: {
    'schedules.new': 'Tạo lịch phát',
    'schedules.list': 'Danh sách lịch phát',
    'schedules.showCancelled': 'Hiện cả lịch đã huỷ',
    'schedules.onlyCalendar': 'Chỉ những lịch phát tới nơi đang xem trên lịch tuần',
    'schedules.empty': 'Chưa có lịch phát nào.',
    'schedules.bulletin': 'Bản tin',
    'schedules.when': 'Khi nào',
    'schedules.where': 'Nơi phát',
    'schedules.state': 'Trạng thái',
    'schedules.state.active': 'Đang áp dụng',
    'schedules.state.cancelled': 'Đã huỷ',
    'schedules.createdBy': 'Người tạo',
    'schedules.replaces': 'Thay cho {id}',
    'schedules.edit': 'Sửa',
    'schedules.cancel': 'Huỷ lịch',
    'schedules.confirmCancel': 'Huỷ lịch phát?',
    'schedules.confirmCancelText': 'Các buổi phát sắp tới của lịch này sẽ bị gỡ khỏi các trạm. Lịch sử phát vẫn được giữ.',
    'schedules.cancelled': 'Đã huỷ lịch phát {id}.',
    'schedules.zones': '{count} loa riêng lẻ',
    'schedules.editHint': 'Lưu thay đổi sẽ huỷ lịch cũ và tạo lịch mới thay thế.',
  },
  en: {
    'schedules.new': 'New schedule',
    'schedules.list': 'Schedules',
    'schedules.showCancelled': 'Show cancelled schedules too',
    'schedules.onlyCalendar': 'Only the schedules that play where the week calendar looks',
    'schedules.empty': 'No schedules yet.',
    'schedules.bulletin': 'Bulletin',
    'schedules.when': 'When',
    'schedules.where': 'Where',
    'schedules.state': 'State',
    'schedules.state.active': 'Active',
    'schedules.state.cancelled': 'Cancelled',
    'schedules.createdBy': 'Created by',
    'schedules.replaces': 'Replaces {id}',
    'schedules.edit': 'Edit',
    'schedules.cancel': 'Cancel schedule',
    'schedules.confirmCancel': 'Cancel this schedule?',
    'schedules.confirmCancelText': 'Its coming broadcasts leave the stations\' plans. What already aired stays in the log.',
    'schedules.cancelled': 'Schedule {id} cancelled.',
    'schedules.zones': '{count} single zones',
    'schedules.editHint': 'Saving cancels the old schedule and creates the new one in its place.',
  },
};

export const strings = {
  vi: { ...own.vi, ...rec.strings.vi, ...calendarStrings.vi, ...formStrings.vi },
  en: { ...own.en, ...rec.strings.en, ...calendarStrings.en, ...formStrings.en },
};

async function optional(allowed, path, field) {
  return allowed ? (await api.get(path))[field] : [];
}

/** What the page needs: areas, stations and bulletins as far as the user's roles show them. */
async function loadData(user) {
  const [areas, stations, bulletins] = await Promise.all([api.get('/areas'),
    optional(user.can('read-stations'), '/stations', 'stations'),
    optional(user.can('read-bulletins'), '/bulletins', 'bulletins')]);
  return { areas: areas.areas, stations, approved: bulletins.filter((b) => b.state === 'approved'),
    titles: new Map(bulletins.map((b) => [b.id, b.title])) };
}

function when(schedule) {
  const start = schedule.start.slice(0, 16);
  return h('div', {}, rec.describe(rec.parse(schedule.rrule), start.slice(0, 10), start.slice(11, 16), schedule.until),
    schedule.rrule ? h('small', { class: 'block' }, v(schedule.rrule, 'code')) : null);
}

function where(schedule, areaName) {
  const targets = schedule.targets || {};
  return h('ul', { class: 'plain' },
    (targets.areas || []).map((id) => h('li', {}, v(areaName.get(id) || id))),
    (targets.stations || []).map((id) => h('li', {}, v(id))),
    targets.zones && targets.zones.length ? h('li', {}, t('schedules.zones', { count: targets.zones.length })) : null);
}

/** The list's columns; `edit` and `cancel` (schedule, button) given when the user may write schedules. */
function columns(data, edit, cancel) {
  const areaName = new Map(data.areas.map((area) => [area.id, area.name]));
  const list = [
    { label: t('schedules.bulletin'), cell: (s) => [v(data.titles.get(s.bulletinId) || s.bulletinId, 'strong'),
      h('small', { class: 'block' }, badge(`class-${s.bulletinClass}`, t(`class.${s.bulletinClass}`)), ' ', v(s.id))] },
    { label: t('schedules.when'), cell: when },
    { label: t('schedules.where'), cell: (s) => where(s, areaName) },
    { label: t('schedules.state'), cell: (s) => [badge(s.state === 'active' ? 'online' : 'offline',
      t(`schedules.state.${s.state}`)), s.replaces ? h('small', { class: 'block' },
      t('schedules.replaces', { id: '' }), v(s.replaces)) : null] },
    { label: t('schedules.createdBy'), cell: (s) => h('small', {}, v(s.createdBy), h('span', { class: 'block' },
      dateTime(s.createdAt))) },
  ];
  if (edit) {
    list.push({ label: t('common.actions'), cell: (s) => (s.state !== 'active' ? null : h('div', { class: 'row-actions' },
      h('button', { type: 'button', class: 'small secondary', onclick: () => edit(s) }, t('schedules.edit')),
      h('button', { type: 'button', class: 'small secondary outline', onclick: (event) => cancel(s, event.currentTarget) },
        t('schedules.cancel')))) });
  }
  return list;
}

/** Cancels a schedule once confirmed; then() runs after it is cancelled. */
async function cancelSchedule(schedule, button, then) {
  if (!await confirmDialog(t('schedules.confirmCancel'), t('schedules.confirmCancelText'), t('schedules.cancel'))) {
    return;
  }
  button.setAttribute('aria-busy', 'true');
  try {
    await api.del(`/schedules/${encodeURIComponent(schedule.id)}`);
    say('schedules.cancelled', { id: schedule.id });
    await then();
  } catch (error) {
    say(problem(error), {}, 'error');
    button.removeAttribute('aria-busy');
  }
}

/**
 * Whether a schedule plays at the calendar's target ('area:3', 'station:demo-01'): an area target
 * above or below the area (or holding the station), the station itself or one below the area,
 * one of its zones.
 */
function reaches(schedule, target, tree, stationArea) {
  const [kind, id] = target.split(/:(.*)/s);
  const targets = schedule.targets || {};
  const stationsHit = [...(targets.stations || []), ...(targets.zones || []).map((zone) => zone.station)];
  if (kind === 'station') {
    const home = stationArea.get(id);
    return stationsHit.includes(id) || (targets.areas || []).some((area) => tree.within(home, area));
  }
  const area = Number(id);
  return (targets.areas || []).some((other) => tree.within(other, area) || tree.within(area, other))
    || stationsHit.some((station) => stationArea.has(station) && tree.within(stationArea.get(station), area));
}

/** The calendar opens on the area or station in the address, else the area of the user's first role, else the top. */
function home(user, areas, query) {
  if (query.get('station')) {
    return `station:${query.get('station')}`;
  }
  const own = (user.roles || []).map((role) => role.areaId).find((id) => areas.some((area) => area.id === id));
  const id = query.get('area') ?? own ?? (areas.length ? areas[0].id : null);
  return id === null ? null : `area:${id}`;
}

export default {
  route: 'schedules',
  nav: 'nav.schedules',
  allowed: (user) => user.can('read-schedules'),
  async render(view, { user, query }) {
    view.append(heading(t('nav.schedules')));
    let data = { areas: [], stations: [], approved: [], titles: new Map() };
    try {
      data = await loadData(user);
    } catch (error) {
      view.append(alertBox(error));
    }
    const formSlot = h('div', { class: 'form-slot' });
    const listSlot = h('div', {});
    const showCancelled = h('input', { type: 'checkbox', role: 'switch', name: 'cancelled' });
    const onlyCalendar = h('input', { type: 'checkbox', role: 'switch', name: 'only-calendar', checked: true });
    const calendar = user.can('read-broadcasts') ? weekCalendar(data, { target: home(user, data.areas, query),
      week: query.get('week'), onTarget: () => paintList() }) : null;
    const tree = areaTree(data.areas);
    const stationArea = new Map(data.stations.map((station) => [station.id, station.areaId]));
    let schedules = [];
    const justSaved = new Set();
    const reload = () => Promise.all([loadList(), calendar ? calendar.refresh() : null]);
    const closeForm = () => clear(formSlot);
    const openForm = (schedule) => {
      clear(formSlot).append(scheduleForm({ ...data, areas: actingAreas(user, data.areas) }, schedule, (saved) => {
        justSaved.add(saved.id); // shown in the list even where the calendar does not look
        closeForm();
        return reload();
      }, closeForm));
      if (schedule) {
        formSlot.querySelector('form').prepend(h('p', { class: 'hint' }, t('schedules.editHint')));
      }
      formSlot.querySelector('h2').focus();
    };
    const canWrite = user.can('write-schedules');
    const shown = columns(data, canWrite ? openForm : null, (s, button) => cancelSchedule(s, button, reload));
    const paintList = () => {
      const target = calendar && onlyCalendar.checked ? calendar.target() : '';
      const rows = schedules.filter((s) => showCancelled.checked || s.state === 'active')
        .filter((s) => !target || justSaved.has(s.id) || reaches(s, target, tree, stationArea))
        .sort((a, b) => (a.start < b.start ? -1 : a.start > b.start ? 1 : 0));
      clear(listSlot).append(table(shown, rows, t('schedules.empty'), { class: 'striped schedules' },
        (s) => ({ 'data-schedule': s.id, 'data-state': s.state })));
    };
    async function loadList() {
      try {
        schedules = (await api.get('/schedules')).schedules;
        paintList();
      } catch (error) {
        clear(listSlot).append(alertBox(error));
      }
    }
    showCancelled.addEventListener('change', paintList);
    onlyCalendar.addEventListener('change', paintList);
    view.append(canWrite ? h('p', {}, h('button', { type: 'button', onclick: () => openForm(null) }, t('schedules.new')))
      : '', formSlot, calendar ? calendar.element : '', h('section', { 'aria-labelledby': 'schedules-heading' },
      h('h2', { id: 'schedules-heading' }, t('schedules.list')),
      calendar ? h('label', {}, onlyCalendar, t('schedules.onlyCalendar')) : null,
      h('label', {}, showCancelled, t('schedules.showCancelled')), listSlot));
    await reload();
    return calendar ? calendar.close : null;
  },
};
