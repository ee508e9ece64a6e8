import da from './translations/da.js';

// The admin speaks Danish: Danish is the default for everyone who has not chosen a language
// (Strapi would otherwise start in English); English stays available in the profile.
const LANGUAGE_KEY = 'strapi-admin-language';
// Strapi's guided tour teaches developers to build content types and API tokens, in English:
// off for the committee secretaries who use this admin (it can be restarted from the home page).
const TOUR_KEY = 'STRAPI_GUIDED_TOUR';

export default {
  config: {
    locales: ['da'],
    translations: { da },
    tutorials: false,
    notifications: { releases: false },
  },
  bootstrap() {
    try {
      const storage = window.localStorage;
      if (!storage.getItem(LANGUAGE_KEY)) storage.setItem(LANGUAGE_KEY, 'da');
      if (!storage.getItem(TOUR_KEY)) storage.setItem(TOUR_KEY, JSON.stringify({ enabled: false, hidden: false, completedActions: [] }));
    } catch (e) {
      // No storage (private mode): Strapi falls back to its defaults.
    }
  },
};
