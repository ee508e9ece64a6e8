'use strict';

// The edit view's panel asks here for the latest publish check of the page it shows: the check
// itself runs in the document-service middleware (src/lib/publish-check.js), which keeps its
// results in strapi.handbookCheckResults.
const PAGE = 'api::page.page';
const DOCUMENT_ID = /^[A-Za-z0-9_-]{1,64}$/;
const LOCALE = /^[a-z]{2}(-[A-Za-z]{2,4})?$/;

module.exports = {
  controllers: {
    results: ({ strapi }) => ({
      /** GET /publish-check/results/:documentId?locale=da: { data: result or null }. */
      async findOne(ctx) {
        const ability = ctx.state.userAbility;
        if (!ability || !ability.can('plugin::content-manager.explorer.read', PAGE)) {
          return ctx.forbidden('You may not read the pages.');
        }
        const { documentId } = ctx.params;
        const defaultLocale = await strapi.plugin('i18n').service('locales').getDefaultLocale();
        const locale = typeof ctx.query.locale === 'string' && LOCALE.test(ctx.query.locale) ? ctx.query.locale : defaultLocale;
        if (!DOCUMENT_ID.test(documentId || '')) return ctx.badRequest('Not a document id.');
        const results = strapi.handbookCheckResults;
        ctx.set('Cache-Control', 'no-store');
        ctx.body = {
          data: results ? await results.get(documentId, locale) : null,
          enabled: Boolean(process.env.PREVIEW_URL && process.env.PREVIEW_SECRET),
        };
      },
    }),
  },

  routes: {
    admin: {
      type: 'admin',
      routes: [
        {
          method: 'GET',
          path: '/results/:documentId',
          handler: 'results.findOne',
          config: { policies: ['admin::isAuthenticatedAdmin'] },
        },
      ],
    },
  },
};
