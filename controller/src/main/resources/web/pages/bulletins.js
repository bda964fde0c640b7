// Bulletins: the library filtered by state, class and language; listen in the browser (the session
// cookie authorises <audio>), approve, archive (after a confirmation), and upload with progress.
import * as api from '../api.js';
import { h, v, clear, heading, table, field, badge, alertBox, problem, dateTime, duration } from '../dom.js';
import { t } from '../i18n.js';
import { confirmDialog } from './confirm-dialog.js';
import { say, sentence } from './page-text.js';
import { uploadForm, languageName, LANGUAGES, strings as uploadStrings } from './bulletin-upload.js';
import { actingAreas } from './area-tree.js';

const STATES = ['draft', 'approved', 'archived'];
const CLASSES = ['normal', 'priority', 'emergency'];

const own = {
  vi: {
    'bulletins.filters': 'Lọc bản tin',
    'bulletins.state': 'Trạng thái',
    'bulletins.class': 'Loại',
    'bulletins.language': 'Ngôn ngữ',
    'bulletins.library': 'Thư viện bản tin',
    'bulletins.count': '{count} bản tin',
    'bulletins.empty': 'Chưa có bản tin nào khớp bộ lọc.',
    'bulletins.duration': 'Thời lượng',
    'bulletins.who': 'Người tải / duyệt',
    'bulletins.uploadedBy': 'Tải lên',
    'bulletins.approvedBy': 'Duyệt',
    'bulletins.archivedBy': 'Lưu trữ',
    'bulletins.listen': 'Nghe',
    'bulletins.approve': 'Duyệt',
    'bulletins.archive': 'Lưu trữ',
    'bulletins.approved': 'Đã duyệt bản tin “{title}”.',
    'bulletins.archived': 'Đã đưa bản tin “{title}” vào lưu trữ.',
    'bulletins.confirmArchive': 'Lưu trữ bản tin?',
    'bulletins.confirmArchiveText': 'Bản tin “{title}” sẽ không được lên lịch phát nữa. Các lịch đã có vẫn giữ nguyên.',
    'bulletins.state.draft': 'Chờ duyệt',
    'bulletins.state.approved': 'Đã duyệt',
    'bulletins.state.archived': 'Đã lưu trữ',
    'bulletins.areaOf': 'Địa bàn',
  },
  en: {
    'bulletins.filters': 'Filter bulletins',
    'bulletins.state': 'State',
    'bulletins.class': 'Class',
    'bulletins.language': 'Language',
    'bulletins.library': 'Bulletin library',
    'bulletins.count': '{count} bulletins',
    'bulletins.empty': 'No bulletin matches these filters.',
    'bulletins.duration': 'Duration',
    'bulletins.who': 'Uploaded / approved',
    'bulletins.uploadedBy': 'Uploaded',
    'bulletins.approvedBy': 'Approved',
    'bulletins.archivedBy': 'Archived',
    'bulletins.listen': 'Listen',
    'bulletins.approve': 'Approve',
    'bulletins.archive': 'Archive',
    'bulletins.approved': 'Approved “{title}”.',
    'bulletins.archived': 'Archived “{title}”.',
    'bulletins.confirmArchive': 'Archive this bulletin?',
    'bulletins.confirmArchiveText': '“{title}” can no longer be scheduled. Existing schedules stay as they are.',
    'bulletins.state.draft': 'Awaiting approval',
    'bulletins.state.approved': 'Approved',
    'bulletins.state.archived': 'Archived',
    'bulletins.areaOf': 'Area',
  },
};

export const strings = {
  vi: { ...own.vi, ...uploadStrings.vi },
  en: { ...own.en, ...uploadStrings.en },
};

const STATE_BADGE = { draft: 'draft', approved: 'online', archived: 'offline' };

export function stateBadge(state) {
  return badge(STATE_BADGE[state] || 'neutral', t(`bulletins.state.${state}`));
}

export function classBadge(bulletinClass) {
  return badge(`class-${bulletinClass}`, t(`class.${bulletinClass}`));
}

function select(name, label, values, word) {
  const input = h('select', { name }, h('option', { value: '' }, t('common.all')),
    values.map((value) => h('option', { value }, word(value))));
  return { input, label: field(label, input) };
}

function who(label, name, at) {
  return name ? h('div', {}, `${t(label)}: `, v(name), `, ${dateTime(at)}`) : null;
}

/** An action on a bulletin (approve, archive): the API call, a toast, the table loaded again. */
async function act(button, path, done, bulletin, reload) {
  button.setAttribute('aria-busy', 'true');
  button.disabled = true;
  try {
    await api.post(path);
    say(done, { title: bulletin.title });
    await reload();
  } catch (error) {
    say(problem(error), {}, 'error');
    button.removeAttribute('aria-busy');
    button.disabled = false;
  }
}

