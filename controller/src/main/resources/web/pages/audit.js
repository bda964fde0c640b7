// The audit log, newest first: filters (who, what, on what, local dates) and paging back with
// `before` (the last entry's seq), 50 entries at a time.
import * as api from '../api.js';
import { h, v, heading, alertBox, table, field, dateTime } from '../dom.js';
import { t } from '../i18n.js';

const PAGE = 50;
const FAMILIES = ['emergency', 'cap', 'standard-message', 'auth', 'user', 'station', 'alert'];
const ACTIONS = {
  'emergency.trigger': ['Phát khẩn cấp', 'Emergency triggered'],
  'emergency.draft': ['Tạo bản nháp khẩn cấp', 'Emergency drafted'],
  'emergency.stop': ['Dừng khẩn cấp', 'Emergency stopped'],
  'emergency.discard': ['Huỷ bản nháp khẩn cấp', 'Emergency draft discarded'],
  'emergency.outcome': ['Kết quả khẩn cấp ở các trạm', 'Emergency outcome'],
  'cap.receive': ['Nhận cảnh báo CAP', 'CAP alert received'],
  'standard-message.set': ['Đặt bản tin chuẩn', 'Standard message set'],
  'auth.login': ['Đăng nhập', 'Login'],
  'auth.login-failed': ['Đăng nhập không thành công', 'Failed login'],
  'auth.account-locked': ['Tài khoản bị tạm khoá', 'Account locked'],
  'auth.address-refused': ['Chặn địa chỉ đăng nhập', 'Address refused'],
  'auth.logout': ['Đăng xuất', 'Logout'],
  'auth.password-change': ['Đổi mật khẩu', 'Password changed'],
  'auth.unlock': ['Mở khoá tài khoản', 'Account unlocked'],
  'user.create': ['Tạo tài khoản', 'Account created'],
  'user.disable': ['Vô hiệu hoá tài khoản', 'Account disabled'],
  'user.enable': ['Cho dùng lại tài khoản', 'Account enabled'],
  'user.password-reset': ['Đặt lại mật khẩu', 'Password reset'],
  'user.roles': ['Đổi vai trò', 'Roles changed'],
  'station.credentials.issue': ['Cấp thông tin đăng nhập cho trạm', 'Station credentials issued'],
  'station.credentials.rotate': ['Đổi thông tin đăng nhập của trạm', 'Station credentials replaced'],
  'station.credentials.revoke': ['Thu hồi thông tin đăng nhập của trạm', 'Station credentials revoked'],
  'station.enrolment.create': ['Tạo mã đăng ký trạm', 'Station enrolment token created'],
  'alert.acknowledge': ['Tiếp nhận cảnh báo', 'Alert acknowledged'],
};

const actionStrings = (index) => Object.fromEntries(Object.entries(ACTIONS).map(([key, words]) =>
  [`audit.action.${key}`, words[index]]));

export const strings = {
  vi: {
    'audit.title': 'Nhật ký hệ thống',
    'audit.intro': 'Ai đã làm gì, lúc nào: phát và dừng khẩn cấp, đăng nhập, thay đổi tài khoản. Không ai sửa hay xoá được.',
    'audit.actor': 'Người thực hiện',
    'audit.action': 'Việc',
    'audit.subject': 'Đối tượng',
    'audit.detail': 'Chi tiết',
    'audit.allActions': 'Mọi việc',
    'audit.fromDate': 'Từ ngày',
    'audit.toDate': 'Đến hết ngày',
    'audit.show': 'Lọc',
    'audit.clear': 'Bỏ lọc',
    'audit.older': 'Xem cũ hơn',
    'audit.newest': 'Về mới nhất',
    'audit.empty': 'Không có mục nào.',
    'audit.shown': 'Mục {first}–{last}',
    'audit.family.emergency': 'Khẩn cấp',
    'audit.family.cap': 'Cảnh báo CAP',
    'audit.family.standard-message': 'Bản tin chuẩn',
    'audit.family.auth': 'Đăng nhập và mật khẩu',
    'audit.family.user': 'Tài khoản',
    'audit.family.station': 'Trạm',
    'audit.family.alert': 'Cảnh báo sự cố',
    ...actionStrings(0),
  },
  en: {
    'audit.title': 'Audit log',
    'audit.intro': 'Who did what, when: emergencies triggered and stopped, logins, account changes. Nobody can change or delete it.',
    'audit.actor': 'By',
    'audit.action': 'Action',
    'audit.subject': 'Subject',
    'audit.detail': 'Detail',
    'audit.allActions': 'All actions',
    'audit.fromDate': 'From',
    'audit.toDate': 'To (inclusive)',
    'audit.show': 'Filter',
    'audit.clear': 'Clear filters',
    'audit.older': 'Older entries',
    'audit.newest': 'Back to newest',
    'audit.empty': 'No entry.',
    'audit.shown': 'Entries {first}–{last}',
    'audit.family.emergency': 'Emergencies',
    'audit.family.cap': 'CAP alerts',
    'audit.family.standard-message': 'Standard messages',
    'audit.family.auth': 'Logins and passwords',
    'audit.family.user': 'Accounts',
    'audit.family.station': 'Stations',
    'audit.family.alert': 'Health alerts',
    ...actionStrings(1),
  },
};

