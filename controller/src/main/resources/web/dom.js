// Small DOM helpers for the pages: no framework, elements built in code (never from HTML strings,
// so text from the API can never become markup).
import { t, locale } from './i18n.js';

export const ZONE = 'Asia/Ho_Chi_Minh';

/**
 * An element: h('button', {type: 'button', onclick: fn}, t('save')). Attributes starting with
 * "on" become listeners; `dataset`, `style` objects are merged; children may be strings, nodes,
 * arrays or null.
 */
export function h(tag, attributes = {}, ...children) {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes || {})) {
    if (value === undefined || value === null || value === false) {
      continue;
    }
    if (name.startsWith('on') && typeof value === 'function') {
      element.addEventListener(name.substring(2), value);
    } else if (name === 'dataset' || name === 'style') {
      Object.assign(element[name], value);
    } else if (name === 'class') {
      element.className = value;
    } else if (value === true) {
      element.setAttribute(name, '');
    } else {
      element.setAttribute(name, value);
    }
  }
  append(element, children);
  return element;
}

function append(element, children) {
  for (const child of children.flat(Infinity)) {
    if (child === null || child === undefined || child === false) {
      continue;
    }
    element.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
}

/** Data from the API shown as is (a name, an id): marked so that translation checks skip it. */
export function v(text, tag = 'span', attributes = {}) {
  return h(tag, { ...attributes, 'data-value': true }, text === null || text === undefined ? '' : String(text));
}

export function clear(element) {
  element.replaceChildren();
  return element;
}

const formatters = new Map();
function formatter(options) {
  const key = locale() + JSON.stringify(options);
  if (!formatters.has(key)) {
    formatters.set(key, new Intl.DateTimeFormat(locale(), { timeZone: ZONE, ...options }));
  }
  return formatters.get(key);
}

/** An instant (ISO string) as local date and time, e.g. 23/11/2026 07:30. */
export function dateTime(iso) {
  if (!iso) {
    return '';
  }
  return formatter({ day: '2-digit', month: '2-digit', year: 'numeric', hour: '2-digit', minute: '2-digit',
    hourCycle: 'h23' }).format(new Date(iso));
}

export function time(iso) {
  return iso ? formatter({ hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23' })
    .format(new Date(iso)) : '';
}

export function date(iso) {
  return iso ? formatter({ day: '2-digit', month: '2-digit', year: 'numeric' }).format(new Date(iso)) : '';
}

/** A local date (YYYY-MM-DD) for today in Asia/Ho_Chi_Minh, or for an instant. */
export function localDate(instant = new Date()) {
  return new Intl.DateTimeFormat('en-CA', { timeZone: ZONE, year: 'numeric', month: '2-digit', day: '2-digit' })
    .format(instant);
}

/** A duration in seconds as 1:02:03 or 2:03. */
export function duration(seconds) {
  if (seconds === null || seconds === undefined) {
    return '';
  }
  const s = Math.round(seconds);
  const parts = [Math.floor(s / 3600), Math.floor((s % 3600) / 60), s % 60];
  const text = parts.map((p, i) => (i === 0 ? String(p) : String(p).padStart(2, '0')));
  return parts[0] > 0 ? text.join(':') : `${parts[1]}:${String(parts[2]).padStart(2, '0')}`;
}

export function number(value, digits = 0) {
  return value === null || value === undefined ? '' : new Intl.NumberFormat(locale(),
    { maximumFractionDigits: digits }).format(value);
}

/** A status shown with its word as well as its colour (never colour alone). */
export function badge(kind, label) {
  return h('span', { class: `badge badge-${kind}` }, label);
}

/** A short-lived message in the polite live region. kind: ok | error. */
export function toast(message, kind = 'ok') {
  const box = document.getElementById('toasts');
  const item = h('p', { class: `toast toast-${kind}` }, message);
  box.append(item);
  setTimeout(() => item.remove(), kind === 'error' ? 10000 : 5000);
}

/** An API refusal as a sentence: our words for the status, then the controller's message. */
export function problem(error) {
  const known = { 0: 'error.network', 400: 'error.invalid', 403: 'error.forbidden', 404: 'error.notFound',
    409: 'error.conflict', 413: 'error.tooLarge', 415: 'error.unsupported', 422: 'error.undecodable',
    423: 'error.locked', 429: 'error.throttled', 503: 'error.overloaded' };
  const key = known[error.status] || 'error.failed';
  return h('span', {}, t(key), error.message ? [' ', v(`(${error.message})`)] : null);
}

/** A page's error box, with role=alert so screen readers announce it. */
export function alertBox(error) {
  return h('p', { class: 'problem', role: 'alert' }, problem(error));
}

/**
 * A table: columns [{label, cell(row) -> node|string}], rows. Empty rows show `empty`;
 * rowAttributes(row) gives each row's attributes (e.g. a data-station for tests and live updates).
 */
export function table(columns, rows, empty, attributes = {}, rowAttributes = () => ({})) {
  const head = h('thead', {}, h('tr', {}, columns.map((c) => h('th', { scope: 'col' }, c.label))));
  const body = h('tbody', {}, rows.length === 0
    ? h('tr', {}, h('td', { colspan: columns.length }, empty))
    : rows.map((row) => h('tr', rowAttributes(row), columns.map((c) => h('td', {}, c.cell(row))))));
  return h('div', { class: 'table-wrap' }, h('table', { class: 'striped', ...attributes }, head, body));
}

/** A labelled form field: label text, then the input element (given an id for the label). */
export function field(label, input, hint) {
  const id = input.id || `f-${Math.random().toString(36).slice(2, 9)}`;
  input.id = id;
  return h('label', { for: id }, label, input, hint ? h('small', {}, hint) : null);
}

/** A page heading that takes focus after navigation, for keyboard and screen-reader users. */
export function heading(text) {
  return h('h1', { tabindex: '-1', class: 'page-title' }, text);
}