/** The buttons the user's roles allow on this bulletin. */
function actions(bulletin, user, reload) {
  const path = (verb) => `/bulletins/${encodeURIComponent(bulletin.id)}/${verb}`;
  const buttons = [];
  if (bulletin.state === 'draft' && user.can('approve-bulletins')) {
    const approve = h('button', { type: 'button', class: 'small',
      onclick: () => act(approve, path('approve'), 'bulletins.approved', bulletin, reload) }, t('bulletins.approve'));
    buttons.push(approve);
  }
  if (bulletin.state !== 'archived' && user.can('write-bulletins')) {
    const archive = h('button', { type: 'button', class: 'small secondary outline', async onclick() {
      const sure = await confirmDialog(t('bulletins.confirmArchive'),
        sentence('bulletins.confirmArchiveText', { title: bulletin.title }), t('bulletins.archive'));
      if (sure) {
        await act(archive, path('archive'), 'bulletins.archived', bulletin, reload);
      }
    } }, t('bulletins.archive'));
    buttons.push(archive);
  }
  return h('div', { class: 'row-actions' }, buttons);
}

function columns(user, areaName, reload) {
  const listen = (b) => [h('span', { id: `listen-${b.id}`, hidden: true }, t('bulletins.listen')),
    h('audio', { controls: true, preload: 'none', src: `/api/v1/bulletins/${encodeURIComponent(b.id)}/audio`,
      'aria-labelledby': `listen-${b.id} title-${b.id}` })];
  const title = (b) => [v(b.title, 'strong', { id: `title-${b.id}` }), areaName.has(b.areaId)
    ? h('small', { class: 'muted block' }, `${t('bulletins.areaOf')}: `, v(areaName.get(b.areaId))) : null];
  return [
    { label: t('common.title'), cell: title },
    { label: t('bulletins.class'), cell: (b) => classBadge(b.class) },
    { label: t('bulletins.language'), cell: (b) => languageName(b.language) },
    { label: t('bulletins.duration'), cell: (b) => v(duration(b.durationMillis / 1000)) },
    { label: t('bulletins.state'), cell: (b) => stateBadge(b.state) },
    { label: t('bulletins.who'), cell: (b) => h('small', {}, who('bulletins.uploadedBy', b.createdBy, b.createdAt),
      who('bulletins.approvedBy', b.approvedBy, b.approvedAt), who('bulletins.archivedBy', b.archivedBy, b.archivedAt)) },
    { label: t('bulletins.listen'), cell: listen },
    ...(user.can('approve-bulletins') || user.can('write-bulletins')
      ? [{ label: t('common.actions'), cell: (b) => actions(b, user, reload) }] : []),
  ];
}

export default {
  route: 'bulletins',
  nav: 'nav.bulletins',
  allowed: (user) => user.can('read-bulletins'),
  async render(view, { user }) {
    view.append(heading(t('nav.bulletins')));
    let areas = [];
    try {
      areas = (await api.get('/areas')).areas;
    } catch (error) {
      view.append(alertBox(error));
    }
    const state = select('state', t('bulletins.state'), STATES, (s) => t(`bulletins.state.${s}`));
    const bulletinClass = select('class', t('bulletins.class'), CLASSES, (c) => t(`class.${c}`));
    const language = select('language', t('bulletins.language'), LANGUAGES, (code) => t(`lang.${code}`));
    const list = h('section', { 'aria-labelledby': 'library-heading' });
    const load = async () => {
      try {
        const answer = await api.get('/bulletins' + api.query({ state: state.input.value,
          class: bulletinClass.input.value, language: language.input.value }));
        clear(list).append(h('h2', { id: 'library-heading' }, t('bulletins.library'), ' ',
          h('small', { class: 'muted' }, t('bulletins.count', { count: answer.bulletins.length }))),
        table(columns(user, new Map(areas.map((area) => [area.id, area.name])), load), answer.bulletins,
          t('bulletins.empty'), { class: 'striped bulletins' }, (b) => ({ 'data-bulletin': b.id, 'data-state': b.state })));
      } catch (error) {
        clear(list).append(alertBox(error));
      }
    };
    [state, bulletinClass, language].forEach((filter) => filter.input.addEventListener('change', load));
    if (user.can('write-bulletins')) {
      view.append(uploadForm(actingAreas(user, areas), load));
    }
    view.append(h('form', { class: 'toolbar', role: 'search', 'aria-label': t('bulletins.filters'),
      onsubmit: (event) => event.preventDefault() }, state.label, bulletinClass.label, language.label), list);
    await load();
    return null;
  },
};
