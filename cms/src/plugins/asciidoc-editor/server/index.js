'use strict';

const { linkTargets } = require('./link-targets');

const PLUGIN = 'asciidoc-editor';
const FIELD = 'asciidoc';
// The handbook's pages: the link dialog lists them and their section anchors.
const PAGE = 'api::page.page';

module.exports = {
  register({ strapi }) {
    strapi.customFields.register({
      name: FIELD,
      plugin: PLUGIN,
      type: 'text',
      // Always the full width of the edit form: the editor and its preview sit side by side.
      inputSize: { default: 12, isResizable: false },
    });
  },

  controllers: {
    editor: ({ strapi }) => ({
      /** GET /asciidoc-editor/link-targets?locale=da: the pages an editor can link to, with their anchors. */
      async linkTargets(ctx) {
        const ability = ctx.state.userAbility;
        if (!ability || !ability.can('plugin::content-manager.explorer.read', PAGE)) {
          return ctx.forbidden('You may not read the pages.');
        }
        const defaultLocale = await strapi.plugin('i18n').service('locales').getDefaultLocale();
        const requested = typeof ctx.query.locale === 'string' ? ctx.query.locale : defaultLocale;
        const locale = /^[a-z]{2}(-[A-Za-z]{2,4})?$/.test(requested) ? requested : defaultLocale;
        // Published pages only: a link to a page that is not on the site fails the build.
        const pages = await strapi.documents(PAGE).findMany({
          locale,
          status: 'published',
          fields: ['title', 'section', 'slug', 'sortOrder', 'body'],
        });
        ctx.body = { data: linkTargets(pages, { prefix: locale === defaultLocale ? '' : `/${locale}` }) };
      },
    }),
  },

  routes: {
    admin: {
      type: 'admin',
      routes: [
        {
          method: 'GET',
          path: '/link-targets',
          handler: 'editor.linkTargets',
          config: { policies: ['admin::isAuthenticatedAdmin'] },
        },
      ],
    },
  },
};
