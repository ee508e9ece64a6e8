'use strict';

// `npm start`: runs Strapi headless (no admin build) unless CMS_ADMIN_PANEL=true.
const { APP_DIR, requireSecrets } = require('./env');

requireSecrets();
process.env.STRAPI_TELEMETRY_DISABLED = 'true';

const { createStrapi } = require('@strapi/strapi');

createStrapi({ appDir: APP_DIR, distDir: APP_DIR })
  .start()
  .catch((err) => {
    console.error(`Strapi did not start: ${err.message}`);
    process.exit(1);
  });
