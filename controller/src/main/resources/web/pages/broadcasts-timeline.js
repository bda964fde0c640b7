// A day of broadcasts per station: one horizontal bar across 24 hours (local time), a block per
// broadcast coloured by its state, each block also written out for screen readers.
import { h, v, time } from '../dom.js';
import { t } from '../i18n.js';

const DAY = 24 * 3600 * 1000;

function span(row) {
  const start = Date.parse(row.actualStart || row.plannedStart);
  const end = Date.parse(row.actualEnd || row.plannedEnd || '') || start + 60 * 1000;
  return { start, end: Math.max(end, start + 1) };
}

/**
 * rows: as-run rows; dayStart: the local midnight (ms); names: station id → name;
 * titles: bulletin id → title. Stations without a broadcast that day are left out.
 */
export function timeline(rows, dayStart, names, titles) {
  const dayEnd = dayStart + DAY;
  const byStation = new Map();
  for (const row of rows) {
    const { start, end } = span(row);
    if (end > dayStart && start < dayEnd) {
      if (!byStation.has(row.station)) {
        byStation.set(row.station, []);
      }
      byStation.get(row.station).push({ row, start: Math.max(start, dayStart), end: Math.min(end, dayEnd) });
    }
  }
  if (byStation.size === 0) {
    return h('p', {}, t('broadcasts.timelineEmpty'));
  }
  const hours = h('div', { class: 'tl-hours', 'aria-hidden': 'true' }, [0, 3, 6, 9, 12, 15, 18, 21, 24].map((hour) =>
    h('span', { style: { left: `${(hour / 24) * 100}%` } }, `${String(hour).padStart(2, '0')}h`)));
  const lines = [...byStation.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([station, blocks]) =>
    h('li', { class: 'tl-line', dataset: { station } },
      h('span', { class: 'tl-name' }, v(names.get(station) || station)),
      h('ul', { class: 'tl-bar' }, blocks.map(({ row, start, end }) => h('li', {
        class: `tl-block state-${row.state}`, dataset: { state: row.state },
        style: { left: `${((start - dayStart) / DAY) * 100}%`, width: `max(4px, ${((end - start) / DAY) * 100}%)` },
      }, h('span', { class: 'visually-hidden' }, `${time(row.actualStart || row.plannedStart)} `,
        v(titles.get(row.bulletinId) || row.bulletinId), `: ${t(`broadcasts.state.${row.state}`)}`))))));
  return h('div', { class: 'tl' }, h('ul', { class: 'tl-lines' }, lines), h('div', { class: 'tl-axis' },
    h('span', { class: 'tl-name' }), hours));
}

/** The legend: each state's colour with its word. */
export function legend(states) {
  return h('ul', { class: 'tl-legend' }, states.map((state) => h('li', {},
    h('span', { class: `tl-swatch state-${state}`, 'aria-hidden': 'true' }), t(`broadcasts.state.${state}`))));
}
