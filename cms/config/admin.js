const { previewHandler } = require('../src/lib/preview');

// The admin panel is built and served only when CMS_ADMIN_PANEL=true (editors' instance);
// a headless instance (build server, tests) starts without the slow admin build.
module.exports = ({ env }) => ({
  serveAdminPanel: env.bool('CMS_ADMIN_PANEL', false),
  auth: {
    secret: env('ADMIN_JWT_SECRET'),
  },
  apiToken: {
    salt: env('API_TOKEN_SALT'),
  },
  transfer: {
    token: {
      salt: env('TRANSFER_TOKEN_SALT'),
    },
  },
  secrets: {
    encryptionKey: env('ENCRYPTION_KEY'),
  },
  flags: {
    nps: false,
    promoteEE: false,
  },
  telemetryDisabled: true,
  // The Preview button opens the preview service (handbook.jar preview-server) on the page being
  // edited, in its language, with a link signed by PREVIEW_SECRET.
  preview: {
    enabled: Boolean(env('PREVIEW_URL') && env('PREVIEW_SECRET')),
    config: {
      allowedOrigins: env('PREVIEW_URL') ? [new URL(env('PREVIEW_URL')).origin] : [],
      handler: previewHandler({ url: env('PREVIEW_URL'), secret: env('PREVIEW_SECRET') }),
    },
  },
});
