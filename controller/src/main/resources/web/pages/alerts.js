// Health alerts: the ones still open (or acknowledged, still holding) and the recent resolved
// ones, with acknowledge for technicians; alert events on the live stream reload the lists.
import * as api from '../api.js';
import * as live from '../live.js';
import { h, v, heading, alertBox, table, field, dateTime, toast } from '../dom.js';
import { t } from '../i18n.js';
import { areaTree, visibleAreas, areaOptions } from './area-tree.js';

const RULES = ['offline', 'relay-fault', 'audio-fault', 'dead-air', 'clock-skew', 'disk-low', 'temperature-high',
  'broadcast-missed', 'plan-unacknowledged'];

export const strings = {
  vi: {
    'alerts.title': 'Cảnh báo sự cố',
    'alerts.intro': 'Sự cố do hệ thống tự phát hiện ở các trạm. Cảnh báo tự đóng khi sự cố hết.',
    'alerts.current': 'Chưa khắc phục',
    'alerts.past': 'Đã khắc phục gần đây',
    'alerts.noneOpen': 'Không có sự cố nào đang diễn ra.',
    'alerts.nonePast': 'Chưa có cảnh báo nào đã khắc phục.',
    'alerts.opened': 'Phát hiện lúc',
    'alerts.rule': 'Sự cố',
    'alerts.detail': 'Chi tiết',
    'alerts.handled': 'Tiếp nhận',
    'alerts.resolvedAt': 'Khắc phục lúc',
    'alerts.acknowledge': 'Tiếp nhận',
    'alerts.acknowledgeLabel': 'Tiếp nhận cảnh báo {rule} ở trạm {station}',
    'alerts.acknowledged': 'Đã tiếp nhận cảnh báo.',
    'alerts.allAreas': 'Mọi địa bàn',
    'alerts.allRules': 'Mọi loại sự cố',
    'alerts.show': 'Xem',
    'alerts.faults': 'Thống kê sự cố',
    'alerts.state.open': 'Chưa xử lý',
    'alerts.state.acknowledged': 'Đã tiếp nhận',
    'alerts.state.resolved': 'Đã khắc phục',
    'alerts.rule.offline': 'Mất kết nối',
    'alerts.rule.relay-fault': 'Lỗi bo rơ-le',
    'alerts.rule.audio-fault': 'Lỗi âm thanh',
    'alerts.rule.dead-air': 'Phát ra im lặng',
    'alerts.rule.clock-skew': 'Lệch đồng hồ',
    'alerts.rule.disk-low': 'Sắp đầy ổ đĩa',
    'alerts.rule.temperature-high': 'Nhiệt độ cao',
    'alerts.rule.broadcast-missed': 'Buổi phát không thành',
    'alerts.rule.plan-unacknowledged': 'Trạm chưa nhận lịch phát',
  },
  en: {
    'alerts.title': 'Alerts',
    'alerts.intro': 'Faults the system detected at the stations. An alert closes by itself once the fault clears.',
    'alerts.current': 'Not resolved',
    'alerts.past': 'Recently resolved',
    'alerts.noneOpen': 'No fault right now.',
    'alerts.nonePast': 'No resolved alert yet.',
    'alerts.opened': 'Detected',
    'alerts.rule': 'Fault',
    'alerts.detail': 'Detail',
    'alerts.handled': 'Acknowledged',
    'alerts.resolvedAt': 'Resolved',
    'alerts.acknowledge': 'Acknowledge',
    'alerts.acknowledgeLabel': 'Acknowledge the {rule} alert at station {station}',
    'alerts.acknowledged': 'Alert acknowledged.',
    'alerts.allAreas': 'All areas',
    'alerts.allRules': 'All faults',
    'alerts.show': 'Show',
    'alerts.faults': 'Fault statistics',
    'alerts.state.open': 'Open',
    'alerts.state.acknowledged': 'Acknowledged',
    'alerts.state.resolved': 'Resolved',
    'alerts.rule.offline': 'Offline',
    'alerts.rule.relay-fault': 'Relay board fault',
    'alerts.rule.audio-fault': 'Audio fault',
    'alerts.rule.dead-air': 'Dead air',
    'alerts.rule.clock-skew': 'Clock skew',
    'alerts.rule.disk-low': 'Disk nearly full',
    'alerts.rule.temperature-high': 'High temperature',
    'alerts.rule.broadcast-missed': 'Broadcast not aired',
    'alerts.rule.plan-unacknowledged': 'Plan not acknowledged',
  },
};

export const ruleName = (rule) => (RULES.includes(rule) ? t(`alerts.rule.${rule}`) : rule);

function stateBadge(state) {
  const kind = { open: 'faulty', acknowledged: 'playing', resolved: 'online' }[state] || 'neutral';
  return h('span', { class: `badge badge-${kind}`, dataset: { state } }, t(`alerts.state.${state}`));
}

