// Creating or editing a schedule: an approved bulletin, a local start, a recurrence picker that
// builds the RRULE (shown, with the first occurrences in words), an optional last date and the
// targets. Before saving, POST /schedules/check lists the conflicts and the first occurrences;
// saving creates (POST /schedules) or edits (PUT /schedules/{id}, which answers the successor).
import * as api from '../api.js';
import { h, v, field, alertBox, localDate, duration } from '../dom.js';
import { t } from '../i18n.js';
import { say, sentence } from './page-text.js';
import * as rec from './recurrence.js';
import { areaOptions } from './area-tree.js';

export const strings = {
  vi: {
    'form.new': 'Lịch phát mới',
    'form.edit': 'Sửa lịch phát {id}',
    'form.bulletin': 'Bản tin (đã duyệt)',
    'form.chooseBulletin': '— Chọn bản tin —',
    'form.noBulletin': 'Chưa có bản tin nào được duyệt: hãy duyệt một bản tin trước.',
    'form.startDate': 'Ngày bắt đầu',
    'form.startTime': 'Giờ phát',
    'form.repeat': 'Lặp lại',
    'form.days': 'Các thứ trong tuần',
    'form.until': 'Ngày cuối (không bắt buộc)',
    'form.targets': 'Nơi phát',
    'form.areas': 'Địa bàn (mọi trạm thuộc địa bàn)',
    'form.stations': 'Trạm',
    'form.targetsHint': 'Giữ Ctrl (hoặc chạm trên điện thoại) để chọn nhiều.',
    'form.zonesPick': 'Loa riêng lẻ (chỉ một số loa của trạm)',
    'form.zones': 'Loa',
    'form.zoneOption': '{station} – {zone} (kênh {channel})',
    'form.zonesChosen': 'Đã chọn {count} loa riêng lẻ.',
    'form.zoneUnknown': '{station}, kênh {channel} (không có trong danh sách trạm)',
    'form.rule': 'Quy tắc RRULE',
    'form.ruleNone': 'không có (phát một lần)',
    'form.preview': 'Các lần phát đầu tiên',
    'form.check': 'Kiểm tra trùng lịch',
    'form.save': 'Lưu lịch phát',
    'form.saveEdit': 'Lưu thay đổi',
    'form.close': 'Đóng',
    'form.noConflicts': 'Không trùng lịch nào.',
    'form.conflicts': 'Có {count} chỗ trùng lịch, chưa lưu được:',
    'form.conflict': 'Trùng lịch {schedule} (bản tin {title}) tại trạm {station}, loa {channel}, lúc {when}.',
    'form.fromController': 'Các lần phát theo máy chủ',
    'form.needTargets': 'Hãy chọn ít nhất một địa bàn hoặc một trạm.',
    'form.needDays': 'Hãy chọn ít nhất một thứ trong tuần.',
    'form.needBulletin': 'Hãy chọn bản tin.',
    'form.needStart': 'Hãy nhập ngày và giờ bắt đầu.',
    'form.created': 'Đã tạo lịch phát {id}.',
    'form.edited': 'Đã sửa lịch phát: lịch {id} thay cho lịch cũ.',
  },
  en: {
    'form.new': 'New schedule',
    'form.edit': 'Edit schedule {id}',
    'form.bulletin': 'Bulletin (approved)',
    'form.chooseBulletin': '— Choose a bulletin —',
    'form.noBulletin': 'No bulletin is approved yet: approve one first.',
    'form.startDate': 'Start date',
    'form.startTime': 'Time',
    'form.repeat': 'Repeat',
    'form.days': 'Days of the week',
    'form.until': 'Last date (optional)',
    'form.targets': 'Where it plays',
    'form.areas': 'Areas (every station in them)',
    'form.stations': 'Stations',
    'form.targetsHint': 'Hold Ctrl (or tap on a phone) to choose several.',
    'form.zonesPick': 'Single zones (only some of a station\'s loudspeakers)',
    'form.zones': 'Zones',
    'form.zoneOption': '{station} – {zone} (channel {channel})',
    'form.zonesChosen': '{count} single zones chosen.',
    'form.zoneUnknown': '{station}, channel {channel} (not in the station list)',
    'form.rule': 'RRULE',
    'form.ruleNone': 'none (plays once)',
    'form.preview': 'First occurrences',
    'form.check': 'Check for conflicts',
    'form.save': 'Save schedule',
    'form.saveEdit': 'Save changes',
    'form.close': 'Close',
    'form.noConflicts': 'No conflicts.',
    'form.conflicts': '{count} conflicts, not saved:',
    'form.conflict': 'Conflicts with schedule {schedule} (bulletin {title}) at station {station}, zone {channel}, on {when}.',
    'form.fromController': 'Occurrences according to the controller',
    'form.needTargets': 'Choose at least one area or station.',
    'form.needDays': 'Choose at least one day of the week.',
    'form.needBulletin': 'Choose a bulletin.',
    'form.needStart': 'Enter the start date and time.',
    'form.created': 'Schedule {id} created.',
    'form.edited': 'Schedule edited: {id} replaces the old one.',
  },
};

