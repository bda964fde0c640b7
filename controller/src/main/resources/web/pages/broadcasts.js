// The as-run log: what each station really played (from its receipts), filtered by area,
// station and local dates; a timeline per station of any one day of the period; CSV export
// through the session cookie.
// Receipts arriving on the live stream update the rows in place.
import * as api from '../api.js';
import * as live from '../live.js';
import { h, v, heading, alertBox, table, field, badge, dateTime, localDate, date } from '../dom.js';
import { t } from '../i18n.js';
import { areaTree, visibleAreas, areaOptions } from './area-tree.js';
import { timeline, legend } from './broadcasts-timeline.js';

const STATES = ['planned', 'playing', 'finished', 'partly-played', 'missed', 'failed', 'unconfirmed',
  'skipped-quiet-hours'];

export const strings = {
  vi: {
    'broadcasts.title': 'Nhật ký phát thanh',
    'broadcasts.intro': 'Những gì từng trạm đã thực sự phát, theo báo cáo của trạm.',
    'broadcasts.allAreas': 'Mọi địa bàn',
    'broadcasts.allStations': 'Mọi trạm',
    'broadcasts.fromDate': 'Từ ngày',
    'broadcasts.toDate': 'Đến hết ngày',
    'broadcasts.show': 'Xem',
    'broadcasts.plannedStart': 'Giờ phát dự kiến',
    'broadcasts.bulletin': 'Bản tin',
    'broadcasts.state': 'Kết quả',
    'broadcasts.reason': 'Lý do',
    'broadcasts.empty': 'Không có buổi phát nào trong khoảng thời gian này.',
    'broadcasts.count': '{count} buổi phát',
    'broadcasts.timeline': 'Dòng thời gian ngày {day}',
    'broadcasts.timelineDay': 'Ngày xem trên dòng thời gian',
    'broadcasts.timelineEmpty': 'Ngày này không có buổi phát nào.',
    'broadcasts.emergency': 'Khẩn cấp',
    'broadcasts.badDates': 'Ngày kết thúc phải sau ngày bắt đầu.',
    'broadcasts.state.planned': 'Chưa đến giờ',
    'broadcasts.state.playing': 'Đang phát',
    'broadcasts.state.finished': 'Đã phát xong',
    'broadcasts.state.partly-played': 'Phát dở',
    'broadcasts.state.missed': 'Bị lỡ',
    'broadcasts.state.failed': 'Lỗi',
    'broadcasts.state.unconfirmed': 'Chưa xác nhận',
    'broadcasts.state.skipped-quiet-hours': 'Bỏ qua (giờ yên tĩnh)',
  },
  en: {
    'broadcasts.title': 'As-run log',
    'broadcasts.intro': 'What each station really played, as the station reported it.',
    'broadcasts.allAreas': 'All areas',
    'broadcasts.allStations': 'All stations',
    'broadcasts.fromDate': 'From',
    'broadcasts.toDate': 'To (inclusive)',
    'broadcasts.show': 'Show',
    'broadcasts.plannedStart': 'Planned start',
    'broadcasts.bulletin': 'Bulletin',
    'broadcasts.state': 'Outcome',
    'broadcasts.reason': 'Reason',
    'broadcasts.empty': 'No broadcast in this period.',
    'broadcasts.count': '{count} broadcasts',
    'broadcasts.timeline': 'Timeline of {day}',
    'broadcasts.timelineDay': 'Day shown on the timeline',
    'broadcasts.timelineEmpty': 'No broadcast on this day.',
    'broadcasts.emergency': 'Emergency',
    'broadcasts.badDates': 'The end date must not be before the start date.',
    'broadcasts.state.planned': 'Not yet due',
    'broadcasts.state.playing': 'Playing',
    'broadcasts.state.finished': 'Finished',
    'broadcasts.state.partly-played': 'Partly played',
    'broadcasts.state.missed': 'Missed',
    'broadcasts.state.failed': 'Failed',
    'broadcasts.state.unconfirmed': 'Unconfirmed',
    'broadcasts.state.skipped-quiet-hours': 'Skipped (quiet hours)',
  },
};

function nextDay(day) {
  const next = new Date(Date.parse(`${day}T00:00:00Z`) + 24 * 3600 * 1000);
  return next.toISOString().substring(0, 10);
}

/** The local dates from `from` to `to`, both included (at most `max`). */
function daysOf(from, to, max = 93) {
  const days = [];
  for (let day = from; day <= to && days.length < max; day = nextDay(day)) {
    days.push(day);
  }
  return days;
}

export function stateBadge(state) {
  return h('span', { class: `badge state-${state}`, dataset: { state } }, t(`broadcasts.state.${state}`));
}

