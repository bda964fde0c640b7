// A station's last broadcasts as its receipts reported them (the as-run log of the last days,
// newest first), reloaded when a receipt of the station arrives.
import * as api from '../api.js';
import { h, v, table, dateTime, time, badge, alertBox, localDate } from '../dom.js';
import { t } from '../i18n.js';
import { stacked } from './station-style.js';

export const strings = {
  vi: {
    'stations.receipts': 'Các buổi phát gần đây',
    'stations.receipts.hint': 'Theo báo cáo của trạm trong {days} ngày qua, mới nhất trước.',
    'stations.receipts.none': 'Chưa có buổi phát nào trong {days} ngày qua.',
    'stations.receipts.planned': 'Giờ theo lịch',
    'stations.receipts.bulletin': 'Bản tin',
    'stations.receipts.zones': 'Vùng loa',
    'stations.receipts.state': 'Kết quả',
    'stations.receipts.actual': 'Phát thực tế',
    'stations.receipts.reason': 'Lý do',
    'stations.receipts.all': 'Xem nhật ký phát của trạm',
    'stations.receipt.planned': 'Chưa đến giờ',
    'stations.receipt.playing': 'Đang phát',
    'stations.receipt.finished': 'Đã phát xong',
    'stations.receipt.partly-played': 'Phát chưa hết',
    'stations.receipt.missed': 'Bị lỡ',
    'stations.receipt.failed': 'Lỗi khi phát',
    'stations.receipt.unconfirmed': 'Chưa xác nhận',
    'stations.receipt.skipped-quiet-hours': 'Bỏ qua (giờ yên tĩnh)',
  },
  en: {
    'stations.receipts': 'Recent broadcasts',
    'stations.receipts.hint': 'As the station reported them over the last {days} days, newest first.',
    'stations.receipts.none': 'No broadcast in the last {days} days.',
    'stations.receipts.planned': 'Scheduled for',
    'stations.receipts.bulletin': 'Bulletin',
    'stations.receipts.zones': 'Zones',
    'stations.receipts.state': 'Outcome',
    'stations.receipts.actual': 'Actually played',
    'stations.receipts.reason': 'Reason',
    'stations.receipts.all': 'The station\'s as-run log',
    'stations.receipt.planned': 'Not yet due',
    'stations.receipt.playing': 'Playing',
    'stations.receipt.finished': 'Finished',
    'stations.receipt.partly-played': 'Partly played',
    'stations.receipt.missed': 'Missed',
    'stations.receipt.failed': 'Failed',
    'stations.receipt.unconfirmed': 'Unconfirmed',
    'stations.receipt.skipped-quiet-hours': 'Skipped (quiet hours)',
  },
};

const DAYS = 7;
const LIMIT = 30;
const KINDS = { playing: 'playing', finished: 'online', 'partly-played': 'faulty', missed: 'bad', failed: 'bad',
  unconfirmed: 'bad' };

function stateBadge(state) {
  const key = `stations.receipt.${state}`;
  return badge(KINDS[state] || 'neutral', key in strings.en ? t(key) : state);
}

function rows(broadcasts) {
  const now = Date.now();
  return broadcasts
    .filter((b) => b.state !== 'planned' || Date.parse(b.plannedStart) <= now)
    .sort((a, b) => b.plannedStart.localeCompare(a.plannedStart))
    .slice(0, LIMIT);
}

/** The section and its load(): {element, load}. */
export function receiptsSection(user, station) {
  const box = h('div', { 'aria-live': 'polite' });
  const element = h('section', { 'aria-labelledby': 'st-receipts' },
    h('h2', { id: 'st-receipts' }, t('stations.receipts')),
    h('p', {}, h('small', {}, t('stations.receipts.hint', { days: DAYS }))), box,
    h('p', {}, h('a', { href: `#/broadcasts?station=${encodeURIComponent(station)}` }, t('stations.receipts.all'))));
  let titles = null;

  async function bulletinTitles() {
    if (titles === null) {
      titles = new Map();
      if (user.can('read-bulletins')) {
        try {
          (await api.get('/bulletins')).bulletins.forEach((b) => titles.set(b.id, b.title));
        } catch (ignored) {
          // titles are a nicety: the ids stand in for them
        }
      }
    }
    return titles;
  }

  let loading = 0;

  async function load() {
    const mine = ++loading;
    const from = localDate(new Date(Date.now() - DAYS * 86400000));
    try {
      const answer = await api.get('/broadcasts' + api.query({ station, from, to: new Date().toISOString() }));
      const shown = rows(answer.broadcasts);
      const names = shown.length > 0 ? await bulletinTitles() : new Map();
      if (mine !== loading) {
        return;
      }
      box.replaceChildren(stacked(table([
        { label: t('stations.receipts.planned'), cell: (b) => dateTime(b.plannedStart) },
        { label: t('stations.receipts.bulletin'), cell: (b) => v(names.get(b.bulletinId) || b.bulletinId) },
        { label: t('stations.receipts.zones'), cell: (b) => v((b.zones || []).join(', ')) },
        { label: t('stations.receipts.state'), cell: (b) => stateBadge(b.state) },
        { label: t('stations.receipts.actual'), cell: (b) => (b.actualStart
          ? `${time(b.actualStart)}${b.actualEnd ? ` – ${time(b.actualEnd)}` : ''}` : '') },
        { label: t('stations.receipts.reason'), cell: (b) => v(b.reason || '') },
      ], shown, t('stations.receipts.none', { days: DAYS }), { class: 'striped receipts' },
      (b) => ({ dataset: { broadcast: b.broadcastId, state: b.state } }))));
    } catch (error) {
      if (mine === loading) {
        box.replaceChildren(alertBox(error));
      }
    }
  }

  return { element, load };
}
