// What the overview and the stations pages share: a station's state as the console tracks it
// (from GET /api/v1/stations, then live `station` and `alert` events), its status in words and
// colour, and the area tree as a select.
import { h, v, badge } from '../dom.js';
import { t } from '../i18n.js';
import * as live from '../live.js';

export const strings = {
  vi: {
    'stations.state.offline': 'Mất kết nối',
    'stations.state.faulty': 'Có lỗi',
    'stations.state.playing': 'Đang phát',
    'stations.state.online': 'Hoạt động',
    'stations.allAreas': 'Tất cả địa bàn',
    'stations.rule.offline': 'Mất kết nối',
    'stations.rule.relay-fault': 'Lỗi bộ chuyển mạch loa',
    'stations.rule.audio-fault': 'Lỗi âm thanh',
    'stations.rule.dead-air': 'Phát mà không có tiếng',
    'stations.rule.clock-skew': 'Lệch đồng hồ',
    'stations.rule.disk-low': 'Sắp đầy ổ đĩa',
    'stations.rule.temperature-high': 'Nhiệt độ cao',
    'stations.rule.broadcast-missed': 'Bỏ lỡ buổi phát',
    'stations.rule.plan-unacknowledged': 'Trạm chưa nhận lịch phát',
  },
  en: {
    'stations.state.offline': 'Offline',
    'stations.state.faulty': 'Faulty',
    'stations.state.playing': 'Playing',
    'stations.state.online': 'Online',
    'stations.allAreas': 'All areas',
    'stations.rule.offline': 'Offline',
    'stations.rule.relay-fault': 'Relay fault',
    'stations.rule.audio-fault': 'Audio fault',
    'stations.rule.dead-air': 'Dead air',
    'stations.rule.clock-skew': 'Clock out of step',
    'stations.rule.disk-low': 'Disk nearly full',
    'stations.rule.temperature-high': 'High temperature',
    'stations.rule.broadcast-missed': 'Broadcast missed',
    'stations.rule.plan-unacknowledged': 'Plan not acknowledged',
  },
};

/** A health rule in words (an unknown rule as the controller names it). */
export function ruleName(rule) {
  const key = `stations.rule.${rule}`;
  return key in strings.en ? t(key) : v(rule);
}

/** The live part of a station from the API's representation. */
export function fromApi(station) {
  const online = station.status === 'online';
  const health = station.health || {};
  return {
    id: station.id,
    name: station.name,
    areaId: station.areaId,
    latitude: station.latitude,
    longitude: station.longitude,
    status: station.status,
    statusSince: station.statusSince,
    lastSeen: station.lastSeen,
    playing: online ? health.playing || null : null,
    relayFault: online ? health.relayFault || null : null,
  };
}

/** A station after a live `station` event ({station, status, statusSince, playing, relayFault}). */
export function withEvent(station, event) {
  const online = event.status === 'online';
  return { ...station, status: event.status, statusSince: event.statusSince,
    lastSeen: online ? new Date().toISOString() : station.lastSeen,
    playing: online ? event.playing || null : null, relayFault: online ? event.relayFault || null : null };
}

/**
 * The stations the page knows and the open alerts, kept up to date by live events. `changed()`
 * is called after each change; unknown stations in events are fetched (they may be new).
 */
export class Board {
  constructor(stations, alerts, fetchStation) {
    this.fetchStation = fetchStation;
    this.changed = () => {};
    this.reset(stations, alerts);
  }

  /** Everything anew (after the live stream reconnected, events may have been missed). */
  reset(stations, alerts) {
    this.stations = new Map(stations.map((s) => [s.id, fromApi(s)]));
    this.alerts = new Map((alerts || []).map((a) => [a.id, a]));
  }

  list() {
    return [...this.stations.values()].sort((a, b) => a.name.localeCompare(b.name, 'vi'));
  }

  openAlerts() {
    return [...this.alerts.values()].sort((a, b) => b.openedAt.localeCompare(a.openedAt));
  }

  /** Open alerts of a station other than `offline` (offline is a status of its own). */
  faults(id) {
    return this.openAlerts().filter((a) => a.station === id && a.rule !== 'offline');
  }

  isFaulty(station) {
    return station.status === 'online' && (Boolean(station.relayFault) || this.faults(station.id).length > 0);
  }

  /** online | offline | faulty | playing: the one a map marker shows. */
  kind(station) {
    if (station.status !== 'online') {
      return 'offline';
    }
    if (this.isFaulty(station)) {
      return 'faulty';
    }
    return station.playing ? 'playing' : 'online';
  }

  counts() {
    const all = this.list();
    return {
      online: all.filter((s) => s.status === 'online').length,
      offline: all.filter((s) => s.status !== 'online').length,
      faulty: all.filter((s) => this.isFaulty(s)).length,
      playing: all.filter((s) => s.status === 'online' && s.playing).length,
    };
  }

  onStation(event) {
    const known = this.stations.get(event.station);
    if (known) {
      this.stations.set(event.station, withEvent(known, event));
      this.changed();
    } else if (this.fetchStation) {
      this.fetchStation(event.station).then((station) => {
        this.stations.set(station.id, fromApi(station));
        this.changed();
      }).catch(() => {
        // a station retired or out of reach since the event: nothing to show
      });
    }
  }

  onAlert(alert) {
    if (alert.state === 'open') {
      this.alerts.set(alert.id, alert);
    } else {
      this.alerts.delete(alert.id);
    }
    this.changed();
  }
}

/**
 * Calls reload() each time the live stream opens again after it was down (it sends no missed
 * events: the page reads the current state anew). Returns the function that stops it.
 */
export function onReconnect(reload) {
  let down = false;
  return live.onState((state) => {
    if (state === 'open' && down) {
      reload();
    }
    down = state !== 'open';
  });
}

/** The badges for a station's state: its presence, and faulty / playing when they hold. */
export function stateBadges(board, station) {
  const online = station.status === 'online';
  return h('span', { class: 'badges' },
    badge(online ? 'online' : 'offline', t(online ? 'stations.state.online' : 'stations.state.offline')),
    board.isFaulty(station) ? [' ', badge('faulty', t('stations.state.faulty'))] : null,
    online && station.playing ? [' ', badge('playing', t('stations.state.playing'))] : null);
}
