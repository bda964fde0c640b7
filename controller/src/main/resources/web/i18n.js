// The console's two languages: Vietnamese first, English one click away. Every string shown to
// people comes from a dictionary here, registered by the shell (strings.js) and by each page.
// Data from the API (names, ids, titles) is not translated: it is marked data-value in the DOM.

const dictionaries = { vi: {}, en: {} };
const STORAGE_KEY = 'loa.lang';
let language = localStorage.getItem(STORAGE_KEY) === 'en' ? 'en' : 'vi';

export function register(strings) {
  for (const lang of ['vi', 'en']) {
    Object.assign(dictionaries[lang], strings[lang] || {});
  }
}

export function lang() {
  return language;
}

export function setLang(next) {
  language = next === 'en' ? 'en' : 'vi';
  localStorage.setItem(STORAGE_KEY, language);
  document.documentElement.lang = language;
}

/** The string for a key in the current language, with {name} placeholders filled in. */
export function t(key, params = {}) {
  const text = dictionaries[language][key] ?? dictionaries.vi[key];
  if (text === undefined) {
    console.error(`loa: no string '${key}'`);
    return key;
  }
  return text.replace(/\{(\w+)\}/g, (whole, name) => (name in params ? String(params[name]) : whole));
}

/** Keys present in one language and missing in the other (the browser tests check it is empty). */
export function missing() {
  const vi = Object.keys(dictionaries.vi);
  const en = Object.keys(dictionaries.en);
  return [...vi.filter((k) => !(k in dictionaries.en)), ...en.filter((k) => !(k in dictionaries.vi))];
}

/** The locale for numbers and dates. */
export function locale() {
  return language === 'vi' ? 'vi-VN' : 'en-GB';
}
