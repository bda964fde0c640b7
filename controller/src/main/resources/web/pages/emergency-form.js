// The emergency trigger form: where (the operator's communes, or any area and its stations for
// other staff), what (a standard message, an approved bulletin or an uploaded file), the risk
// level in its colour, a title, the number of plays and how long it stays valid; then a
// confirmation dialog, then the announcement (JSON, or multipart with the file and upload progress).
import * as api from '../api.js';
import { h, v, field, alertBox, toast } from '../dom.js';
import { t } from '../i18n.js';
import { areaOptions } from './area-tree.js';
import { confirmDialog } from './modal.js';
import { riskChip, standardName } from './emergency-strings.js';

let counter = 0;
const uid = (prefix) => `${prefix}-${++counter}`;

function radio(name, value, checked, label, extra = {}) {
  const input = h('input', { type: 'radio', name, value, checked, ...extra });
  return h('label', { class: 'choice' }, input, label);
}

function checkbox(name, value, checked, label) {
  const input = h('input', { type: 'checkbox', name, value, checked });
  return h('label', { class: 'choice' }, input, label);
}

/** The operator's communes, as ticked boxes (one commune: ticked and alone). */
function communeTargets(communes, stations) {
  const boxes = communes.map((area) => {
    const count = stations.filter((s) => s.areaId === area.id).length;
    return checkbox('em-area', String(area.id), true, [v(area.name),
      h('small', { class: 'choice-note' }, t('emergency.stationCount', { count }))]);
  });
  const box = h('fieldset', {}, h('legend', {}, t('emergency.myCommunes')), h('div', { class: 'choices' }, boxes));
  return {
    element: box,
    read: () => ({ areas: [...box.querySelectorAll('input:checked')].map((i) => Number(i.value)), stations: [] }),
    describe: () => [...box.querySelectorAll('input:checked')].map((i) =>
      communes.find((a) => a.id === Number(i.value)).name),
  };
}

/** Any area the user sees, then (optionally) some of its stations. */
function areaTargets(areas, stations, areaOf) {
  const select = h('select', { name: 'em-area-select' }, h('option', { value: '' }, t('emergency.chooseArea')),
    areaOptions(areas));
  const list = h('div', { class: 'choices' });
  const some = h('fieldset', { hidden: true }, h('legend', {}, t('emergency.someStations')), list);
  select.addEventListener('change', () => {
    const id = Number(select.value);
    const below = id ? stations.filter((s) => areaOf.within(s.areaId, id)) : [];
    list.replaceChildren(...below.map((s) => checkbox('em-station', s.id, false, v(s.name))));
    some.hidden = below.length === 0;
  });
  return {
    element: h('div', {}, field(t('emergency.area'), select), some),
    read() {
      const picked = [...list.querySelectorAll('input:checked')].map((i) => i.value);
      if (picked.length > 0) {
        return { areas: [], stations: picked };
      }
      return { areas: select.value ? [Number(select.value)] : [], stations: [] };
    },
    describe() {
      const picked = [...list.querySelectorAll('input:checked')].map((i) =>
        stations.find((s) => s.id === i.value).name);
      return picked.length > 0 ? picked : [areas.find((a) => a.id === Number(select.value))?.name].filter(Boolean);
    },
  };
}

