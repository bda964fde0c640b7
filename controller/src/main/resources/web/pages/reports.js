// Reports for a period and an area: broadcast hours per commune, station availability,
// emergency announcements and faults, each as a bar chart (Chart.js) with its table as the text
// alternative and a CSV link; the printable summary opens the controller's own HTML view.
import * as api from '../api.js';
import { h, v, heading, alertBox, table, field, number, dateTime, localDate } from '../dom.js';
import { t } from '../i18n.js';
import { areaTree, visibleAreas, areaOptions } from './area-tree.js';
import { ruleName } from './alerts.js';
import { strings as reportStrings } from './reports-strings.js';

export const strings = reportStrings;

function nextDay(day) {
  return new Date(Date.parse(`${day}T00:00:00Z`) + 24 * 3600 * 1000).toISOString().substring(0, 10);
}

const percent = (ratio) => (ratio === null || ratio === undefined ? '–' : `${number(ratio * 100, 1)} %`);

/** A bar chart in a labelled box; the caller keeps the Chart to destroy it. */
function barChart(charts, label, labels, values, colour, { max, integer = false } = {}) {
  const canvas = h('canvas', { role: 'img', 'aria-label': label });
  const box = h('div', { class: 'chart' }, canvas);
  if (typeof Chart !== 'undefined') {
    charts.push(new Chart(canvas, {
      type: 'bar',
      data: { labels, datasets: [{ label, data: values, backgroundColor: colour, maxBarThickness: 64 }] },
      options: { responsive: true, maintainAspectRatio: false, animation: false, indexAxis: labels.length > 6 ? 'y' : 'x',
        plugins: { legend: { display: false } },
        scales: { [labels.length > 6 ? 'x' : 'y']: { beginAtZero: true, max, ticks: integer ? { precision: 0 } : {} } } },
    }));
  }
  return box;
}

function csvLink(path, params, name) {
  return h('a', { href: `/api/v1/reports/${path}${api.query({ ...params, format: 'csv' })}`, download: name,
    class: 'secondary outline', role: 'button' }, t('common.downloadCsv'));
}

function section(title, link, ...content) {
  return h('section', { class: 'report' }, h('div', { class: 'report-head' }, h('h2', {}, title), link), content);
}

function hoursSection(charts, report, params) {
  const rows = report.broadcasts.communes;
  const total = report.broadcasts.total;
  return section(t('reports.hours'), csvLink('broadcast-hours', params, 'broadcast-hours.csv'),
    h('p', { class: 'report-total' }, t('reports.hoursTotal', { hours: number(total.hours, 2), aired: total.aired,
      planned: total.planned })),
    barChart(charts, t('reports.hoursChart'), rows.map((r) => r.commune), rows.map((r) => r.hours), '#0b57d0'),
    table([
      { label: t('reports.commune'), cell: (r) => v(r.commune) },
      { label: t('reports.hoursCol'), cell: (r) => number(r.hours, 2) },
      { label: t('reports.planned'), cell: (r) => number(r.planned) },
      { label: t('reports.aired'), cell: (r) => number(r.aired) },
      { label: t('reports.bulletins'), cell: (r) => number(r.bulletins) },
      { label: t('reports.missed'), cell: (r) => number(r.missed) },
      { label: t('reports.failed'), cell: (r) => number(r.failed) },
      { label: t('reports.unconfirmed'), cell: (r) => number(r.unconfirmed) },
    ], rows, t('common.empty'), { class: 'striped report-hours' }));
}

function availabilitySection(charts, report, params) {
  const stations = report.availability.stations || [];
  return section(t('reports.availability'), csvLink('availability', params, 'availability.csv'),
    h('p', { class: 'report-total' }, t('reports.availabilityTotal', {
      value: percent(report.availability.area.availability) })),
    barChart(charts, t('reports.availabilityChart'), stations.map((s) => s.name),
      stations.map((s) => (s.availability === null ? 0 : Math.round(s.availability * 1000) / 10)), '#116b2b',
      { max: 100 }),
    table([
      { label: t('common.station'), cell: (s) => v(s.name) },
      { label: t('reports.observed'), cell: (s) => number(s.observedHours, 2) },
      { label: t('reports.online'), cell: (s) => number(s.onlineHours, 2) },
      { label: t('reports.availabilityCol'), cell: (s) => percent(s.availability) },
    ], stations, t('common.empty'), { class: 'striped report-availability' }));
}

