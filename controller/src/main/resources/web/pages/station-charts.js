// Charts of a station's history (GET /api/v1/stations/{id}/history): one line chart per quantity
// (agent uptime, heartbeats per bucket, temperature, output level) over the last 24 hours or 7
// days, the time axis in local time (Asia/Ho_Chi_Minh). A bucket without heartbeats breaks the line.
// While the page is open the charts follow: new data every minute, and soon after the station's
// live events, drawn into the same charts (nothing flickers, and the section is no live region).
import * as api from '../api.js';
import { h, alertBox, ZONE, number } from '../dom.js';
import { t, locale } from '../i18n.js';

export const strings = {
  vi: {
    'stations.charts': 'Diễn biến hoạt động',
    'stations.charts.period': 'Khoảng thời gian',
    'stations.charts.day': '24 giờ qua',
    'stations.charts.week': '7 ngày qua',
    'stations.charts.time': 'Giờ Việt Nam',
    'stations.charts.bucket': 'Mỗi điểm là {minutes} phút.',
    'stations.charts.empty': 'Chưa có số liệu trong khoảng này.',
    'stations.charts.nothing': 'Trạm không gửi báo cáo nào trong khoảng thời gian này.',
    'stations.charts.summary': '{name}: {count} điểm, thấp nhất {min}, cao nhất {max}.',
    'stations.chart.uptime': 'Thời gian phần mềm trạm chạy liên tục',
    'stations.chart.uptime.minutes': 'Phút',
    'stations.chart.uptime.hours': 'Giờ',
    'stations.chart.uptime.days': 'Ngày',
    'stations.chart.heartbeats': 'Số lần trạm báo trạng thái',
    'stations.chart.heartbeats.axis': 'Lần mỗi {minutes} phút',
    'stations.chart.temperature': 'Nhiệt độ máy tính của trạm',
    'stations.chart.temperature.axis': '°C',
    'stations.chart.level': 'Mức âm lượng ra loa khi phát',
    'stations.chart.level.axis': 'dBFS',
  },
  en: {
    'stations.charts': 'History',
    'stations.charts.period': 'Period',
    'stations.charts.day': 'Last 24 hours',
    'stations.charts.week': 'Last 7 days',
    'stations.charts.time': 'Vietnam time',
    'stations.charts.bucket': 'Each point is {minutes} minutes.',
    'stations.charts.empty': 'No data over this period.',
    'stations.charts.nothing': 'The station sent no reports over this period.',
    'stations.charts.summary': '{name}: {count} points, lowest {min}, highest {max}.',
    'stations.chart.uptime': 'Station software uptime',
    'stations.chart.uptime.minutes': 'Minutes',
    'stations.chart.uptime.hours': 'Hours',
    'stations.chart.uptime.days': 'Days',
    'stations.chart.heartbeats': 'Heartbeats received',
    'stations.chart.heartbeats.axis': 'Per {minutes} minutes',
    'stations.chart.temperature': 'Station computer temperature',
    'stations.chart.temperature.axis': '°C',
    'stations.chart.level': 'Output level while playing',
    'stations.chart.level.axis': 'dBFS',
  },
};

const PERIODS = { day: 24 * 3600 * 1000, week: 7 * 24 * 3600 * 1000 };
const QUANTITIES = [
  { key: 'uptime', color: '#0b57d0', value: (p, unit) => (p.agentUptimeSeconds == null ? null
    : p.agentUptimeSeconds / unit.seconds), digits: 1 },
  { key: 'heartbeats', color: '#116b2b', value: (p) => p.heartbeats, digits: 0 },
  { key: 'temperature', color: '#a64b00', value: (p) => p.temperatureCelsius, digits: 1 },
  { key: 'level', color: '#7b1fa2', value: (p) => p.levelDbfs, digits: 1 },
];

const HOUR = 3600 * 1000;
/** Vietnam has kept UTC+7 all year since 1975: round local hours are round UTC hours shifted by 7. */
const OFFSET = 7 * HOUR;

function formatter(options) {
  const format = new Intl.DateTimeFormat(locale(), { timeZone: ZONE, hourCycle: 'h23', ...options });
  return (ms) => format.format(new Date(ms));
}