function nextDay(day) {
  return new Date(Date.parse(`${day}T00:00:00Z`) + 24 * 3600 * 1000).toISOString().substring(0, 10);
}

function actionText(action) {
  return action in ACTIONS ? [t(`audit.action.${action}`), h('br'), v(action, 'code')] : v(action, 'code');
}

function filters(ctx) {
  const q = ctx.query;
  const input = (name, type = 'text') => h('input', { name, type, value: q.get(name) || '', autocomplete: 'off' });
  const actor = input('actor');
  const subject = input('subject');
  const from = input('from', 'date');
  const to = input('to', 'date');
  const action = h('select', { name: 'action' }, h('option', { value: '' }, t('audit.allActions')),
    FAMILIES.map((family) => h('optgroup', { label: t(`audit.family.${family}`) },
      h('option', { value: family, selected: q.get('action') === family }, t(`audit.family.${family}`)),
      Object.keys(ACTIONS).filter((key) => key.startsWith(`${family}.`)).map((key) => h('option', { value: key,
        selected: q.get('action') === key }, t(`audit.action.${key}`))))));
  const form = h('form', { class: 'toolbar', role: 'search', onsubmit: (event) => {
    event.preventDefault();
    ctx.navigate(`#/audit${api.query({ actor: actor.value.trim(), action: action.value, subject: subject.value.trim(),
      from: from.value, to: to.value })}`);
  } }, field(t('audit.actor'), actor), field(t('audit.action'), action), field(t('audit.subject'), subject),
  field(t('audit.fromDate'), from), field(t('audit.toDate'), to), h('button', { type: 'submit' }, t('audit.show')),
  h('a', { href: '#/audit', role: 'button', class: 'secondary outline' }, t('audit.clear')));
  const search = { actor: q.get('actor'), action: q.get('action'), subject: q.get('subject'),
    from: q.get('from') ? `${q.get('from')}T00:00:00+07:00` : null,
    to: q.get('to') ? `${nextDay(q.get('to'))}T00:00:00+07:00` : null, limit: PAGE };
  return { form, search };
}

export default {
  route: 'audit',
  nav: 'nav.audit',
  allowed: (user) => user.can('read-audit'),
  async render(view, ctx) {
    view.append(heading(t('audit.title')), h('p', {}, t('audit.intro')));
    const { form, search } = filters(ctx);
    const box = h('div', {});
    const status = h('p', { role: 'status' });
    const more = h('button', { type: 'button', class: 'secondary' }, t('audit.older'));
    const newest = h('button', { type: 'button', class: 'secondary outline' }, t('audit.newest'));
    view.append(form, status, box, h('div', { class: 'toolbar pager' }, newest, more));
    const seen = [];
    async function page(before) {
      try {
        const entries = (await api.get(`/audit${api.query({ ...search, before })}`)).entries;
        seen.push(entries.length);
        const first = seen.slice(0, -1).reduce((a, b) => a + b, 0);
        box.replaceChildren(table([
          { label: t('common.time'), cell: (e) => dateTime(e.at) },
          { label: t('audit.actor'), cell: (e) => v(e.actor) },
          { label: t('audit.action'), cell: (e) => actionText(e.action) },
          { label: t('audit.subject'), cell: (e) => v(e.subject || '') },
          { label: t('audit.detail'), cell: (e) => (e.detail ? v(JSON.stringify(e.detail), 'code',
            { class: 'audit-detail' }) : '') },
        ], entries, t('audit.empty'), { class: 'striped audit' }, (e) => ({ dataset: { seq: e.seq, action: e.action } })));
        status.replaceChildren(entries.length ? t('audit.shown', { first: first + 1, last: first + entries.length }) : '');
        more.hidden = entries.length < PAGE;
        more.onclick = () => page(entries[entries.length - 1].seq);
        newest.hidden = before === undefined;
      } catch (error) {
        box.replaceChildren(alertBox(error));
      }
    }
    newest.onclick = () => {
      seen.length = 0;
      page(undefined);
    };
    await page(undefined);
    return null;
  },
};
