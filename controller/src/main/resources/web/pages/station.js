// One station (#/stations/{id}): its state, zones with their relays, what it plays, its open
// alerts, the last receipts and charts of its history. Live events refresh it without a reload.
// A station the user may not see (another commune's) gets a plain refusal, not a broken page.
import * as api from '../api.js';
import * as live from '../live.js';
import { h, v, heading, table, dateTime, duration, number, badge, alertBox } from '../dom.js';
import { t } from '../i18n.js';
import { Board, stateBadges, ruleName, fromApi, onReconnect } from './station-status.js';
import { stacked } from './station-style.js';
import { stationCharts, strings as chartStrings } from './station-charts.js';
import { receiptsSection, strings as receiptStrings } from './station-receipts.js';

export const strings = {
  vi: {
    ...chartStrings.vi,
    ...receiptStrings.vi,
    'stations.back': '← Danh sách trạm',
    'stations.notAllowed': 'Trạm này không thuộc địa bàn của bạn, nên bạn không xem được.',
    'stations.notFound': 'Không có trạm này (có thể đã bị gỡ khỏi hệ thống).',
    'stations.unavailable': 'Không mở được trạm',
    'stations.details': 'Thông tin trạm',
    'stations.id': 'Mã trạm',
    'stations.commune': 'Xã / phường',
    'stations.since': 'Trạng thái từ',
    'stations.lastSeen': 'Liên lạc gần nhất',
    'stations.agentVersion': 'Phiên bản phần mềm trạm',
    'stations.uptime': 'Phần mềm chạy liên tục',
    'stations.temperature': 'Nhiệt độ máy',
    'stations.relayFault': 'Lỗi bộ chuyển mạch',
    'stations.zones': 'Vùng loa',
    'stations.zone.channel': 'Kênh',
    'stations.zone.name': 'Tên vùng loa',
    'stations.zone.relay': 'Rơ-le',
    'stations.relay.on': 'Đang bật',
    'stations.relay.off': 'Tắt',
    'stations.relay.unknown': 'Chưa rõ',
    'stations.noZones': 'Trạm chưa khai báo vùng loa nào.',
    'stations.nowPlaying': 'Đang phát',
    'stations.nothingPlaying': 'Trạm không phát gì lúc này.',
    'stations.playing.title': 'Bản tin',
    'stations.playing.since': 'Bắt đầu lúc',
    'stations.playing.level': 'Mức âm lượng ra',
    'stations.playing.offline': 'Trạm đang mất kết nối: chưa biết trạm đang phát gì.',
    'stations.alerts': 'Cảnh báo đang mở của trạm',
    'stations.noAlerts': 'Trạm không có cảnh báo nào đang mở.',
    'stations.alert.opened': 'Mở lúc',
    'stations.alert.rule': 'Sự cố',
    'stations.alert.detail': 'Chi tiết',
  },
  en: {
    ...chartStrings.en,
    ...receiptStrings.en,
    'stations.back': '← All stations',
    'stations.notAllowed': 'This station is outside your areas: you cannot view it.',
    'stations.notFound': 'There is no such station (it may have been retired).',
    'stations.unavailable': 'Cannot open the station',
    'stations.details': 'Station details',
    'stations.id': 'Station id',
    'stations.commune': 'Commune',
    'stations.since': 'In this state since',
    'stations.lastSeen': 'Last seen',
    'stations.agentVersion': 'Station software version',
    'stations.uptime': 'Software running for',
    'stations.temperature': 'Computer temperature',
    'stations.relayFault': 'Relay fault',
    'stations.zones': 'Zones',
    'stations.zone.channel': 'Channel',
    'stations.zone.name': 'Zone',
    'stations.zone.relay': 'Relay',
    'stations.relay.on': 'On',
    'stations.relay.off': 'Off',
    'stations.relay.unknown': 'Unknown',
    'stations.noZones': 'The station has no zones.',
    'stations.nowPlaying': 'Playing now',
    'stations.nothingPlaying': 'The station is not playing anything.',
    'stations.playing.title': 'Bulletin',
    'stations.playing.since': 'Started',
    'stations.playing.level': 'Output level',
    'stations.playing.offline': 'The station is offline: what it plays is not known.',
    'stations.alerts': 'Open alerts of this station',
    'stations.noAlerts': 'The station has no open alerts.',
    'stations.alert.opened': 'Opened',
    'stations.alert.rule': 'Problem',
    'stations.alert.detail': 'Detail',
  },
};

const back = () => h('p', {}, h('a', { href: '#/stations' }, t('stations.back')));

function refusal(view, error) {
  const known = { 403: 'stations.notAllowed', 404: 'stations.notFound' };
  view.append(back(), heading(t('stations.unavailable')),
    known[error.status] ? h('p', { class: 'problem', role: 'alert' }, t(known[error.status])) : alertBox(error));
}

function details(station, areaName) {
  const health = station.health || {};
  const rows = [
    ['stations.id', v(station.id, 'code')],
    ['stations.commune', v(areaName || station.areaId)],
    ['stations.since', dateTime(station.statusSince) || '–'],
    ['stations.lastSeen', station.lastSeen ? dateTime(station.lastSeen) : t('stations.never')],
    ['stations.agentVersion', v(station.agentVersion || '–')],
    ['stations.uptime', station.status === 'online' && station.uptimeSeconds != null
      ? duration(station.uptimeSeconds) : '–'],
    ['stations.temperature', health.temperatureCelsius != null ? `${number(health.temperatureCelsius, 1)} °C` : '–'],
  ];
  if (station.status === 'online' && health.relayFault) {
    rows.push(['stations.relayFault', v(health.relayFault)]);
  }
  return h('dl', { class: 'station-facts' }, rows.map(([key, value]) => [h('dt', {}, t(key)), h('dd', {}, value)]));
}

