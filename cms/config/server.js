// Listens on loopback only unless HOST says otherwise (put a TLS proxy in front in production).
module.exports = ({ env }) => ({
  host: env('HOST', '127.0.0.1'),
  port: env.int('PORT', 1337),
  app: {
    keys: env.array('APP_KEYS'),
  },
  // The Media Library's files live in PUBLIC_DIR/uploads (a folder of its own per CMS, e.g. for tests).
  dirs: { public: env('PUBLIC_DIR', './public') },
  // Strapi's update check would call out to a third party.
  logger: { updates: { enabled: false }, startup: { enabled: env.bool('STRAPI_STARTUP_BANNER', false) } },
});
