// Login: the only page without a session.
import * as api from '../api.js';
import { h, field, heading, alertBox } from '../dom.js';
import { t } from '../i18n.js';

export const strings = {
  vi: {
    'login.title': 'Đăng nhập',
    'login.intro': 'Hệ thống quản lý đài truyền thanh cơ sở.',
    'login.username': 'Tên đăng nhập',
    'login.password': 'Mật khẩu',
    'login.submit': 'Đăng nhập',
    'login.wrong': 'Sai tên đăng nhập hoặc mật khẩu.',
  },
  en: {
    'login.title': 'Log in',
    'login.intro': 'Management of commune radio stations.',
    'login.username': 'Username',
    'login.password': 'Password',
    'login.submit': 'Log in',
    'login.wrong': 'Wrong username or password.',
  },
};

export default {
  route: 'login',
  nav: null,
  allowed: () => true,
  async render(view, { loggedIn }) {
    const username = h('input', { name: 'username', autocomplete: 'username', required: true, autofocus: true });
    const password = h('input', { name: 'password', type: 'password', autocomplete: 'current-password',
      required: true });
    const message = h('div', { id: 'login-problem' });
    const submit = h('button', { type: 'submit' }, t('login.submit'));
    const form = h('form', { class: 'login', 'aria-describedby': 'login-problem', async onsubmit(event) {
      event.preventDefault();
      submit.setAttribute('aria-busy', 'true');
      message.replaceChildren();
      try {
        const answer = await api.request('POST', '/auth/login', { username: username.value,
          password: password.value });
        await loggedIn(answer);
      } catch (error) {
        message.append(error.status === 401 ? h('p', { class: 'problem', role: 'alert' }, t('login.wrong'))
          : alertBox(error));
        password.select();
      } finally {
        submit.removeAttribute('aria-busy');
      }
    } }, field(t('login.username'), username), field(t('login.password'), password), message, submit);
    view.append(h('article', { class: 'login-card' }, heading(t('login.title')), h('p', {}, t('login.intro')), form));
    username.focus();
    return null;
  },
};
