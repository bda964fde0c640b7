// Not built yet (issue 8): a heading only, until the page lands.
import { heading } from '../dom.js';
import { t } from '../i18n.js';

export const strings = { vi: {}, en: {} };

export default {
  route: 'users',
  nav: 'nav.users',
  allowed: (user) => user.can('manage-users'),
  async render(view) {
    view.append(heading(t('nav.users')));
    return null;
  },
};
