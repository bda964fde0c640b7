// The week calendar of the schedules page: Monday to Sunday in Asia/Ho_Chi_Minh for one area or
// station, filled from the as-run log (GET /broadcasts for the week). A schedule that
// reaches many stations at the same time shows once, with the number of stations; what the
// stations reported (playing, finished, missed...) shows under it and follows their receipts live.
import * as api from '../api.js';
import * as live from '../live.js';
import { h, v, clear, field, alertBox, localDate, ZONE } from '../dom.js';
import { t } from '../i18n.js';
import { DAYS, addDays, monday, dateWords, dayName, dayOf } from './recurrence.js';
import { areaOptions } from './area-tree.js';

export const strings = {
  vi: {
    'calendar.title': 'Lịch phát trong tuần',
    'calendar.of': 'Xem lịch của',
    'calendar.areas': 'Địa bàn',
    'calendar.stations': 'Trạm',
    'calendar.previous': '‹ Tuần trước',
    'calendar.next': 'Tuần sau ›',
    'calendar.today': 'Tuần này',
    'calendar.week': 'Tuần từ {from} đến {to}',
    'calendar.nothing': 'Không có buổi phát.',
    'calendar.stationsCount': '{count} trạm',
    'calendar.emergency': 'Phát khẩn cấp',
    'calendar.choose': 'Hãy chọn một địa bàn hoặc một trạm.',
    'calendar.today.mark': 'Hôm nay',
    'calendar.state.playing': 'đang phát',
    'calendar.state.finished': 'đã phát xong',
    'calendar.state.partly-played': 'phát dở',
    'calendar.state.missed': 'bị lỡ',
    'calendar.state.failed': 'lỗi',
    'calendar.state.unconfirmed': 'chưa xác nhận',
    'calendar.state.skipped-quiet-hours': 'bỏ qua (giờ yên lặng)',
  },
  en: {
    'calendar.title': 'This week on air',
    'calendar.of': 'Calendar of',
    'calendar.areas': 'Areas',
    'calendar.stations': 'Stations',
    'calendar.previous': '‹ Previous week',
    'calendar.next': 'Next week ›',
    'calendar.today': 'This week',
    'calendar.week': 'Week from {from} to {to}',
    'calendar.nothing': 'Nothing on air.',
    'calendar.stationsCount': '{count} stations',
    'calendar.emergency': 'Emergency broadcast',
    'calendar.choose': 'Choose an area or a station.',
    'calendar.today.mark': 'Today',
    'calendar.state.playing': 'playing',
    'calendar.state.finished': 'finished',
    'calendar.state.partly-played': 'partly played',
    'calendar.state.missed': 'missed',
    'calendar.state.failed': 'failed',
    'calendar.state.unconfirmed': 'unconfirmed',
    'calendar.state.skipped-quiet-hours': 'skipped (quiet hours)',
  },
};

const clock = new Intl.DateTimeFormat('en-GB', { timeZone: ZONE, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });

/** One entry per schedule and start: the broadcasts of the same occurrence at many stations. */
function group(broadcasts) {
  const groups = new Map();
  for (const b of broadcasts) {
    const key = `${b.scheduleId || b.broadcastId}|${b.plannedStart}`;
    if (!groups.has(key)) {
      const at = new Date(b.plannedStart);
      groups.set(key, { ...b, date: localDate(at), time: clock.format(at), stations: [], states: [] });
    }
    groups.get(key).stations.push(b.station);
    groups.get(key).states.push(b.state);
  }
  return [...groups.values()];
}

/** What the stations reported, in words: "đã phát xong 2 · bị lỡ 1"; nothing while all are planned. */
function reported(entry) {
  const counts = new Map();
  entry.states.filter((state) => state !== 'planned').forEach((state) => counts.set(state, (counts.get(state) || 0) + 1));
  if (counts.size === 0) {
    return null;
  }
  const single = entry.stations.length === 1;
  return h('small', { class: 'calendar-state' }, [...counts].map(([state, count]) =>
    (single ? t(`calendar.state.${state}`) : `${t(`calendar.state.${state}`)} ${count}`)).join(' · '));
}

/**
 * The calendar: data = {areas, stations, titles (Map bulletin id → title)}; `initial` the target
 * ('area:3' or 'station:demo-01') and week (a Monday) to open at, `onTarget(target)` told when the
 * user picks another. Returns {element, refresh, target(), close}: close stops following the receipts.
 */
