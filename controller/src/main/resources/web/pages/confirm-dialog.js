// A confirmation asked in the page, never with window.confirm: the bulletins' and schedules' short
// form of modal.js's dialog (a sentence, Cancel, and a red confirming button).
import { h } from '../dom.js';
import { t } from '../i18n.js';
import { confirmDialog as modalConfirm } from './modal.js';

/** Resolves true when the person confirms, false when they cancel or press Escape. */
export function confirmDialog(title, message, confirmLabel) {
  return modalConfirm({ title, body: h('p', {}, message), confirm: confirmLabel, cancel: t('common.cancel'),
    danger: true });
}