function audioChooser(standard, bulletins) {
  const source = (value) => radio('em-source', value, value === 'standard', t(`emergency.source.${value}`));
  const sources = h('fieldset', {}, h('legend', {}, t('emergency.source')),
    h('div', { class: 'choices choices-row' }, ['standard', 'bulletin', 'upload'].map(source)));
  const standardBox = h('fieldset', {}, h('legend', {}, t('emergency.standardMessage')),
    standard.length === 0 ? h('p', {}, t('emergency.noStandard')) : h('div', { class: 'choices' }, standard.map(
      (message, i) => radio('em-standard', message.key, i === 0, [h('span', {}, standardName(message.key)),
        message.bulletin.title === standardName(message.key) ? null
          : h('small', { class: 'choice-note' }, v(message.bulletin.title))]))));
  const bulletinSelect = h('select', { name: 'em-bulletin' }, h('option', { value: '' }, t('emergency.chooseBulletin')),
    bulletins.map((b) => h('option', { value: b.id, 'data-value': true }, b.title)));
  const bulletinBox = h('div', { hidden: true }, field(t('emergency.bulletin'), bulletinSelect));
  const file = h('input', { type: 'file', name: 'em-file', accept: 'audio/*,.wav,.mp3,.ogg' });
  const uploadBox = h('div', { hidden: true }, field(t('emergency.file'), file));
  const panes = { standard: standardBox, bulletin: bulletinBox, upload: uploadBox };
  const chosen = () => sources.querySelector('input:checked').value;
  sources.addEventListener('change', () => Object.entries(panes).forEach(([key, pane]) => {
    pane.hidden = key !== chosen();
  }));
  return {
    element: h('div', {}, sources, standardBox, bulletinBox, uploadBox),
    read() {
      const kind = chosen();
      if (kind === 'standard') {
        const key = standardBox.querySelector('input:checked')?.value;
        return key ? { kind, standardMessage: key, label: standardName(key) } : { problem: 'emergency.noStandard' };
      }
      if (kind === 'bulletin') {
        const bulletin = bulletins.find((b) => b.id === bulletinSelect.value);
        return bulletin ? { kind, bulletinId: bulletin.id, label: bulletin.title } : { problem: 'emergency.noBulletin' };
      }
      const picked = file.files[0];
      return picked ? { kind, file: picked, label: picked.name } : { problem: 'emergency.noFile' };
    },
  };
}

function riskChooser() {
  const box = h('fieldset', {}, h('legend', { class: 'visually-hidden' }, t('emergency.risk')),
    h('div', { class: 'risk-levels' }, [1, 2, 3, 4, 5].map((level) => h('label', { class: `risk-choice risk-${level}` },
      h('input', { type: 'radio', name: 'em-risk', value: String(level) }),
      h('strong', {}, t('emergency.risk.level', { level })), h('span', {}, t(`emergency.risk.${level}`)),
      h('small', {}, t(`emergency.colour.${level}`)))),
    h('label', { class: 'risk-choice risk-none' }, h('input', { type: 'radio', name: 'em-risk', value: '',
      checked: true }), h('span', {}, t('emergency.risk.none')))));
  return { element: box, read: () => Number(box.querySelector('input:checked').value) || null };
}

const VALIDITY_MINUTES = [15, 30, 60, 120, 360, 720, 1440];

function validityText(minutes) {
  return minutes < 60 || minutes % 60 !== 0 ? t('emergency.validFor.minutes', { count: minutes })
    : t('emergency.validFor.hours', { count: minutes / 60 });
}

/**
 * How long a station offline at the trigger may still play it: the controller's default (30
 * minutes unless its config says otherwise) chosen, nothing offered beyond its longest.
 */
function validityChooser(validity = { defaultMinutes: 30, maxMinutes: 1440 }) {
  const choices = [...new Set([...VALIDITY_MINUTES.filter((minutes) => minutes <= validity.maxMinutes),
    validity.defaultMinutes, validity.maxMinutes])].sort((a, b) => a - b);
  const hint = h('small', { id: uid('em-valid-hint') }, t('emergency.validityHint'));
  const select = h('select', { name: 'em-valid', 'aria-describedby': hint.id }, choices.map((minutes) =>
    h('option', { value: String(minutes), selected: minutes === validity.defaultMinutes }, validityText(minutes))));
  return { element: h('div', {}, field(t('emergency.validity'), select), hint), read: () => Number(select.value) };
}