export function weekCalendar(data, initial = {}) {
  const today = localDate();
  let week = initial.week ? monday(initial.week) : monday(today);
  const target = h('select', { name: 'calendar-target' },
    data.areas.length ? h('optgroup', { label: t('calendar.areas') }, areaOptions(data.areas).map((option) => {
      option.value = `area:${option.value}`;
      return option;
    })) : null,
    data.stations.length ? h('optgroup', { label: t('calendar.stations') }, data.stations.map((station) =>
      h('option', { value: `station:${station.id}`, 'data-value': true }, `${station.name} (${station.id})`))) : null);
  if (initial.target && [...target.options].some((option) => option.value === initial.target)) {
    target.value = initial.target;
  }
  const title = h('p', { class: 'calendar-week', 'aria-live': 'polite' });
  const grid = h('div', { class: 'calendar' });
  const move = (days) => {
    week = days === null ? monday(today) : addDays(week, days);
    refresh();
  };
  const toolbar = h('div', { class: 'toolbar calendar-toolbar' },
    field(t('calendar.of'), target),
    h('div', { role: 'group', class: 'calendar-nav' },
      h('button', { type: 'button', class: 'secondary outline', onclick: () => move(-7) }, t('calendar.previous')),
      h('button', { type: 'button', class: 'secondary outline', onclick: () => move(null) }, t('calendar.today')),
      h('button', { type: 'button', class: 'secondary outline', onclick: () => move(7) }, t('calendar.next'))));
  target.addEventListener('change', () => {
    refresh();
    initial.onTarget?.(target.value);
  });

  function day(date, entries) {
    const isToday = date === today;
    return h('section', { class: `calendar-day${isToday ? ' today' : ''}`, 'data-date': date,
      'aria-current': isToday ? 'date' : null, 'aria-label': dateWords(date) },
    h('h3', {}, dayName(dayOf(date)), h('small', {}, dateWords(date, null),
      isToday ? ` · ${t('calendar.today.mark')}` : null)),
    entries.length === 0 ? h('p', { class: 'muted' }, t('calendar.nothing'))
      : h('ol', {}, entries.map((entry) => h('li', { class: `calendar-item class-${entry.bulletinClass}`,
        'data-schedule': entry.scheduleId || '', 'data-time': entry.time },
      h('time', { datetime: entry.plannedStart }, entry.time), ' ',
      entry.scheduleId ? v(data.titles.get(entry.bulletinId) || entry.bulletinId, 'span', { class: 'calendar-title' })
        : h('span', { class: 'calendar-title' }, t('calendar.emergency')),
      h('small', {}, entry.stations.length === 1 ? v(entry.stations[0])
        : t('calendar.stationsCount', { count: entry.stations.length })), reported(entry)))));
  }

  let shown = new Set();
  let asked = 0;
  let timer = null;
  async function refresh() {
    const turn = ++asked;
    const end = addDays(week, 6);
    title.textContent = t('calendar.week', { from: dateWords(week, 'short'), to: dateWords(end, 'short') });
    if (!target.value) {
      clear(grid).append(h('p', {}, t('calendar.choose')));
      return;
    }
    const [kind, id] = target.value.split(/:(.*)/s);
    try {
      const answer = await api.get('/broadcasts' + api.query({ [kind]: id, from: week, to: addDays(week, 7) }));
      if (turn !== asked) {
        return;
      }
      shown = new Set(answer.broadcasts.map((b) => b.broadcastId));
      const entries = group(answer.broadcasts);
      clear(grid).append(...DAYS.map((ignored, i) => {
        const date = addDays(week, i);
        return day(date, entries.filter((entry) => entry.date === date));
      }));
    } catch (error) {
      if (turn === asked) {
        clear(grid).append(alertBox(error));
      }
    }
  }
  const stop = live.on('receipt', (receipt) => {
    if (shown.has(receipt.broadcastId) && timer === null) {
      timer = setTimeout(() => {
        timer = null;
        refresh();
      }, 1000);
    }
  });

  const element = h('section', { class: 'calendar-card', 'aria-labelledby': 'calendar-heading' },
    h('h2', { id: 'calendar-heading' }, t('calendar.title')), toolbar, title, grid);
  const close = () => {
    stop();
    clearTimeout(timer);
  };
  return { element, refresh, target: () => target.value, close };
}