function conflictItem(conflict, titles) {
  return h('li', { 'data-conflict': conflict.schedule }, sentence('form.conflict', {
    schedule: v(conflict.schedule), title: v(titles.get(conflict.bulletinId) || conflict.bulletinId),
    station: v(conflict.station), channel: v(conflict.channel), when: rec.whenWords(conflict.at) }));
}

const zoneKey = (zone) => `${zone.station}:${zone.channel}`;

/**
 * Single zones, in a closed section unless the schedule has some: its options (every zone of every
 * station shown, thousands in a province) are built the first time it opens; until then read()
 * gives the schedule's own.
 */
function zonePicker(stations, initial) {
  const select = h('select', { name: 'zones', multiple: true, size: '6' });
  const count = h('p', { role: 'status' });
  let built = false;
  const chosen = () => (built ? [...select.selectedOptions].map((o) => {
    const cut = o.value.lastIndexOf(':');
    return { station: o.value.slice(0, cut), channel: Number(o.value.slice(cut + 1)) };
  }) : initial);
  const paintCount = () => count.replaceChildren(chosen().length ? t('form.zonesChosen', { count: chosen().length }) : '');
  const build = () => {
    if (built) {
      return;
    }
    built = true;
    const keep = new Set(initial.map(zoneKey));
    const known = stations.flatMap((station) => (station.zones || []).map((zone) => {
      const key = zoneKey({ station: station.id, channel: zone.channel });
      return h('option', { value: key, selected: keep.has(key), 'data-value': true },
        t('form.zoneOption', { station: station.name, zone: zone.name, channel: zone.channel }));
    }));
    // a zone the registry no longer lists (or this user does not see) stays chosen, and says so
    const values = new Set(known.map((option) => option.value));
    const unknown = initial.filter((zone) => !values.has(zoneKey(zone))).map((zone) => h('option',
      { value: zoneKey(zone), selected: true }, t('form.zoneUnknown', { station: zone.station, channel: zone.channel })));
    select.replaceChildren(...known, ...unknown);
  };
  const element = h('details', { class: 'zone-picker', open: initial.length > 0 },
    h('summary', {}, t('form.zonesPick')), field(t('form.zones'), select));
  element.addEventListener('toggle', build);
  select.addEventListener('change', paintCount);
  if (initial.length > 0) {
    build();
  }
  paintCount();
  return { element: h('div', {}, element, count), read: chosen };
}

