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
});