/** Ticks on round local times: every 3 hours over a day, every local midnight over a week. */
function roundTicks(period) {
  const step = period === 'day' ? 3 * HOUR : 24 * HOUR;
  return (axis) => {
    const ticks = [];
    for (let at = Math.ceil((axis.min + OFFSET) / step) * step - OFFSET; at <= axis.max; at += step) {
      ticks.push({ value: at });
    }
    axis.ticks = ticks;
  };
}

/** Uptime in minutes, hours or days, whichever reads best for the longest uptime of the period. */
function uptimeUnit(history) {
  const longest = Math.max(0, ...history.points.map((p) => p.agentUptimeSeconds || 0));
  if (longest < 2 * 3600) {
    return { seconds: 60, axis: 'stations.chart.uptime.minutes' };
  }
  return longest < 3 * 86400 ? { seconds: 3600, axis: 'stations.chart.uptime.hours' }
    : { seconds: 86400, axis: 'stations.chart.uptime.days' };
}

/** The points of one quantity, with a gap (null) where buckets without heartbeats lie. */
function series(history, quantity, unit) {
  const size = history.bucketSeconds * 1000;
  const data = [];
  let previous = null;
  for (const point of history.points) {
    const x = Date.parse(point.at);
    if (previous !== null && x - previous > size) {
      data.push({ x: previous + size, y: null });
    }
    data.push({ x, y: quantity.value(point, unit) });
    previous = x;
  }
  return data;
}

function summary(quantity, data) {
  const values = data.map((p) => p.y).filter((y) => y !== null && y !== undefined);
  if (values.length === 0) {
    return t('stations.charts.empty');
  }
  return t('stations.charts.summary', { name: t(`stations.chart.${quantity.key}`), count: values.length,
    min: number(Math.min(...values), quantity.digits), max: number(Math.max(...values), quantity.digits) });
}

function chart(canvas, quantity, data, history, period, unit) {
  const tick = formatter(period === 'day' ? { hour: '2-digit', minute: '2-digit' } : { day: '2-digit', month: '2-digit' });
  const format = formatter({ day: '2-digit', month: '2-digit', hour: '2-digit', minute: '2-digit' });
  const minutes = Math.round(history.bucketSeconds / 60);
  const few = data.filter((p) => p.y !== null).length < 30;
  return new Chart(canvas, {
    type: 'line',
    data: { datasets: [{ label: t(`stations.chart.${quantity.key}`), data, borderColor: quantity.color,
      backgroundColor: quantity.color, borderWidth: 2, pointRadius: few ? 3 : 0, spanGaps: false, tension: 0 }] },
    options: {
      animation: false,
      responsive: true,
      maintainAspectRatio: false,
      locale: locale(),
      interaction: { mode: 'nearest', axis: 'x', intersect: false },
      plugins: {
        legend: { display: false },
        tooltip: { callbacks: { title: (items) => (items.length ? format(items[0].parsed.x) : '') } },
      },
      scales: {
        x: { type: 'linear', min: Date.parse(history.from), max: Date.parse(history.to),
          afterBuildTicks: roundTicks(period),
          ticks: { callback: (value) => tick(value), maxRotation: 0, autoSkipPadding: 12 },
          title: { display: true, text: t('stations.charts.time') } },
        y: { beginAtZero: quantity.key === 'heartbeats',
          title: { display: true, text: t(quantity.key === 'uptime' ? unit.axis : `stations.chart.${quantity.key}.axis`,
            { minutes }) } },
      },
    },
  });
}

/** How often the charts follow on their own, and how soon at most after a live event. */
const FOLLOW_MILLIS = 60 * 1000;
const SOON_MILLIS = 5 * 1000;

