// One announcement followed live through its own event stream (snapshot, then station,
// announcement and ended events): every station's stage in words and colour, and the large stop
// button (confirm and discard for a draft a CAP alert left).
import * as api from '../api.js';
import { h, v, heading, alertBox, toast, time, dateTime } from '../dom.js';
import { t } from '../i18n.js';
import { confirmDialog } from './modal.js';
import { FINAL_STAGES, riskChip, stateBadge, stageBadge, standardName } from './emergency-strings.js';

const STATE_RANK = { draft: 0, active: 1, stopped: 2, ended: 3, discarded: 3 };
const STAGE_RANK = { sent: 0, unreachable: 0, received: 1, 'zones-on': 2, playing: 3 };
const stageRank = (stage) => (FINAL_STAGES.has(stage) ? 4 : STAGE_RANK[stage] ?? 0);

function lastStep(row) {
  return row.endedAt || row.playingAt || row.zonesOnAt || row.receivedAt || row.sentAt;
}

function audioLabel(announcement) {
  const audio = announcement.audio || '';
  if (audio.startsWith('standard:')) {
    return standardName(audio.substring('standard:'.length));
  }
  return t(audio === 'upload' ? 'emergency.audio.upload' : 'emergency.audio.bulletin');
}

/**
 * Renders the progress of announcement `id` into `view`; `names` maps station ids to names.
 * Returns the cleanup (closes the stream).
 */