function summary(where, audio, riskLevel, title, repeat, validMinutes) {
  const row = (label, value) => [h('dt', {}, label), h('dd', {}, value)];
  return h('dl', { class: 'em-summary' },
    row(t('emergency.where'), where.map((name, i) => [i > 0 ? ', ' : null, v(name)])),
    row(t('emergency.what'), audio.kind === 'standard' ? audio.label : v(audio.label)),
    row(t('emergency.risk'), riskChip(riskLevel)),
    title ? row(t('common.title'), v(title)) : null,
    row(t('emergency.repeat'), t('emergency.times', { count: repeat })),
    row(t('emergency.validity'), validityText(validMinutes)));
}

async function send(targets, audio, riskLevel, title, repeat, validMinutes, progress) {
  if (audio.kind !== 'upload') {
    const body = { targets, repeat, validMinutes, riskLevel: riskLevel || undefined, title: title || undefined,
      standardMessage: audio.standardMessage, bulletinId: audio.bulletinId };
    return api.post('/emergencies', body);
  }
  const form = new FormData();
  form.append('file', audio.file);
  form.append('targets', JSON.stringify(targets));
  form.append('repeat', String(repeat));
  form.append('validMinutes', String(validMinutes));
  if (riskLevel) {
    form.append('riskLevel', String(riskLevel));
  }
  if (title) {
    form.append('title', title);
  }
  progress.hidden = false;
  try {
    return await api.upload('/emergencies', form, (sent, total) => {
      progress.value = sent;
      progress.max = total;
    });
  } finally {
    progress.hidden = true;
  }
}

/** The form; onTriggered(announcement) once the controller took it. */
export function emergencyForm({ communes, areas, areaOf, stations, standard, bulletins, validity, onTriggered }) {
  const targets = communes.length > 0 ? communeTargets(communes, stations) : areaTargets(areas, stations, areaOf);
  const audio = audioChooser(standard, bulletins);
  const risk = riskChooser();
  const validFor = validityChooser(validity || undefined);
  const title = h('input', { name: 'em-title', maxlength: '200', autocomplete: 'off' });
  const repeat = h('input', { name: 'em-repeat', type: 'number', min: '1', max: '20', value: '3', inputmode: 'numeric' });
  const message = h('div', { id: uid('em-problem') });
  const progress = h('progress', { hidden: true, 'aria-label': t('emergency.uploading') });
  const submit = h('button', { type: 'submit', class: 'danger big' }, t('emergency.next'));
  const form = h('form', { class: 'em-form', novalidate: true, 'aria-describedby': message.id },
    h('h2', {}, t('emergency.step.targets')), targets.element,
    h('h2', {}, t('emergency.step.audio')), audio.element,
    h('h2', {}, t('emergency.step.risk')), risk.element,
    h('h2', {}, t('emergency.step.details')), h('div', { class: 'grid' }, field(t('emergency.titleField'), title),
      field(t('emergency.repeat'), repeat), validFor.element),
    message, progress, submit);
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    message.replaceChildren();
    const where = targets.read();
    const chosen = audio.read();
    const problem = where.areas.length + where.stations.length === 0 ? 'emergency.noTargets' : chosen.problem;
    if (problem) {
      message.append(h('p', { class: 'problem', role: 'alert' }, t(problem)));
      return;
    }
    const plays = Math.min(20, Math.max(1, Number(repeat.value) || 3));
    const level = risk.read();
    const ok = await confirmDialog({ title: t('emergency.confirmTitle'), danger: true,
      body: [h('p', {}, t('emergency.confirmIntro')),
        summary(targets.describe(), chosen, level, title.value.trim(), plays, validFor.read())],
      confirm: t('emergency.playNow'), cancel: t('emergency.back') });
    if (!ok) {
      return;
    }
    submit.setAttribute('aria-busy', 'true');
    submit.disabled = true;
    try {
      const announcement = await send(where, chosen, level, title.value.trim(), plays, validFor.read(), progress);
      toast(t('emergency.triggered'));
      onTriggered(announcement);
    } catch (error) {
      message.append(alertBox(error));
    } finally {
      submit.removeAttribute('aria-busy');
      submit.disabled = false;
    }
  });
  return form;
}