/** The charts section: {element, load(), follow(), close()}. */
export function stationCharts(station) {
  let period = 'day';
  let charts = [];
  let drawnUnit = null;
  let drawnPeriod = null;
  let closed = false;
  let loading = 0;
  let pending = false; // a full load is under way
  let lastFollow = 0;
  let soon = null;
  // not a live region: the charts take new data every minute, which no one should hear each time
  const body = h('div', { class: 'charts' });
  const buttons = Object.keys(PERIODS).map((key) => h('button', { type: 'button', class: 'outline',
    'aria-pressed': String(key === period), dataset: { period: key },
    onclick: () => {
      period = key;
      buttons.forEach((b) => b.setAttribute('aria-pressed', String(b.dataset.period === period)));
      load();
    } }, t(`stations.charts.${key}`)));
  const element = h('section', { 'aria-labelledby': 'st-charts' },
    h('h2', { id: 'st-charts' }, t('stations.charts')),
    h('div', { role: 'group', class: 'period-switch', 'aria-label': t('stations.charts.period') }, buttons),
    body);

  function destroy() {
    charts.forEach((c) => c.destroy());
    charts = [];
    drawnUnit = null;
    drawnPeriod = null;
  }

  /** New data into the charts drawn, when they can take it (same unit); false when they must be drawn anew. */
  function redraw(history) {
    const unit = uptimeUnit(history);
    if (charts.length !== QUANTITIES.length || history.points.length === 0 || unit.axis !== drawnUnit) {
      return false;
    }
    QUANTITIES.forEach((quantity, i) => {
      const drawn = charts[i];
      const data = series(history, quantity, unit);
      const label = summary(quantity, data);
      drawn.data.datasets[0].data = data;
      drawn.data.datasets[0].pointRadius = data.filter((p) => p.y !== null).length < 30 ? 3 : 0;
      drawn.options.scales.x.min = Date.parse(history.from);
      drawn.options.scales.x.max = Date.parse(history.to);
      drawn.canvas.setAttribute('aria-label', label);
      drawn.canvas.textContent = label;
      drawn.canvas.closest('figure').querySelector('figcaption small')?.remove();
      drawn.update('none');
    });
    return true;
  }

  /**
   * Loads the period's history; `inPlace`: into the charts drawn, if they show this period and can
   * take it. A full load (the page opening, the period switched) is never overtaken by an in-place
   * one: those wait for it, and one begun before it is dropped.
   */
  async function load(inPlace = false) {
    if (inPlace && pending) {
      return;
    }
    const mine = inPlace ? loading : ++loading;
    const asked = period;
    pending = pending || !inPlace;
    const to = new Date();
    const from = new Date(to.getTime() - PERIODS[asked]);
    let history;
    try {
      history = await api.get(`/stations/${encodeURIComponent(station)}/history`
        + api.query({ from: from.toISOString(), to: to.toISOString() }));
    } catch (error) {
      if (!inPlace && mine === loading) {
        pending = false;
        if (!closed) {
          destroy();
          body.replaceChildren(alertBox(error));
        }
      }
      return;
    }
    if (!inPlace && mine === loading) {
      pending = false;
    }
    if (closed || mine !== loading || asked !== period || (inPlace && asked === drawnPeriod && redraw(history))) {
      return;
    }
    destroy();
    const minutes = Math.round(history.bucketSeconds / 60);
    body.replaceChildren(h('p', {}, h('small', {}, t('stations.charts.bucket', { minutes }))));
    if (history.points.length === 0) {
      body.append(h('p', { class: 'charts-empty' }, t('stations.charts.nothing')));
      return;
    }
    const unit = uptimeUnit(history);
    for (const quantity of QUANTITIES) {
      const data = series(history, quantity, unit);
      const label = summary(quantity, data);
      const canvas = h('canvas', { role: 'img', 'aria-label': label, dataset: { quantity: quantity.key } }, label);
      const empty = !data.some((p) => p.y !== null && p.y !== undefined);
      body.append(h('figure', { class: 'chart-figure' },
        h('figcaption', {}, h('h3', {}, t(`stations.chart.${quantity.key}`)),
          empty ? h('small', {}, t('stations.charts.empty')) : null),
        h('div', { class: 'chart' }, canvas)));
      charts.push(chart(canvas, quantity, data, history, asked, unit));
    }
    drawnUnit = unit.axis;
    drawnPeriod = asked;
  }

  /** Something happened at the station: new data soon (at most one load per few seconds). */
  function follow() {
    if (closed || soon) {
      return;
    }
    const wait = Math.max(0, lastFollow + SOON_MILLIS - Date.now());
    soon = setTimeout(() => {
      soon = null;
      lastFollow = Date.now();
      load(true);
    }, wait);
  }

  const ticker = setInterval(() => load(true), FOLLOW_MILLIS);

  /** The page is left: the charts go, and a load still under way draws none. */
  function close() {
    closed = true;
    clearInterval(ticker);
    clearTimeout(soon);
    destroy();
  }

  return { element, load: () => load(false), follow, close };
}