export async function renderProgress(view, id, names) {
  const title = heading(t('emergency.title'));
  view.append(h('p', {}, h('a', { href: '#/emergency' }, t('emergency.allList'))), title);
  let announcement;
  try {
    announcement = await api.get(`/emergencies/${encodeURIComponent(id)}`);
  } catch (error) {
    view.append(alertBox(error));
    return null;
  }
  const stations = new Map((announcement.stations || []).map((row) => [row.station, row]));
  const header = h('section', { class: 'em-header', 'aria-labelledby': 'em-name' });
  const counts = h('p', { class: 'em-counts', role: 'status' });
  const liveNote = h('p', { class: 'em-live' });
  const list = h('ul', { class: 'em-stations', 'aria-label': t('emergency.stations') });
  const actions = h('div', { class: 'em-actions' });
  const problems = h('div', {});
  view.append(header, counts, liveNote, h('h2', {}, t('emergency.stations')), list, problems, actions);

  function paintHeader() {
    const when = announcement.triggeredAt
      ? [t('emergency.triggeredAt', { time: dateTime(announcement.triggeredAt) }), ' ', v(announcement.triggeredBy)]
      : [t('emergency.createdAt', { time: dateTime(announcement.createdAt) }), ' ', v(announcement.createdBy)];
    header.replaceChildren(
      h('h2', { id: 'em-name', class: 'em-name' }, v(announcement.title)),
      h('p', { class: 'em-tags' }, stateBadge(announcement.state), ' ', riskChip(announcement.riskLevel),
        announcement.origin === 'cap' ? [' ', h('span', { class: 'badge badge-neutral' }, t('emergency.origin.cap'))] : null),
      h('p', {}, when),
      h('p', {}, `${t('emergency.audio')}: `, announcement.audio === 'upload' || announcement.audio === 'bulletin'
        ? [audioLabel(announcement), ' ', v(announcement.bulletinId, 'code')] : audioLabel(announcement),
      ' · ', t('emergency.times', { count: announcement.repeat })),
      announcement.validUntil ? h('p', {}, t('emergency.validUntil', { time: dateTime(announcement.validUntil) })) : null);
  }

  function paintStations() {
    const rows = [...stations.values()];
    list.replaceChildren(...(rows.length === 0 ? [h('li', {}, t('emergency.noStations'))] : rows.map((row) =>
      h('li', { class: `em-station em-stage-${row.stage}`, dataset: { station: row.station, stage: row.stage } },
        h('span', { class: 'em-station-name' }, v(names.get(row.station) || row.station, 'strong'),
          h('small', {}, v(row.station))),
        stageBadge(row.stage),
        h('small', { class: 'em-station-time' }, time(lastStep(row)), row.reason ? [' · ', v(row.reason)] : null)))));
    const total = rows.length;
    const playing = rows.filter((row) => row.stage === 'playing').length;
    const done = rows.filter((row) => FINAL_STAGES.has(row.stage)).length;
    counts.replaceChildren(done === total && total > 0 ? t('emergency.doneCount', { done, total })
      : t('emergency.playingCount', { playing, total }));
  }

  async function act(path, dialog, doneMessage) {
    if (!(await confirmDialog(dialog))) {
      return;
    }
    problems.replaceChildren();
    try {
      apply(await api.post(`/emergencies/${encodeURIComponent(id)}/${path}`));
      toast(doneMessage);
    } catch (error) {
      problems.append(alertBox(error));
    }
  }

  function paintActions() {
    actions.replaceChildren();
    if (announcement.state === 'active') {
      actions.append(h('button', { type: 'button', class: 'danger huge em-stop', onclick: () => act('stop', {
        title: t('emergency.stopTitle'), body: h('p', {}, t('emergency.stopIntro')), confirm: t('emergency.stopNow'),
        cancel: t('emergency.keep'), danger: true }, t('emergency.stopped')) }, t('emergency.stop')));
    } else if (announcement.state === 'draft') {
      actions.append(
        h('button', { type: 'button', class: 'danger huge', onclick: () => act('confirm', {
          title: t('emergency.confirmDraftTitle'), body: h('p', {}, t('emergency.confirmIntro')),
          confirm: t('emergency.playNow'), cancel: t('emergency.back'), danger: true }, t('emergency.triggered')) },
        t('emergency.confirmDraft')),
        h('button', { type: 'button', class: 'secondary', onclick: () => act('stop', {
          title: t('emergency.discardTitle'), body: h('p', {}, t('emergency.discardIntro')),
          confirm: t('emergency.discardNow'), cancel: t('emergency.back') }, t('emergency.state.discarded')) },
        t('emergency.discard')));
    }
  }

  // An answer (the stop's) may be older than events already seen: never step a station or the
  // announcement back.
  function merge(row) {
    const known = stations.get(row.station);
    if (!known || stageRank(row.stage) >= stageRank(known.stage)) {
      stations.set(row.station, row);
    }
  }

  function apply(next) {
    const older = STATE_RANK[next.state] < STATE_RANK[announcement.state] || (announcement.endedAt && !next.endedAt);
    if (next === announcement || !older) {
      announcement = next;
    }
    (next.stations || []).forEach(merge);
    paintHeader();
    paintStations();
    paintActions();
  }

  apply(announcement);
  const source = new EventSource(`/api/v1/emergencies/${encodeURIComponent(id)}/events`);
  const note = (key) => liveNote.replaceChildren(t(key));
  note('emergency.live.connecting');
  const parse = (event) => {
    try {
      return JSON.parse(event.data);
    } catch (ignored) {
      return null;
    }
  };
  source.addEventListener('open', () => note('emergency.live.open'));
  source.addEventListener('error', () => {
    if (source.readyState !== EventSource.CLOSED) {
      note('emergency.live.connecting');
    }
  });
  for (const name of ['snapshot', 'announcement']) {
    source.addEventListener(name, (event) => {
      const data = parse(event);
      if (data) {
        apply(data);
      }
    });
  }
  source.addEventListener('station', (event) => {
    const row = parse(event);
    if (row && row.station) {
      merge(row);
      paintStations();
    }
  });
  source.addEventListener('ended', (event) => {
    source.close();
    const data = parse(event);
    if (data) {
      apply(data);
    }
    note('emergency.live.over');
  });
  return () => source.close();
}
