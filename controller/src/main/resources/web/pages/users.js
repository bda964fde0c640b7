// Accounts and their roles, for administrators: the list, a new account, disable and enable,
// a new password, the roles replaced. Every change is the API's (and audited there).
import * as api from '../api.js';
import { h, v, heading, alertBox, table, field, badge, dateTime, toast } from '../dom.js';
import { t } from '../i18n.js';
import { areaTree } from './area-tree.js';
import { confirmDialog, formDialog } from './modal.js';
import { roleText, rolesEditor } from './users-roles.js';

export const strings = {
  vi: {
    'users.title': 'Người dùng và vai trò',
    'users.intro': 'Mỗi vai trò có hiệu lực ở một địa bàn và mọi địa bàn cấp dưới.',
    'users.list': 'Tài khoản',
    'users.create': 'Tạo tài khoản',
    'users.username': 'Tên đăng nhập',
    'users.displayName': 'Họ và tên',
    'users.password': 'Mật khẩu',
    'users.passwordHint': 'Ít nhất 10 ký tự, không chứa tên đăng nhập.',
    'users.roles': 'Vai trò',
    'users.roleField': 'Vai trò',
    'users.chooseArea': '— Chọn địa bàn —',
    'users.addRole': 'Thêm vai trò',
    'users.removeRole': 'Bỏ vai trò này',
    'users.noRoles': 'Chưa có vai trò',
    'users.created': 'Đã tạo tài khoản {username}.',
    'users.state': 'Tình trạng',
    'users.active': 'Đang dùng',
    'users.disabled': 'Đã vô hiệu hoá',
    'users.locked': 'Tạm khoá đến {time}',
    'users.createdAt': 'Ngày tạo',
    'users.disable': 'Vô hiệu hoá',
    'users.enable': 'Cho dùng lại',
    'users.resetPassword': 'Đặt lại mật khẩu',
    'users.editRoles': 'Sửa vai trò',
    'users.disableTitle': 'Vô hiệu hoá tài khoản {username}?',
    'users.disableIntro': 'Người này bị đăng xuất ngay và không đăng nhập được nữa cho tới khi được cho dùng lại.',
    'users.disabledDone': 'Đã vô hiệu hoá {username}.',
    'users.enabledDone': 'Đã cho {username} dùng lại.',
    'users.passwordTitle': 'Mật khẩu mới cho {username}',
    'users.newPassword': 'Mật khẩu mới',
    'users.passwordDone': 'Đã đặt mật khẩu mới cho {username}; các phiên đăng nhập cũ đã kết thúc.',
    'users.rolesTitle': 'Vai trò của {username}',
    'users.rolesDone': 'Đã lưu vai trò của {username}.',
    'users.actionsFor': 'Thao tác với {username}',
    'users.role.admin': 'Quản trị viên',
    'users.role.scheduler': 'Cán bộ lập lịch phát',
    'users.role.approver': 'Người duyệt bản tin',
    'users.role.technician': 'Kỹ thuật viên',
    'users.role.operator': 'Cán bộ vận hành xã',
  },
  en: {
    'users.title': 'Users and roles',
    'users.intro': 'Each role holds in an area and every area below it.',
    'users.list': 'Accounts',
    'users.create': 'New account',
    'users.username': 'Username',
    'users.displayName': 'Full name',
    'users.password': 'Password',
    'users.passwordHint': 'At least 10 characters, without the username.',
    'users.roles': 'Roles',
    'users.roleField': 'Role',
    'users.chooseArea': '— Choose an area —',
    'users.addRole': 'Add a role',
    'users.removeRole': 'Remove this role',
    'users.noRoles': 'No role yet',
    'users.created': 'Account {username} created.',
    'users.state': 'State',
    'users.active': 'Active',
    'users.disabled': 'Disabled',
    'users.locked': 'Locked until {time}',
    'users.createdAt': 'Created',
    'users.disable': 'Disable',
    'users.enable': 'Enable',
    'users.resetPassword': 'Reset password',
    'users.editRoles': 'Edit roles',
    'users.disableTitle': 'Disable the account {username}?',
    'users.disableIntro': 'They are logged out at once and cannot log in until the account is enabled again.',
    'users.disabledDone': '{username} is disabled.',
    'users.enabledDone': '{username} is enabled again.',
    'users.passwordTitle': 'New password for {username}',
    'users.newPassword': 'New password',
    'users.passwordDone': 'New password set for {username}; their sessions have ended.',
    'users.rolesTitle': 'Roles of {username}',
    'users.rolesDone': 'Roles of {username} saved.',
    'users.actionsFor': 'Actions for {username}',
    'users.role.admin': 'Administrator',
    'users.role.scheduler': 'Scheduler',
    'users.role.approver': 'Approver',
    'users.role.technician': 'Technician',
    'users.role.operator': 'Commune operator',
  },
};

function stateOf(user) {
  if (user.disabled) {
    return badge('offline', t('users.disabled'));
  }
  if (user.lockedUntil && Date.parse(user.lockedUntil) > Date.now()) {
    return badge('faulty', t('users.locked', { time: dateTime(user.lockedUntil) }));
  }
  return badge('online', t('users.active'));
}

