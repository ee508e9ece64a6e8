module.exports = ({ env }) => ({
  'users-permissions': {
    config: {
      jwtSecret: env('JWT_SECRET'),
      // Nobody signs up through the API: editors use the admin panel, the build uses a token.
      register: { allowedFields: [] },
    },
  },
  // The page body's editor: Asciidoc with a Danish toolbar and a preview in the site's style.
  'asciidoc-editor': {
    enabled: true,
    resolve: './src/plugins/asciidoc-editor',
  },
  // The edit view's panel with the latest publish check of the page (src/lib/publish-check.js).
  'publish-check': {
    enabled: true,
    resolve: './src/plugins/publish-check',
  },
});
