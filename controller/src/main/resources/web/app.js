// The console's shell: session, menu, language, live connection and the hash router.
//
// Each page is a module under pages/ exporting `strings` ({vi: {...}, en: {...}}) and a default
// object {route, nav, allowed(user), render(view, ctx)}: `route` is the first segment of the
// hash (#/stations/demo-01 → route 'stations', params ['demo-01']), `nav` the menu label's key
// (null: not in the menu), `allowed` whether the user's permissions open it, and `render` fills
// `view` and may return a function called when the page is left (to close streams, charts...).
// ctx = {user, params, query (URLSearchParams), navigate(hash), settings}.
import * as api from './api.js';
import * as live from './live.js';
import { h, clear, heading, toast, alertBox } from './dom.js';
import { t, lang, setLang, register, missing } from './i18n.js';
import { strings } from './strings.js';
import * as login from './pages/login.js';
import * as overview from './pages/overview.js';
import * as stations from './pages/stations.js';
import * as bulletins from './pages/bulletins.js';
import * as schedules from './pages/schedules.js';
import * as broadcasts from './pages/broadcasts.js';
import * as emergency from './pages/emergency.js';
import * as alerts from './pages/alerts.js';
import * as reports from './pages/reports.js';
import * as users from './pages/users.js';
import * as audit from './pages/audit.js';

const modules = [overview, stations, bulletins, schedules, broadcasts, emergency, alerts, reports, users, audit];
register(strings);
modules.forEach((module) => register(module.strings));
register(login.strings);
const pages = modules.map((module) => module.default);

const view = document.getElementById('view');
let user = null;
let settings = {};
let leave = null;

/** The logged-in user as the pages see it: the API's user plus can(permission). */
function person(me) {
  const permissions = new Set(me.permissions || []);
  return { ...me, can: (permission) => permissions.has(permission),
    onlyOperator: me.roles.length > 0 && me.roles.every((role) => role.role === 'operator') };
}

function home() {
  return user.onlyOperator ? '#/emergency' : '#/overview';
}

function parse() {
  const hash = location.hash.replace(/^#\/?/, '');
  const [path, search] = hash.split('?');
  const segments = path.split('/').filter((s) => s.length > 0).map(decodeURIComponent);
  return { route: segments[0] || '', params: segments.slice(1), query: new URLSearchParams(search || '') };
}

export function navigate(hash) {
  if (location.hash === hash) {
    show();
  } else {
    location.hash = hash;
  }
}

function shell() {
  document.title = t('app.title');
  document.getElementById('skip').textContent = t('app.skip');
  const langButton = document.getElementById('lang');
  langButton.textContent = t('app.language');
  langButton.setAttribute('lang', lang() === 'vi' ? 'en' : 'vi');
  langButton.setAttribute('aria-label', t('app.languageLabel'));
  const logout = document.getElementById('logout');
  logout.textContent = t('app.logout');
  logout.hidden = !user;
  document.getElementById('whoami').textContent = user ? user.username : '';
  const toggle = document.getElementById('menu-toggle');
  toggle.setAttribute('aria-label', t('app.menu'));
  toggle.hidden = !user;
  const nav = clear(document.getElementById('nav'));
  nav.setAttribute('aria-label', t('app.menu'));
  if (user) {
    const current = parse().route;
    nav.append(h('ul', {}, pages.filter((page) => page.nav && page.allowed(user)).map((page) =>
      h('li', {}, h('a', { href: `#/${page.route}`, 'aria-current': page.route === current ? 'page' : null,
        onclick: () => closeMenu() }, t(page.nav))))));
  }
}

function closeMenu() {
  document.getElementById('bar').classList.remove('menu-open');
  document.getElementById('menu-toggle').setAttribute('aria-expanded', 'false');
}

let shown = 0;

function cleanUp(cleanup) {
  try {
    if (typeof cleanup === 'function') {
      cleanup();
    }
  } catch (ignored) {
    // a page that fails to clean up must not keep the next one from showing
  }
}

/**
 * Shows the page of the current hash. Each showing gets its own container: a page still loading
 * when the user moves on writes into a container no longer on screen, and its cleanup runs as soon
 * as its render ends.
 */
async function show() {
  const showing = ++shown;
  cleanUp(leave);
  leave = null;
  shell();
  paintLive(live.state());
  const container = h('div', { class: 'page' });
  clear(view).append(container);
  let cleanup = null;
  try {
    cleanup = await render(container);
  } catch (error) {
    container.replaceChildren(heading(t('app.failed')), alertBox(error));
    if (!(error instanceof api.ApiError)) {
      console.error('The page could not be shown:', error); // a fault of the console itself: for its developers
    }
  }
  if (showing !== shown) {
    cleanUp(cleanup);
    return;
  }
  leave = cleanup;
  container.querySelector('.loading')?.remove();
  const title = container.querySelector('.page-title');
  if (title) {
    document.title = `${title.textContent} – Loa`;
    title.focus({ preventScroll: true });
  }
}

async function render(container) {
  if (!user) {
    return login.default.render(container, { loggedIn });
  }
  const { route, params, query } = parse();
  if (route === '' || route === 'login') {
    navigate(home());
    return null;
  }
  const page = pages.find((candidate) => candidate.route === route);
  if (!page) {
    container.append(heading(t('app.notFound')));
    return null;
  }
  if (!page.allowed(user)) {
    container.append(heading(t('app.notAllowed')));
    return null;
  }
  container.append(h('p', { class: 'loading', 'aria-busy': 'true' }, t('app.loading')));
  return page.render(container, { user, params, query, navigate, settings });
}

async function loggedIn(answer) {
  api.keepSession(answer);
  await start(answer.user);
  navigate(home());
}

async function start(me) {
  user = person(me);
  try {
    settings = await api.get('/console/settings');
  } catch (ignored) {
    settings = {};
  }
  live.connect();
}

function ended(message) {
  user = null;
  live.disconnect();
  if (message) {
    toast(message, 'error');
  }
  show();
}

async function logout() {
  try {
    await api.post('/auth/logout');
  } catch (ignored) {
    // the token may have expired already: the session ends here either way
  }
  api.dropSession();
  ended(null);
  location.hash = '#/';
}

function paintLive(state) {
  const indicator = document.getElementById('live');
  indicator.hidden = !user;
  indicator.dataset.state = state;
  indicator.textContent = t(`app.live.${state}`);
}

async function boot() {
  setLang(lang());
  window.loa = { missingStrings: missing, lang };
  api.whenUnauthorized(() => ended(t('app.sessionEnded')));
  document.getElementById('lang').addEventListener('click', () => {
    setLang(lang() === 'vi' ? 'en' : 'vi');
    clear(document.getElementById('toasts'));
    show();
  });
  document.getElementById('logout').addEventListener('click', logout);
  document.getElementById('menu-toggle').addEventListener('click', (event) => {
    const open = document.getElementById('bar').classList.toggle('menu-open');
    event.currentTarget.setAttribute('aria-expanded', String(open));
  });
  window.addEventListener('hashchange', show);
  if (api.session()) {
    try {
      await start(await api.get('/auth/me'));
    } catch (ignored) {
      api.dropSession();
      user = null;
    }
  }
  live.onState(paintLive);
  await show();
  document.body.dataset.ready = 'true';
}

boot();
