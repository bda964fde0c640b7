// Sentences that carry API data (a title, an id): the data parts are marked data-value (never
// translated), the rest comes from the dictionary; and toasts marked with the language they were
// written in, so that a switch of language while one is showing leaves no wrong-language text.
import { h, v, toast } from '../dom.js';
import { t, lang } from '../i18n.js';

/** t(key) with {name} placeholders filled by nodes or data (strings/numbers shown as data). */
export function sentence(key, values) {
  const marker = '\u2063';
  const names = Object.keys(values);
  const text = t(key, Object.fromEntries(names.map((name, i) => [name, `${marker}${i}${marker}`])));
  return text.split(marker).map((part, i) => {
    if (i % 2 === 0) {
      return part;
    }
    const value = values[names[Number(part)]];
    return value instanceof Node ? value : v(value);
  });
}

/** A toast in the current language: say('bulletins.approved', {title}) or say(node, 'error'). */
export function say(keyOrNode, values = {}, kind = 'ok') {
  const content = typeof keyOrNode === 'string' ? sentence(keyOrNode, values) : keyOrNode;
  toast(h('span', { lang: lang() }, content), kind);
}
