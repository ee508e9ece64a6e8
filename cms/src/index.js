'use strict';

const { errors } = require('@strapi/utils');
const { createBuildHook, createPost, coreStore } = require('./lib/build-hook');
const { checkBeforePublish, checkResults } = require('./lib/publish-check');
const { PAGE_LABELS, PAGE_VIEWS, SYNONYM_LABELS, BUILD_STATUS_LABELS, BUILD_STATUS_VIEWS, labelFields } = require('./lib/page-labels');

const PAGE = 'api::page.page';

// Content events that change what the published site shows.
const SITE_EVENTS = new Set(['entry.publish', 'entry.unpublish', 'entry.delete']);

module.exports = {
  register({ strapi }) {
    strapi.documents.use(rejectDuplicateSlugs(strapi));
    // Publishing asks the preview service to build the handbook with this page (lib/publish-check.js);
    // the latest result of each page is shown in its edit view (plugins/publish-check).
    strapi.handbookCheckResults = checkResults();
    strapi.documents.use(checkBeforePublish(strapi, {
      url: process.env.PREVIEW_URL,
      secret: process.env.PREVIEW_SECRET,
      ValidationError: errors.ValidationError,
      results: strapi.handbookCheckResults,
    }));
  },

  async bootstrap({ strapi }) {
    await ensureLocales(strapi);
    await lockPublicRole(strapi);
    await labelFields(strapi, PAGE, PAGE_LABELS, PAGE_VIEWS);
    await labelFields(strapi, 'api::search-synonym.search-synonym', SYNONYM_LABELS);
    await labelFields(strapi, 'api::build-status.build-status', BUILD_STATUS_LABELS, BUILD_STATUS_VIEWS);
    await watchForBuilds(strapi);
  },

  destroy({ strapi }) {
    if (strapi.handbookBuildHook) strapi.handbookBuildHook.cancel();
  },
};

/**
 * A slug is a page's URL within the handbook, so two pages may not share one. The build checks
 * this too, but telling the editor when saving is kinder than a failed build later.
 */
function rejectDuplicateSlugs(strapi) {
  return async (context, next) => {
    const slug = context.params && context.params.data && context.params.data.slug;
    if (context.uid !== PAGE || !['create', 'update'].includes(context.action) || !slug) return next();
    const where = { slug };
    if (context.params.documentId) where.documentId = { $ne: context.params.documentId };
    // The page in the language being saved if there is one, so the message names it in that language;
    // ordered, because PostgreSQL (unlike SQLite) returns rows in no particular order.
    const find = (extra) => strapi.db.query(PAGE).findOne({
      where: { ...where, ...extra }, select: ['documentId', 'section', 'title'], orderBy: { id: 'asc' },
    });
    const locale = context.params.locale;
    const other = (locale && await find({ locale })) || await find({});
    if (other) {
      throw new errors.ValidationError(
        `The slug '${slug}' is already used by the page '${other.title}' in section '${other.section}'. Choose another slug.`,
      );
    }
    return next();
  };
}

/** Danish is the default locale, English the second one, named in Danish as the admin shows them. */
const LOCALE_NAMES = { da: 'Dansk (da)', en: 'Engelsk (en)' };
// The names this CMS gave them before; a locale still so named is renamed.
const ENGLISH_NAMES = { da: 'Danish (da)', en: 'English (en)' };

async function ensureLocales(strapi) {
  const locales = strapi.plugin('i18n').service('locales');
  const existing = await locales.find();
  for (const [code, name] of Object.entries(LOCALE_NAMES)) {
    const locale = existing.find((l) => l.code === code);
    if (!locale) await locales.create({ code, name });
    else if (locale.name === ENGLISH_NAMES[code]) await locales.update({ code }, { name });
  }
  const current = await locales.getDefaultLocale();
  if (current !== 'da') await locales.setDefaultLocale({ code: 'da' });
}

/**
 * Nothing is readable without a token: with Draft & Publish, anyone with `find` can ask for
 * drafts (`status=draft`), so the Public role must stay empty. Permissions someone added in
 * the admin panel are removed again on every start.
 */
async function lockPublicRole(strapi) {
  const role = await strapi.db.query('plugin::users-permissions.role').findOne({ where: { type: 'public' } });
  if (!role) return;
  const removed = await strapi.db
    .query('plugin::users-permissions.permission')
    .deleteMany({ where: { role: { id: role.id } } });
  if (removed && removed.count > 0) {
    strapi.log.warn(`[permissions] removed ${removed.count} permission(s) from the Public role; read the API with a token.`);
  }
}

/**
 * Publish, unpublish and delete request a site build (debounced, see lib/build-hook.js). A build
 * that was owed when the CMS stopped is kept in the core store and requested after the restart.
 */
async function watchForBuilds(strapi) {
  const url = process.env.BUILD_HOOK_URL;
  if (!url) {
    strapi.log.info('[build-hook] BUILD_HOOK_URL is not set: publishing does not trigger a site build.');
    return;
  }
  const quietMs = envInt('BUILD_HOOK_DEBOUNCE_MS', 120000);
  const maxWaitMs = envInt('BUILD_HOOK_MAX_WAIT_MS', 600000);
  const attempts = envInt('BUILD_HOOK_ATTEMPTS', 5);
  const retryMs = envInt('BUILD_HOOK_RETRY_MS', 5000);
  let post;
  try {
    post = createPost({ token: process.env.BUILD_HOOK_TOKEN || '', body: process.env.BUILD_HOOK_BODY || '{}' });
  } catch (err) {
    throw new Error(`BUILD_HOOK_BODY is not JSON (${err.message}); e.g. {"ref":"main"} for a workflow's dispatch endpoint.`);
  }
  const hook = createBuildHook({ url, quietMs, maxWaitMs, attempts, retryMs, post, log: strapi.log, store: coreStore(strapi) });
  strapi.handbookBuildHook = hook;
  await hook.resume();
  strapi.eventHub.subscribe((event) => {
    if (SITE_EVENTS.has(event)) hook.notify();
  });
  // The URL itself is a secret (anyone holding it can trigger deploys): never log it.
  strapi.log.info(`[build-hook] enabled; a site build is requested ${Math.round(quietMs / 1000)} s after the last `
    + `publish/unpublish/delete (up to ${attempts} attempt(s) when the hook fails).`);
}

function envInt(name, fallback) {
  const value = Number.parseInt(process.env[name] || '', 10);
  return Number.isFinite(value) && value >= 0 ? value : fallback;
}
