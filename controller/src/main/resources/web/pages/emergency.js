// Not built yet (issue 8): a heading only, until the page lands.
import { heading } from '../dom.js';
import { t } from '../i18n.js';

export const strings = { vi: {}, en: {} };

export default {
  route: 'emergency',
  nav: 'nav.emergency',
  allowed: (user) => user.can('run-emergencies'),
  async render(view) {
    view.append(heading(t('nav.emergency')));
    return null;
  },
};
