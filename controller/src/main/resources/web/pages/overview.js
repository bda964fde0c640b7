// Overview: how many stations are online, offline, faulty and playing, a map of them coloured by
// state, and the open alerts; everything follows the live events without a reload.
import * as api from '../api.js';
import * as live from '../live.js';
import { h, v, heading, table, dateTime, alertBox } from '../dom.js';
import { t } from '../i18n.js';
import { Board, ruleName, onReconnect, strings as statusStrings } from './station-status.js';
import { stationMap, strings as mapStrings } from './station-map.js';
import { stylesheet, stacked } from './station-style.js';

export const strings = {
  vi: {
    ...statusStrings.vi,
    ...mapStrings.vi,
    'overview.emergency': 'Phát thông báo khẩn cấp',
    'overview.emergencyHint': 'Dùng khi có thiên tai, sự cố cần báo ngay cho người dân.',
    'overview.counts': 'Số trạm theo trạng thái',
    'overview.count.online': 'Đang hoạt động',
    'overview.count.offline': 'Mất kết nối',
    'overview.count.faulty': 'Có lỗi',
    'overview.count.playing': 'Đang phát',
    'overview.count.of': 'trên tổng số {total} trạm',
    'overview.map': 'Bản đồ trạm',
    'overview.alerts': 'Cảnh báo đang mở',
    'overview.noAlerts': 'Không có cảnh báo nào đang mở.',
    'overview.alert.opened': 'Mở lúc',
    'overview.alert.rule': 'Sự cố',
    'overview.alert.detail': 'Chi tiết',
    'overview.allAlerts': 'Xem tất cả cảnh báo',
    'overview.noStations': 'Chưa có trạm nào để hiện.',
  },
  en: {
    ...statusStrings.en,
    ...mapStrings.en,
    'overview.emergency': 'Send an emergency announcement',
    'overview.emergencyHint': 'For a disaster or an incident people must hear about now.',
    'overview.counts': 'Stations by state',
    'overview.count.online': 'Online',
    'overview.count.offline': 'Offline',
    'overview.count.faulty': 'Faulty',
    'overview.count.playing': 'Playing now',
    'overview.count.of': 'of {total} stations',
    'overview.map': 'Map of stations',
    'overview.alerts': 'Open alerts',
    'overview.noAlerts': 'No open alerts.',
    'overview.alert.opened': 'Opened',
    'overview.alert.rule': 'Problem',
    'overview.alert.detail': 'Detail',
    'overview.allAlerts': 'All alerts',
    'overview.noStations': 'No stations to show yet.',
  },
};

const KINDS = ['online', 'offline', 'faulty', 'playing'];
const href = (id) => `#/stations/${encodeURIComponent(id)}`;

function cards(counts, total) {
  return KINDS.map((kind) => h('a', { class: `card card-${kind}`, href: `#/stations?status=${kind}`,
    dataset: { count: kind } },
  h('strong', {}, String(counts[kind])), h('span', {}, t(`overview.count.${kind}`)),
  h('small', {}, t('overview.count.of', { total }))));
}

function alertTable(board) {
  const columns = [
    { label: t('overview.alert.opened'), cell: (a) => dateTime(a.openedAt) },
    { label: t('common.station'), cell: (a) => h('a', { href: href(a.station) },
      v(board.stations.get(a.station)?.name || a.station)) },
    { label: t('overview.alert.rule'), cell: (a) => ruleName(a.rule) },
    { label: t('overview.alert.detail'), cell: (a) => v(a.detail || '') },
  ];
  return stacked(table(columns, board.openAlerts(), t('overview.noAlerts'), { class: 'striped alerts' },
    (a) => ({ dataset: { alert: String(a.id), station: a.station } })));
}

export default {
  route: 'overview',
  nav: 'nav.overview',
  allowed: (user) => user.can('read-stations'),
  async render(view, ctx) {
    stylesheet();
    const readAlerts = ctx.user.can('read-alerts');
    const read = () => Promise.all([api.get('/stations'),
      readAlerts ? api.get('/alerts?state=open&limit=1000') : Promise.resolve({ alerts: [] })]);
    let stations;
    let alerts;
    try {
      [stations, alerts] = await read();
    } catch (error) {
      view.append(heading(t('nav.overview')), alertBox(error));
      return null;
    }
    const board = new Board(stations.stations, alerts.alerts,
      (id) => api.get(`/stations/${encodeURIComponent(id)}`));

    const counts = h('div', { class: 'cards', role: 'group', 'aria-label': t('overview.counts') });
    const mapSection = h('section', { 'aria-labelledby': 'overview-map' },
      h('h2', { id: 'overview-map' }, t('overview.map')));
    const alertSection = h('section', { 'aria-labelledby': 'overview-alerts' },
      h('h2', { id: 'overview-alerts' }, t('overview.alerts')));
    const alertList = h('div', { 'aria-live': 'polite' });
    alertSection.append(alertList, ctx.user.can('read-alerts') ? h('p', {}, h('a', { href: '#/alerts' },
      t('overview.allAlerts'))) : null);

    view.append(...[heading(t('nav.overview')),
      ctx.user.can('run-emergencies') ? h('p', { class: 'emergency-call' },
        h('a', { href: '#/emergency', role: 'button', class: 'emergency-link' }, t('overview.emergency')),
        h('small', {}, t('overview.emergencyHint'))) : null,
      board.stations.size === 0 ? h('p', {}, t('overview.noStations')) : null,
      counts, mapSection, readAlerts ? alertSection : null].filter(Boolean));

    const map = stationMap(mapSection, ctx.settings || {}, href);
    const paint = () => {
      counts.replaceChildren(...cards(board.counts(), board.stations.size));
      map.update(board);
      alertList.replaceChildren(alertTable(board));
    };
    board.changed = paint;
    paint();
    const stops = [live.on('station', (event) => board.onStation(event)),
      live.on('alert', (event) => board.onAlert(event)),
      onReconnect(() => read().then(([now, open]) => {
        board.reset(now.stations, open.alerts);
        paint();
      }).catch(() => {
        // the stream is back but the controller did not answer: the next reconnection tries again
      }))];
    return () => {
      stops.forEach((stop) => stop());
      map.destroy();
    };
  },
};