function createForm(tree, onCreated) {
  const username = h('input', { name: 'username', autocomplete: 'off', required: true, maxlength: '64' });
  const displayName = h('input', { name: 'displayName', autocomplete: 'off', maxlength: '200' });
  const password = h('input', { name: 'new-password', type: 'password', autocomplete: 'new-password', required: true });
  const roles = rolesEditor(tree, [{ role: 'operator' }]);
  const message = h('div', {});
  const submit = h('button', { type: 'submit' }, t('users.create'));
  const form = h('form', { class: 'user-create' }, h('div', { class: 'grid' }, field(t('users.username'), username),
    field(t('users.displayName'), displayName)), field(t('users.password'), password, t('users.passwordHint')),
  roles.element, message, submit);
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    message.replaceChildren();
    submit.setAttribute('aria-busy', 'true');
    try {
      const created = await api.post('/users', { username: username.value.trim(), password: password.value,
        displayName: displayName.value.trim() || undefined, roles: roles.read() });
      toast(t('users.created', { username: created.username }));
      form.reset();
      await onCreated(created);
    } catch (error) {
      message.append(alertBox(error));
    } finally {
      submit.removeAttribute('aria-busy');
    }
  });
  return form;
}

function actions(user, tree, me, reload) {
  const name = user.username;
  const done = async (key) => {
    toast(t(key, { username: name }));
    await reload();
  };
  const disable = async () => {
    if (await confirmDialog({ title: t('users.disableTitle', { username: name }), body: h('p', {}, t('users.disableIntro')),
      confirm: t('users.disable'), cancel: t('common.cancel'), danger: true })) {
      await api.post(`/users/${user.id}/disable`).then(() => done('users.disabledDone'), (error) => toast(
        `${t('error.failed')} ${error.message}`, 'error'));
    }
  };
  const enable = () => api.post(`/users/${user.id}/enable`).then(() => done('users.enabledDone'),
    (error) => toast(`${t('error.failed')} ${error.message}`, 'error'));
  const password = async () => {
    const input = h('input', { type: 'password', autocomplete: 'new-password', required: true });
    const answer = await formDialog({ title: t('users.passwordTitle', { username: name }),
      body: field(t('users.newPassword'), input, t('users.passwordHint')), confirm: t('common.save'),
      cancel: t('common.cancel'), problem: alertBox,
      submit: () => api.post(`/users/${user.id}/password`, { password: input.value }) });
    if (answer) {
      await done('users.passwordDone');
    }
  };
  const roles = async () => {
    const editor = rolesEditor(tree, user.roles);
    const answer = await formDialog({ title: t('users.rolesTitle', { username: name }), body: editor.element,
      confirm: t('common.save'), cancel: t('common.cancel'), problem: alertBox,
      submit: () => api.put(`/users/${user.id}/roles`, { roles: editor.read() }) });
    if (answer) {
      await done('users.rolesDone');
    }
  };
  return h('div', { class: 'row-actions', role: 'group', 'aria-label': t('users.actionsFor', { username: name }) },
    user.id === me.id ? null : user.disabled
      ? h('button', { type: 'button', class: 'small', onclick: enable }, t('users.enable'))
      : h('button', { type: 'button', class: 'small secondary', onclick: disable }, t('users.disable')),
    h('button', { type: 'button', class: 'small secondary outline', onclick: password }, t('users.resetPassword')),
    h('button', { type: 'button', class: 'small secondary outline', onclick: roles }, t('users.editRoles')));
}

export default {
  route: 'users',
  nav: 'nav.users',
  allowed: (user) => user.can('manage-users'),
  async render(view, ctx) {
    view.append(heading(t('users.title')), h('p', {}, t('users.intro')));
    let tree;
    try {
      tree = areaTree((await api.get('/areas')).areas);
    } catch (error) {
      view.append(alertBox(error));
      return null;
    }
    const listBox = h('div', {});
    async function reload() {
      try {
        const users = (await api.get('/users')).users;
        listBox.replaceChildren(table([
          { label: t('users.username'), cell: (u) => [v(u.username, 'strong'), u.displayName
            ? [h('br'), v(u.displayName, 'small')] : null] },
          { label: t('users.roles'), cell: (u) => (u.roles.length === 0 ? t('users.noRoles')
            : h('ul', { class: 'plain' }, u.roles.map((role) => h('li', {}, roleText(role, tree))))) },
          { label: t('users.state'), cell: stateOf },
          { label: t('users.createdAt'), cell: (u) => dateTime(u.createdAt) },
          { label: t('common.actions'), cell: (u) => actions(u, tree, ctx.user, reload) },
        ], users, t('common.empty'), { class: 'striped users' }, (u) => ({ dataset: { user: u.username } })));
      } catch (error) {
        listBox.replaceChildren(alertBox(error));
      }
    }
    await reload();
    view.append(h('h2', {}, t('users.list')), listBox,
      h('article', { class: 'user-card' }, h('h2', {}, t('users.create')), createForm(tree, reload)));
    return null;
  },
};