function filters(ctx, tree, areas, stations) {
  const q = ctx.query;
  const today = localDate();
  const area = h('select', { name: 'area' }, h('option', { value: '' }, t('broadcasts.allAreas')),
    areaOptions(areas, q.get('area')));
  const station = h('select', { name: 'station' });
  const fillStations = () => {
    const id = Number(area.value);
    const shown = id ? stations.filter((s) => tree.within(s.areaId, id)) : stations;
    station.replaceChildren(h('option', { value: '' }, t('broadcasts.allStations')), ...shown.map((s) =>
      h('option', { value: s.id, 'data-value': true, selected: s.id === q.get('station') }, s.name)));
  };
  fillStations();
  area.addEventListener('change', fillStations);
  const from = h('input', { type: 'date', name: 'from', value: q.get('from') || today, required: true });
  const to = h('input', { type: 'date', name: 'to', value: q.get('to') || q.get('from') || today, required: true });
  const problem = h('div', {});
  const form = h('form', { class: 'toolbar', role: 'search' }, field(t('common.area'), area),
    field(t('common.station'), station), field(t('broadcasts.fromDate'), from), field(t('broadcasts.toDate'), to),
    h('button', { type: 'submit' }, t('broadcasts.show')));
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    problem.replaceChildren();
    if (to.value < from.value) {
      problem.append(h('p', { class: 'problem', role: 'alert' }, t('broadcasts.badDates')));
      return;
    }
    ctx.navigate(`#/broadcasts${api.query({ area: area.value, station: station.value, from: from.value, to: to.value })}`);
  });
  return { element: h('div', {}, form, problem),
    params: { area: q.get('area') || '', station: q.get('station') || '', from: q.get('from') || today,
      to: q.get('to') || q.get('from') || today } };
}

function rowsTable(rows, names, titles) {
  return table([
    { label: t('broadcasts.plannedStart'), cell: (r) => dateTime(r.plannedStart) },
    { label: t('common.station'), cell: (r) => v(names.get(r.station) || r.station) },
    { label: t('broadcasts.bulletin'), cell: (r) => [v(titles.get(r.bulletinId) || r.bulletinId),
      r.broadcastId.startsWith('emergency:') ? [' ', badge('neutral', t('broadcasts.emergency'))] : null] },
    { label: t('broadcasts.state'), cell: (r) => stateBadge(r.state) },
    { label: t('broadcasts.reason'), cell: (r) => v(r.reason || '') },
  ], rows, t('broadcasts.empty'), { class: 'striped as-run' },
  (r) => ({ dataset: { broadcast: r.broadcastId, station: r.station } }));
}

export default {
  route: 'broadcasts',
  nav: 'nav.broadcasts',
  allowed: (user) => user.can('read-broadcasts'),
  async render(view, ctx) {
    view.append(heading(t('broadcasts.title')), h('p', {}, t('broadcasts.intro')));
    let areas;
    let stations;
    let bulletins;
    try {
      [areas, stations, bulletins] = await Promise.all([api.get('/areas').then((a) => a.areas),
        ctx.user.can('read-stations') ? api.get('/stations').then((a) => a.stations) : [],
        ctx.user.can('read-bulletins') ? api.get('/bulletins').then((a) => a.bulletins) : []]);
    } catch (error) {
      view.append(alertBox(error));
      return null;
    }
    const tree = areaTree(areas);
    const chosen = filters(ctx, tree, visibleAreas(ctx.user, tree), stations);
    const p = chosen.params;
    const search = { area: p.area, station: p.station, from: p.from, to: nextDay(p.to) };
    const csv = h('a', { href: `/api/v1/broadcasts${api.query({ ...search, format: 'csv' })}`, role: 'button',
      class: 'secondary outline', download: `as-run-${p.from}.csv` }, t('common.downloadCsv'));
    view.append(chosen.element);
    let rows;
    try {
      rows = (await api.get(`/broadcasts${api.query(search)}`)).broadcasts;
    } catch (error) {
      view.append(alertBox(error));
      return null;
    }
    const names = new Map(stations.map((s) => [s.id, s.name]));
    const titles = new Map(bulletins.map((b) => [b.id, b.title]));
    const days = daysOf(p.from, p.to);
    const today = localDate();
    const daySelect = h('select', { name: 'timeline-day' }, days.map((day) => h('option', { value: day,
      selected: day === (days.includes(today) ? today : p.from) }, date(`${day}T00:00:00+07:00`))));
    const dayStart = () => Date.parse(`${daySelect.value}T00:00:00+07:00`);
    const lineTitle = h('h2', {});
    const count = h('p', { role: 'status' });
    const tableBox = h('div', {});
    const lineBox = h('div', {});
    const paintLine = () => {
      lineTitle.replaceChildren(t('broadcasts.timeline', { day: date(new Date(dayStart()).toISOString()) }));
      lineBox.replaceChildren(timeline(rows, dayStart(), names, titles));
    };
    const paint = () => {
      count.replaceChildren(t('broadcasts.count', { count: rows.length }));
      tableBox.replaceChildren(rowsTable(rows, names, titles));
      paintLine();
    };
    paint();
    daySelect.addEventListener('change', paintLine);
    view.append(h('div', { class: 'toolbar' }, count, csv), lineTitle,
      days.length > 1 ? h('div', { class: 'toolbar' }, field(t('broadcasts.timelineDay'), daySelect)) : null,
      legend(STATES.filter((s) => s !== 'skipped-quiet-hours')), lineBox, tableBox);
    return live.on('receipt', (receipt) => {
      const row = rows.find((r) => r.broadcastId === receipt.broadcastId && r.station === receipt.station);
      if (row && receipt.state) {
        for (const key of ['state', 'actualStart', 'actualEnd', 'reason']) {
          row[key] = receipt[key] ?? row[key];
        }
        paint();
      }
    });
  },
};
