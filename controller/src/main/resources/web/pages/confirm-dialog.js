// A confirmation asked in the page (a modal <dialog>), never with window.confirm: it reads the
// console's language, takes keyboard focus and is announced as a dialog.
import { h } from '../dom.js';
import { t } from '../i18n.js';

/** Resolves true when the person confirms, false when they cancel or press Escape. */
export function confirmDialog(title, message, confirmLabel) {
  return new Promise((resolve) => {
    const titleId = `confirm-${Math.random().toString(36).slice(2, 9)}`;
    let answer = false;
    const dialog = h('dialog', { 'aria-labelledby': titleId },
      h('article', {},
        h('h2', { id: titleId }, title),
        h('p', {}, message),
        h('footer', {},
          h('button', { type: 'button', class: 'secondary', onclick: () => dialog.close() }, t('common.cancel')),
          h('button', { type: 'button', class: 'confirm-danger', onclick: () => {
            answer = true;
            dialog.close();
          } }, confirmLabel))));
    dialog.addEventListener('close', () => {
      dialog.remove();
      resolve(answer);
    });
    document.body.append(dialog);
    dialog.showModal();
  });
}
