// Modal dialogs for the emergency and users pages (the browser's <dialog>, styled by Pico): a
// confirmation with a body of nodes and big buttons, and a small form. Focus moves into them,
// Escape cancels.
import { h } from '../dom.js';

/**
 * Shows {title, body (nodes), confirm (label), cancel (label), danger (red confirm)} and
 * resolves with true (confirmed) or false (cancelled, Escape).
 */
export function confirmDialog({ title, body, confirm, cancel, danger = false }) {
  return new Promise((resolve) => {
    let answer = false;
    const titleId = `dlg-${Math.random().toString(36).slice(2, 9)}`;
    const no = h('button', { type: 'button', class: 'secondary', onclick: () => dialog.close() }, cancel);
    const yes = h('button', { type: 'button', class: danger ? 'danger big' : 'big', onclick: () => {
      answer = true;
      dialog.close();
    } }, confirm);
    const dialog = h('dialog', { 'aria-labelledby': titleId, class: 'confirm-dialog' },
      h('article', {}, h('h2', { id: titleId }, title), body, h('footer', {}, no, yes)));
    dialog.addEventListener('close', () => {
      dialog.remove();
      resolve(answer);
    });
    document.body.append(dialog);
    dialog.showModal();
    no.focus();
  });
}

/**
 * A modal form: {title, body (nodes: the fields), confirm, cancel, submit: async () => answer}.
 * Stays open while submit fails (its error shown in the dialog); resolves with submit's answer,
 * or null when cancelled.
 */
export function formDialog({ title, body, confirm, cancel, submit, problem }) {
  return new Promise((resolve) => {
    let answer = null;
    const titleId = `dlg-${Math.random().toString(36).slice(2, 9)}`;
    const message = h('div', {});
    const no = h('button', { type: 'button', class: 'secondary', onclick: () => dialog.close() }, cancel);
    const yes = h('button', { type: 'submit' }, confirm);
    const form = h('form', { method: 'dialog' }, h('h2', { id: titleId }, title), body, message,
      h('footer', {}, no, yes));
    form.addEventListener('submit', async (event) => {
      event.preventDefault();
      message.replaceChildren();
      yes.setAttribute('aria-busy', 'true');
      try {
        answer = await submit();
        dialog.close();
      } catch (error) {
        message.append(problem(error));
      } finally {
        yes.removeAttribute('aria-busy');
      }
    });
    const dialog = h('dialog', { 'aria-labelledby': titleId, class: 'confirm-dialog' }, h('article', {}, form));
    dialog.addEventListener('close', () => {
      dialog.remove();
      resolve(answer);
    });
    document.body.append(dialog);
    dialog.showModal();
    (form.querySelector('input, select') || no).focus();
  });
}
