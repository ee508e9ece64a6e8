import da from './translations/da.js';

// The admin speaks Danish: Danish is the default for everyone who has not chosen a language
// (Strapi would otherwise start in English), English stays available under the profile.
const LANGUAGE_KEY = 'strapi-admin-language';

export default {
  config: {
    locales: ['da'],
    translations: { da },
    tutorials: false,
    notifications: { releases: false },
  },
  bootstrap() {
    try {
      if (!window.localStorage.getItem(LANGUAGE_KEY)) window.localStorage.setItem(LANGUAGE_KEY, 'da');
    } catch (e) {
      // No storage (private mode): Strapi falls back to English.
    }
  },
};