function emergenciesSection(report, params) {
  const seconds = (value) => (value === null || value === undefined ? '–' : `${number(value, 1)} s`);
  return section(t('reports.emergencies'), csvLink('emergencies', params, 'emergencies.csv'), table([
    { label: t('reports.triggered'), cell: (e) => dateTime(e.triggeredAt) },
    { label: t('common.title'), cell: (e) => h('a', { href: `#/emergency/${encodeURIComponent(e.id)}` }, v(e.title)) },
    { label: t('reports.reach'), cell: (e) => `${e.reached}/${e.targeted}` },
    { label: t('reports.playingMedian'), cell: (e) => seconds(e.playingMedianSeconds) },
    { label: t('reports.playingMax'), cell: (e) => seconds(e.playingMaxSeconds) },
  ], report.emergencies, t('reports.noEmergencies'), { class: 'striped report-emergencies' }));
}

function faultsSection(charts, report, params) {
  const totals = report.totals || [];
  const hours = (s) => (s === null || s === undefined ? '–' : `${number(s / 3600, 1)} h`);
  return section(t('reports.faults'), csvLink('faults', params, 'faults.csv'),
    totals.length === 0 ? null : barChart(charts, t('reports.faultsChart'), totals.map((r) => ruleName(r.rule)),
      totals.map((r) => r.count), '#a64b00', { integer: true }),
    table([
      { label: t('reports.rule'), cell: (r) => ruleName(r.rule) },
      { label: t('reports.count'), cell: (r) => number(r.count) },
      { label: t('reports.resolved'), cell: (r) => number(r.resolved) },
      { label: t('reports.unresolved'), cell: (r) => number(r.unresolved) },
      { label: t('reports.meanRepair'), cell: (r) => hours(r.meanRepairSeconds) },
      { label: t('reports.maxRepair'), cell: (r) => hours(r.maxRepairSeconds) },
    ], totals, t('reports.noFaults'), { class: 'striped report-faults' }));
}

function defaultArea(user, visible) {
  const own = user.roles.map((role) => role.areaId).find((id) => id !== undefined && id !== null);
  return own ?? visible[0]?.id;
}

export default {
  route: 'reports',
  nav: 'nav.reports',
  allowed: (user) => user.can('read-reports'),
  async render(view, ctx) {
    view.append(heading(t('reports.title')), h('p', {}, t('reports.intro')));
    let areas;
    try {
      areas = (await api.get('/areas')).areas;
    } catch (error) {
      view.append(alertBox(error));
      return null;
    }
    const tree = areaTree(areas);
    const visible = visibleAreas(ctx.user, tree);
    const q = ctx.query;
    const today = localDate();
    const chosen = { area: q.get('area') || String(defaultArea(ctx.user, visible) ?? ''),
      from: q.get('from') || `${today.substring(0, 8)}01`, to: q.get('to') || today };
    const area = h('select', { name: 'area', required: true }, areaOptions(visible, chosen.area));
    const from = h('input', { type: 'date', name: 'from', value: chosen.from, required: true });
    const to = h('input', { type: 'date', name: 'to', value: chosen.to, required: true });
    view.append(h('form', { class: 'toolbar', role: 'search', onsubmit: (event) => {
      event.preventDefault();
      ctx.navigate(`#/reports${api.query({ area: area.value, from: from.value, to: to.value })}`);
    } }, field(t('common.area'), area), field(t('reports.from'), from), field(t('reports.to'), to),
    h('button', { type: 'submit' }, t('reports.show'))));
    if (!chosen.area) {
      view.append(h('p', {}, t('reports.noArea')));
      return null;
    }
    if (chosen.to < chosen.from) {
      view.append(h('p', { class: 'problem', role: 'alert' }, t('reports.badDates')));
      return null;
    }
    const params = { area: chosen.area, from: chosen.from, to: nextDay(chosen.to) };
    const faults = ctx.user.can('read-alerts');
    let answers;
    try {
      answers = await Promise.all(['broadcast-hours', 'availability', 'emergencies'].map((name) =>
        api.get(`/reports/${name}${api.query(params)}`)).concat(faults ? [api.get(`/reports/faults${api.query(params)}`)] : []));
    } catch (error) {
      view.append(alertBox(error));
      return null;
    }
    const charts = [];
    view.append(h('p', { class: 'report-links' },
      h('a', { href: `/api/v1/reports/summary${api.query({ ...params, format: 'html' })}`, target: '_blank',
        rel: 'noopener', role: 'button' }, t('reports.printable')), ' ',
      h('a', { href: `/api/v1/reports/summary${api.query({ ...params, format: 'csv' })}`, download: 'summary.csv',
        role: 'button', class: 'secondary outline' }, t('reports.summaryCsv'))),
    hoursSection(charts, answers[0], params), availabilitySection(charts, answers[1], params),
    emergenciesSection(answers[2], params), faults ? faultsSection(charts, answers[3], params) : null);
    return () => charts.forEach((chart) => chart.destroy());
  },
};