/** The form's inputs, filled from the schedule edited (or tomorrow 06:30, once). */
function inputs(data, schedule) {
  const bulletins = [...data.approved];
  if (schedule && !bulletins.some((b) => b.id === schedule.bulletinId)) {
    bulletins.push({ id: schedule.bulletinId, title: data.titles.get(schedule.bulletinId) || schedule.bulletinId });
  }
  const bulletin = h('select', { name: 'bulletinId', required: true },
    h('option', { value: '' }, t('form.chooseBulletin')),
    bulletins.map((b) => h('option', { value: b.id, 'data-value': true },
      b.durationMillis ? `${b.title} (${t(`class.${b.class}`)}, ${duration(b.durationMillis / 1000)})` : b.title)));
  bulletin.value = schedule ? schedule.bulletinId : '';
  const start = schedule ? schedule.start.slice(0, 16) : `${rec.addDays(localDate(), 1)}T06:30`;
  const choice = rec.parse(schedule ? schedule.rrule : null);
  const kinds = ['once', 'daily', 'weekdays', 'days', ...(choice.kind === 'custom' ? ['custom'] : [])];
  const targets = schedule ? schedule.targets : { areas: [], stations: [], zones: [] };
  const areas = h('select', { name: 'areas', multiple: true, size: '5' }, areaOptions(data.areas));
  const stations = h('select', { name: 'stations', multiple: true, size: '5' }, data.stations.map((s) =>
    h('option', { value: s.id, 'data-value': true }, `${s.name} (${s.id})`)));
  [...areas.options].forEach((o) => { o.selected = (targets.areas || []).map(String).includes(o.value); });
  [...stations.options].forEach((o) => { o.selected = (targets.stations || []).includes(o.value); });
  return {
    bulletin, choice, areas, stations, zones: zonePicker(data.stations, targets.zones || []),
    startDate: h('input', { type: 'date', name: 'startDate', required: true, value: start.slice(0, 10) }),
    startTime: h('input', { type: 'time', name: 'startTime', required: true, value: start.slice(11, 16) }),
    radios: kinds.map((kind) => h('input', { type: 'radio', name: 'repeat', value: kind, checked: kind === choice.kind })),
    dayBoxes: rec.DAYS.map((day) => h('input', { type: 'checkbox', name: 'day', value: day,
      checked: choice.days.includes(day) })),
    until: h('input', { type: 'date', name: 'until', value: schedule && schedule.until ? schedule.until : '' }),
  };
}

/** The recurrence chosen: {kind, days, rrule (a custom rule kept as it was)}. */
function picked(f) {
  const kind = f.radios.find((r) => r.checked)?.value || 'once';
  return { kind, days: f.dayBoxes.filter((box) => box.checked).map((box) => box.value), rrule: f.choice.rrule };
}

/** The body of POST /schedules, /schedules/check and PUT /schedules/{id}. */
function body(f) {
  const choice = picked(f);
  return {
    bulletinId: f.bulletin.value, start: `${f.startDate.value}T${f.startTime.value}`,
    rrule: rec.build(choice) || undefined,
    until: choice.kind !== 'once' && f.until.value ? f.until.value : undefined,
    targets: { areas: [...f.areas.selectedOptions].map((o) => Number(o.value)),
      stations: [...f.stations.selectedOptions].map((o) => o.value), zones: f.zones.read() },
  };
}

/** What is missing before the controller can be asked, as a sentence; null when nothing is. */
function missing(f) {
  const b = body(f);
  const choice = picked(f);
  const key = !b.bulletinId ? 'form.needBulletin' : !f.startDate.value || !f.startTime.value ? 'form.needStart'
    : choice.kind === 'days' && choice.days.length === 0 ? 'form.needDays'
      : b.targets.areas.length + b.targets.stations.length + b.targets.zones.length === 0 ? 'form.needTargets' : null;
  return key ? h('p', { class: 'problem', role: 'alert' }, t(key)) : null;
}

/** The recurrence in words, its RRULE and its first occurrences, as the picker stands. */
function summary(f) {
  const choice = picked(f);
  const rrule = rec.build(choice);
  const until = choice.kind === 'once' ? '' : f.until.value;
  const first = rec.occurrences(choice, f.startDate.value, f.startTime.value, until, 5);
  return [
    h('p', { class: 'recurrence-words' }, rec.describe(choice, f.startDate.value, f.startTime.value, until)),
    h('p', {}, `${t('form.rule')}: `, rrule ? v(rrule, 'code', { class: 'rrule' }) : t('form.ruleNone')),
    first.length ? h('div', {}, h('strong', {}, t('form.preview')),
      h('ol', { class: 'occurrences' }, first.map((when) => h('li', {}, rec.whenWords(when))))) : null,
  ];
}

/** The controller's check in words: the conflicts (or none) and the occurrences it computed. */
function checked(answer, conflicts, titles) {
  return [conflicts.length === 0
    ? h('p', { class: 'ok', role: 'status' }, t('form.noConflicts'))
    : h('div', { class: 'problem', role: 'alert' }, h('p', {}, t('form.conflicts', { count: conflicts.length })),
      h('ul', {}, conflicts.map((c) => conflictItem(c, titles)))),
  answer.firstOccurrences.length ? h('div', { class: 'occurrences-checked' },
    h('strong', {}, t('form.fromController')),
    h('ol', {}, answer.firstOccurrences.map((when) => h('li', {}, rec.whenWords(when))))) : null];
}