function columns(names, current, acknowledge) {
  const station = (a) => v(names.get(a.station) || a.station);
  const base = [
    { label: t('alerts.opened'), cell: (a) => dateTime(a.openedAt) },
    { label: t('common.station'), cell: station },
    { label: t('alerts.rule'), cell: (a) => ruleName(a.rule) },
    { label: t('common.status'), cell: (a) => stateBadge(a.state) },
    { label: t('alerts.detail'), cell: (a) => v(a.detail || '', 'small') },
    { label: t('alerts.handled'), cell: (a) => (a.acknowledgedBy ? [v(a.acknowledgedBy), h('br'),
      h('small', {}, dateTime(a.acknowledgedAt))] : '') },
  ];
  if (!current) {
    return [...base, { label: t('alerts.resolvedAt'), cell: (a) => dateTime(a.resolvedAt) }];
  }
  if (!acknowledge) {
    return base;
  }
  return [...base, { label: t('common.actions'), cell: (a) => (a.state !== 'open' ? '' : h('button', {
    type: 'button', class: 'small', 'aria-label': t('alerts.acknowledgeLabel', { rule: ruleName(a.rule),
      station: names.get(a.station) || a.station }), onclick: (event) => acknowledge(a, event.currentTarget),
  }, t('alerts.acknowledge'))) }];
}

export default {
  route: 'alerts',
  nav: 'nav.alerts',
  allowed: (user) => user.can('read-alerts'),
  async render(view, ctx) {
    view.append(heading(t('alerts.title')), h('p', {}, t('alerts.intro')));
    let areas;
    let names;
    try {
      const [areaList, stations] = await Promise.all([api.get('/areas').then((a) => a.areas),
        ctx.user.can('read-stations') ? api.get('/stations').then((a) => a.stations) : []]);
      areas = areaList;
      names = new Map(stations.map((s) => [s.id, s.name]));
    } catch (error) {
      view.append(alertBox(error));
      return null;
    }
    const tree = areaTree(areas);
    const area = h('select', { name: 'area' }, h('option', { value: '' }, t('alerts.allAreas')),
      areaOptions(visibleAreas(ctx.user, tree), ctx.query.get('area')));
    const rule = h('select', { name: 'rule' }, h('option', { value: '' }, t('alerts.allRules')),
      RULES.map((r) => h('option', { value: r, selected: r === ctx.query.get('rule') }, t(`alerts.rule.${r}`))));
    const form = h('form', { class: 'toolbar', role: 'search', onsubmit: (event) => {
      event.preventDefault();
      ctx.navigate(`#/alerts${api.query({ area: area.value, rule: rule.value })}`);
    } }, field(t('common.area'), area), field(t('alerts.rule'), rule), h('button', { type: 'submit' }, t('alerts.show')));
    const currentBox = h('div', {});
    const pastBox = h('div', {});
    const problems = h('div', {});
    const filter = { area: ctx.query.get('area'), rule: ctx.query.get('rule') };
    const faults = h('a', { href: `#/reports${api.query({ area: filter.area })}` }, t('alerts.faults'));
    view.append(form, problems, h('h2', {}, t('alerts.current')), currentBox, h('h2', {}, t('alerts.past')), pastBox,
      ctx.user.can('read-reports') ? h('p', {}, faults) : null);

    let loading = null;
    async function load() {
      try {
        const [open, acknowledged, resolved] = await Promise.all(['open', 'acknowledged', 'resolved'].map((state) =>
          api.get(`/alerts${api.query({ ...filter, state, limit: state === 'resolved' ? 50 : 500 })}`)
            .then((answer) => answer.alerts)));
        const current = [...open, ...acknowledged].sort((a, b) => b.openedAt.localeCompare(a.openedAt));
        currentBox.replaceChildren(table(columns(names, true, ctx.user.can('acknowledge-alerts') ? acknowledge : null),
          current, t('alerts.noneOpen'), { class: 'striped alerts-current' }, (a) => ({ dataset: { alert: a.id } })));
        pastBox.replaceChildren(table(columns(names, false, null), resolved, t('alerts.nonePast'),
          { class: 'striped alerts-past' }, (a) => ({ dataset: { alert: a.id } })));
      } catch (error) {
        problems.replaceChildren(alertBox(error));
      }
    }
    async function acknowledge(alert, button) {
      button.setAttribute('aria-busy', 'true');
      try {
        await api.post(`/alerts/${alert.id}/acknowledge`);
        toast(t('alerts.acknowledged'));
        await load();
      } catch (error) {
        button.removeAttribute('aria-busy');
        problems.replaceChildren(alertBox(error));
      }
    }
    let again = false;
    const reload = () => {
      if (loading) {
        again = true;
        return;
      }
      loading = load().finally(() => {
        loading = null;
        if (again) {
          again = false;
          reload();
        }
      });
    };
    await load();
    return live.on('alert', reload);
  },
};
