// Stations: the table of the stations the user may see, filtered by area (the API's subtree
// filter) and by state (online, offline, faulty, playing: from the live state, so a row leaves or
// joins the filtered table as its station changes); #/stations/{id} is one station (station.js).
import * as api from '../api.js';
import * as live from '../live.js';
import { h, v, heading, table, field, dateTime, alertBox } from '../dom.js';
import { t } from '../i18n.js';
import { Board, stateBadges, onReconnect, strings as statusStrings } from './station-status.js';
import { areaTree, visibleAreas, areaOptions } from './area-tree.js';
import { renderStation, strings as stationStrings } from './station.js';
import { stylesheet, stacked } from './station-style.js';

export const strings = {
  vi: {
    ...statusStrings.vi,
    ...stationStrings.vi,
    'stations.filter.status': 'Trạng thái',
    'stations.filter.any': 'Mọi trạng thái',
    'stations.col.name': 'Tên trạm',
    'stations.col.id': 'Mã trạm',
    'stations.col.area': 'Xã / phường',
    'stations.col.playing': 'Đang phát',
    'stations.col.lastSeen': 'Liên lạc gần nhất',
    'stations.none': 'Không có trạm nào khớp bộ lọc.',
    'stations.never': 'Chưa từng',
    'stations.shown': 'Đang hiện {shown} trên {total} trạm.',
  },
  en: {
    ...statusStrings.en,
    ...stationStrings.en,
    'stations.filter.status': 'Status',
    'stations.filter.any': 'Any status',
    'stations.col.name': 'Station',
    'stations.col.id': 'Id',
    'stations.col.area': 'Commune',
    'stations.col.playing': 'Playing',
    'stations.col.lastSeen': 'Last seen',
    'stations.none': 'No station matches the filters.',
    'stations.never': 'Never',
    'stations.shown': 'Showing {shown} of {total} stations.',
  },
};

const STATES = ['online', 'offline', 'faulty', 'playing'];

function matches(board, station, status) {
  switch (status) {
    case 'online':
      return station.status === 'online';
    case 'offline':
      return station.status !== 'online';
    case 'faulty':
      return board.isFaulty(station);
    case 'playing':
      return station.status === 'online' && Boolean(station.playing);
    default:
      return true;
  }
}

function stationTable(board, areaNames, status) {
  const rows = board.list().filter((s) => matches(board, s, status));
  const columns = [
    { label: t('stations.col.name'), cell: (s) => h('a', { href: `#/stations/${encodeURIComponent(s.id)}` },
      v(s.name)) },
    { label: t('stations.col.id'), cell: (s) => v(s.id, 'code') },
    { label: t('stations.col.area'), cell: (s) => v(areaNames.get(s.areaId) || s.areaId) },
    { label: t('common.status'), cell: (s) => stateBadges(board, s) },
    { label: t('stations.col.playing'), cell: (s) => (s.playing ? v(s.playing.title || s.playing.bulletinId) : '') },
    { label: t('stations.col.lastSeen'), cell: (s) => (s.lastSeen ? dateTime(s.lastSeen) : t('stations.never')) },
  ];
  return [h('p', { class: 'table-count' }, t('stations.shown', { shown: rows.length, total: board.stations.size })),
    stacked(table(columns, rows, t('stations.none'), { class: 'striped stations' },
      (s) => ({ dataset: { station: s.id, kind: board.kind(s) } })))];
}

async function renderList(view, ctx) {
  const filters = { area: ctx.query.get('area') || '', status: ctx.query.get('status') || '' };
  let areas;
  try {
    areas = (await api.get('/areas')).areas;
  } catch (error) {
    view.append(heading(t('nav.stations')), alertBox(error));
    return null;
  }
  const reachable = visibleAreas(ctx.user, areaTree(areas));
  if (!reachable.some((a) => String(a.id) === filters.area)) {
    filters.area = '';
  }
  const areaNames = new Map(areas.map((a) => [a.id, a.name]));
  const area = h('select', { name: 'area' }, h('option', { value: '' }, t('stations.allAreas')),
    areaOptions(reachable, filters.area));
  const status = h('select', { name: 'status' }, h('option', { value: '' }, t('stations.filter.any')),
    STATES.map((s) => h('option', { value: s, selected: s === filters.status }, t(`stations.state.${s}`))));
  const result = h('div', { 'aria-live': 'polite' });
  view.append(heading(t('nav.stations')),
    h('form', { class: 'toolbar', role: 'search', onsubmit: (e) => e.preventDefault() },
      field(t('common.area'), area), field(t('stations.filter.status'), status)),
    result);

  let board = null;
  let loading = 0;
  const paint = () => board && result.replaceChildren(...stationTable(board, areaNames, filters.status));
  const readAlerts = ctx.user.can('read-alerts');
  const load = async (withAlerts) => {
    const mine = ++loading;
    try {
      const [answer, open] = await Promise.all([api.get('/stations' + api.query({ area: filters.area })),
        withAlerts && readAlerts ? api.get('/alerts?state=open&limit=1000') : Promise.resolve(null)]);
      if (mine !== loading) {
        return;
      }
      board = new Board(answer.stations, open ? open.alerts : [...(board ? board.alerts.values() : [])], null);
      board.changed = paint;
      paint();
    } catch (error) {
      result.replaceChildren(alertBox(error));
    }
  };
  const remember = () => history.replaceState(null, '', '#/stations' + api.query(filters));
  area.addEventListener('change', () => {
    filters.area = area.value;
    remember();
    load(false);
  });
  status.addEventListener('change', () => {
    filters.status = status.value;
    remember();
    paint();
  });
  await load(true);
  const stops = [live.on('station', (event) => board && board.onStation(event)),
    live.on('alert', (event) => board && board.onAlert(event)),
    onReconnect(() => load(true))];
  return () => stops.forEach((stop) => stop());
}

export default {
  route: 'stations',
  nav: 'nav.stations',
  allowed: (user) => user.can('read-stations'),
  async render(view, ctx) {
    stylesheet();
    return ctx.params.length > 0 ? renderStation(view, ctx, ctx.params[0]) : renderList(view, ctx);
  },
};