function fields(f, daysSet) {
  return [
    field(t('form.bulletin'), f.bulletin),
    h('div', { class: 'grid-2' }, field(t('form.startDate'), f.startDate), field(t('form.startTime'), f.startTime)),
    h('fieldset', { class: 'repeat' }, h('legend', {}, t('form.repeat')),
      f.radios.map((radio) => h('label', {}, radio, t(`recurrence.${radio.value}`)))),
    daysSet,
    field(t('form.until'), f.until),
  ];
}

function targetFields(f) {
  return h('fieldset', {}, h('legend', {}, t('form.targets')),
    h('div', { class: 'grid-2' }, field(t('form.areas'), f.areas), field(t('form.stations'), f.stations)),
    h('small', {}, t('form.targetsHint')), f.zones.element);
}

/**
 * The form: data = {areas, stations, approved (bulletins), titles}; schedule to edit or null;
 * onSaved(schedule) after a save, onClose() to close it.
 */
export function scheduleForm(data, schedule, onSaved, onClose) {
  const editing = Boolean(schedule && schedule.id);
  const f = inputs(data, schedule);
  const daysSet = h('fieldset', { class: 'days' }, h('legend', {}, t('form.days')),
    f.dayBoxes.map((box) => h('label', {}, box, rec.dayName(box.value))));
  const preview = h('div', { class: 'recurrence-summary', 'aria-live': 'polite' });
  const result = h('div', { class: 'check-result' });
  const save = h('button', { type: 'submit' }, editing ? t('form.saveEdit') : t('form.save'));
  const check = h('button', { type: 'button', class: 'secondary' }, t('form.check'));
  const paint = () => {
    daysSet.hidden = picked(f).kind !== 'days';
    f.until.disabled = picked(f).kind === 'once';
    preview.replaceChildren(...summary(f));
    result.replaceChildren();
  };
  /** The controller's check; true when there is no conflict (the schedule edited does not count). */
  const runCheck = async () => {
    const invalid = missing(f);
    if (invalid) {
      result.replaceChildren(invalid);
      return false;
    }
    const answer = await api.post('/schedules/check' + api.query({ replacing: editing ? schedule.id : null }), body(f));
    const conflicts = answer.conflicts;
    result.replaceChildren(...checked(answer, conflicts, data.titles));
    return conflicts.length === 0;
  };
  const busy = async (button, work) => {
    button.setAttribute('aria-busy', 'true');
    button.disabled = true;
    try {
      await work();
    } catch (error) {
      result.replaceChildren(alertBox(error));
    } finally {
      button.removeAttribute('aria-busy');
      button.disabled = false;
    }
  };
  check.addEventListener('click', () => busy(check, runCheck));
  const form = h('form', { class: 'schedule-form', novalidate: true, onsubmit: (event) => {
    event.preventDefault();
    busy(save, async () => {
      if (await runCheck()) {
        const saved = editing ? await api.put(`/schedules/${encodeURIComponent(schedule.id)}`, body(f))
          : await api.post('/schedules', body(f));
        say(editing ? 'form.edited' : 'form.created', { id: saved.id });
        onSaved(saved);
      }
    });
  } },
  data.approved.length === 0 && !editing ? h('p', { class: 'problem', role: 'alert' }, t('form.noBulletin')) : null,
  fields(f, daysSet), preview, targetFields(f), result,
  h('div', { class: 'form-actions' }, save, check,
    h('button', { type: 'button', class: 'secondary outline', onclick: onClose }, t('form.close'))));
  form.addEventListener('input', paint);
  form.addEventListener('change', paint);
  paint();
  return h('article', { class: 'schedule-form-card', 'aria-labelledby': 'schedule-form-heading' },
    h('h2', { id: 'schedule-form-heading', tabindex: '-1' },
      editing ? sentence('form.edit', { id: v(schedule.id) }) : t('form.new')), form);
}
