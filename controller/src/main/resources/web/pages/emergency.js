// Emergency announcements, first of all for a commune operator on a phone: what is on air now
// (one tap to its progress and stop button), the trigger form with its confirmation, and the
// recent announcements. #/emergency/ID follows one announcement live.
import * as api from '../api.js';
import { h, v, heading, alertBox, dateTime } from '../dom.js';
import { t } from '../i18n.js';
import { areaTree } from './area-tree.js';
import { emergencyForm } from './emergency-form.js';
import { renderProgress } from './emergency-progress.js';
import { strings as emergencyStrings, riskChip, stateBadge, stageBadge } from './emergency-strings.js';

export const strings = emergencyStrings;

async function optional(path, key, allowed) {
  if (!allowed) {
    return [];
  }
  return (await api.get(path))[key];
}

function stagesLine(announcement) {
  const stages = Object.entries(announcement.stationsByStage || {});
  return h('span', { class: 'em-stages' }, stages.map(([stage, count]) => [stageBadge(stage), ` ${count} `]));
}

function onAir(announcements) {
  const live = announcements.filter((a) => a.state === 'active' || a.state === 'draft');
  return live.map((a) => h('a', { class: `em-onair ${a.state === 'draft' ? 'em-onair-draft' : ''}`,
    href: `#/emergency/${encodeURIComponent(a.id)}` },
  h('span', { class: 'em-onair-label' }, t(a.state === 'draft' ? 'emergency.draftNow' : 'emergency.activeNow')),
  v(a.title, 'strong'), riskChip(a.riskLevel), stagesLine(a),
  h('span', { class: 'em-onair-open' }, t(a.state === 'draft' ? 'emergency.openDraft' : 'emergency.openProgress'))));
}

function recent(announcements) {
  if (announcements.length === 0) {
    return h('p', {}, t('emergency.noRecent'));
  }
  return h('ul', { class: 'em-list' }, announcements.map((a) => h('li', { dataset: { emergency: a.id } },
    h('a', { href: `#/emergency/${encodeURIComponent(a.id)}` }, v(a.title, 'strong')),
    h('span', { class: 'em-list-tags' }, stateBadge(a.state), ' ', riskChip(a.riskLevel)),
    h('small', {}, dateTime(a.triggeredAt || a.createdAt), ' · ', v(a.triggeredBy || a.createdBy)),
    stagesLine(a))));
}

async function renderList(view, { user, navigate, settings }) {
  view.append(heading(t('emergency.title')), h('p', { class: 'lead' }, t('emergency.intro')));
  let data;
  try {
    const [areas, stations, standard, bulletins, list] = await Promise.all([
      api.get('/areas').then((answer) => answer.areas),
      optional('/stations', 'stations', user.can('read-stations')),
      api.get('/standard-messages').then((answer) => answer.standardMessages),
      optional('/bulletins?state=approved', 'bulletins', user.can('read-bulletins')),
      api.get('/emergencies?limit=20').then((answer) => answer.emergencies),
    ]);
    data = { areas, stations, standard, bulletins, list };
  } catch (error) {
    view.append(alertBox(error));
    return null;
  }
  const operatorAreas = new Set(user.roles.filter((role) => role.role === 'operator').map((role) => role.areaId));
  const communes = data.areas.filter((area) => operatorAreas.has(area.id));
  view.append(...onAir(data.list));
  if (user.onlyOperator && communes.length === 0) {
    view.append(h('p', { class: 'problem', role: 'alert' }, t('emergency.noArea')));
  } else {
    const admin = user.roles.some((role) => role.role === 'admin');
    const form = emergencyForm({ communes: admin ? [] : communes, areas: data.areas,
      areaOf: areaTree(data.areas), stations: data.stations, standard: data.standard, bulletins: data.bulletins,
      validity: settings?.emergencyValidity,
      onTriggered: (announcement) => navigate(`#/emergency/${encodeURIComponent(announcement.id)}`) });
    view.append(h('article', { class: 'em-card' }, form));
  }
  view.append(h('h2', {}, t('emergency.recent')), recent(data.list));
  return null;
}

export default {
  route: 'emergency',
  nav: 'nav.emergency',
  allowed: (user) => user.can('run-emergencies'),
  async render(view, ctx) {
    if (ctx.params.length > 0) {
      let names = new Map();
      if (ctx.user.can('read-stations')) {
        try {
          names = new Map((await api.get('/stations')).stations.map((s) => [s.id, s.name]));
        } catch (ignored) {
          // names are a nicety: the progress shows station ids without them
        }
      }
      return renderProgress(view, ctx.params[0], names);
    }
    return renderList(view, ctx);
  },
};
