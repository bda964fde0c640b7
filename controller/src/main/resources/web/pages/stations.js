// Not built yet (issue 8): a heading only, until the page lands.
import { heading } from '../dom.js';
import { t } from '../i18n.js';

export const strings = { vi: {}, en: {} };

export default {
  route: 'stations',
  nav: 'nav.stations',
  allowed: (user) => user.can('read-stations'),
  async render(view) {
    view.append(heading(t('nav.stations')));
    return null;
  },
};