function zones(station) {
  const relays = new Map(((station.status === 'online' && station.health && station.health.relays) || [])
    .map((r) => [r.channel, r.on]));
  const relay = (zone) => {
    if (!relays.has(zone.channel)) {
      return badge('neutral', t('stations.relay.unknown'));
    }
    return relays.get(zone.channel) ? badge('playing', t('stations.relay.on')) : badge('neutral', t('stations.relay.off'));
  };
  return table([
    { label: t('stations.zone.channel'), cell: (z) => String(z.channel) },
    { label: t('stations.zone.name'), cell: (z) => v(z.name) },
    { label: t('stations.zone.relay'), cell: relay },
  ], station.zones || [], t('stations.noZones'), { class: 'striped zones' },
  (z) => ({ dataset: { channel: String(z.channel) } }));
}

function playing(station) {
  if (station.status !== 'online') {
    return h('p', {}, t('stations.playing.offline'));
  }
  const now = station.health && station.health.playing;
  if (!now) {
    return h('p', { class: 'nothing-playing' }, t('stations.nothingPlaying'));
  }
  return h('dl', { class: 'station-facts now-playing' },
    h('dt', {}, t('stations.playing.title')), h('dd', {}, badge('playing', t('stations.state.playing')), ' ',
      v(now.title || now.bulletinId, 'strong')),
    h('dt', {}, t('stations.playing.since')), h('dd', {}, dateTime(now.startedAt)),
    now.levelDbfs != null ? [h('dt', {}, t('stations.playing.level')),
      h('dd', {}, `${number(now.levelDbfs, 1)} dBFS`)] : null);
}

function alertList(board, id) {
  const open = board.openAlerts().filter((a) => a.station === id);
  return stacked(table([
    { label: t('stations.alert.opened'), cell: (a) => dateTime(a.openedAt) },
    { label: t('stations.alert.rule'), cell: (a) => ruleName(a.rule) },
    { label: t('stations.alert.detail'), cell: (a) => v(a.detail || '') },
  ], open, t('stations.noAlerts'), { class: 'striped' }));
}

function section(id, title, ...content) {
  return h('section', { 'aria-labelledby': id }, h('h2', { id }, title), ...content);
}

export async function renderStation(view, ctx, id) {
  const path = `/stations/${encodeURIComponent(id)}`;
  let station;
  try {
    station = await api.get(path);
  } catch (error) {
    refusal(view, error);
    return null;
  }
  const readAlerts = ctx.user.can('read-alerts');
  let areaName = null;
  let alerts = [];
  let problem = null;
  try {
    const [areas, open] = await Promise.all([api.get('/areas'),
      readAlerts ? api.get(`/alerts?state=open&station=${encodeURIComponent(id)}`) : Promise.resolve({ alerts: [] })]);
    areaName = areas.areas.find((a) => a.id === station.areaId)?.name;
    alerts = open.alerts;
  } catch (error) {
    problem = alertBox(error);
  }
  const board = new Board([station], alerts, null);
  const title = heading(v(station.name));
  const badges = h('p', { class: 'station-state', 'aria-live': 'polite' });
  const facts = h('div', {});
  const zoneBox = h('div', {});
  const playBox = h('div', { 'aria-live': 'polite' });
  const alertsBox = h('div', {});
  const paint = () => {
    badges.replaceChildren(stateBadges(board, board.stations.get(station.id)));
    facts.replaceChildren(details(station, areaName));
    zoneBox.replaceChildren(zones(station));
    playBox.replaceChildren(playing(station));
    alertsBox.replaceChildren(alertList(board, station.id));
  };
  board.changed = paint;
  const receipts = ctx.user.can('read-broadcasts') ? receiptsSection(ctx.user, id) : null;
  const charts = stationCharts(id);
  view.append(...[back(), title, badges, problem,
    h('div', { class: 'station-grid' },
      section('st-details', t('stations.details'), facts),
      section('st-playing', t('stations.nowPlaying'), playBox)),
    section('st-zones', t('stations.zones'), zoneBox),
    readAlerts ? section('st-alerts', t('stations.alerts'), alertsBox) : null,
    receipts ? receipts.element : null,
    charts.element].filter(Boolean));
  paint();

  let refreshing = false;
  let again = false;
  const refresh = async () => {
    if (refreshing) {
      again = true;
      return;
    }
    refreshing = true;
    try {
      do {
        again = false;
        station = await api.get(path);
        board.stations.set(station.id, fromApi(station));
        paint();
      } while (again);
    } catch (error) {
      badges.replaceChildren(alertBox(error));
    } finally {
      refreshing = false;
    }
  };
  const stops = [
    live.on('station', (event) => {
      if (event.station === id) {
        board.onStation(event);
        refresh();
        charts.follow();
      }
    }),
    live.on('alert', (event) => {
      if (event.station === id) {
        board.onAlert(event);
      }
    }),
    live.on('receipt', (event) => {
      if (event.station === id) {
        charts.follow();
        if (receipts) {
          receipts.load();
        }
      }
    }),
    onReconnect(() => {
      refresh();
      if (receipts) {
        receipts.load();
      }
    }),
  ];
  await Promise.all([receipts ? receipts.load() : null, charts.load()]);
  return () => {
    stops.forEach((stop) => stop());
    charts.close();
  };
}
