'use strict';

// `npm run token:create -- NAME read-only|full-access [DAYS]`
// Creates an API token without the admin panel and prints only the token on stdout.
const { APP_DIR, requireSecrets } = require('./env');

const [name, type = 'read-only', days] = process.argv.slice(2);
const TYPES = ['read-only', 'full-access'];
if (!name || !TYPES.includes(type)) {
  console.error('Usage: npm run token:create -- NAME read-only|full-access [DAYS]');
  console.error('  read-only   for the site build (sync)');
  console.error('  full-access for cms-push (seeding a new CMS)');
  process.exit(2);
}
const LIFESPANS = { 7: 7, 30: 30, 90: 90 };
if (days !== undefined && !LIFESPANS[days]) {
  console.error('DAYS must be 7, 30 or 90 (leave it out for a token that does not expire).');
  process.exit(2);
}

requireSecrets();
process.env.STRAPI_TELEMETRY_DISABLED = 'true';
const { createStrapi } = require('@strapi/strapi');

async function main() {
  const strapi = createStrapi({ appDir: APP_DIR, distDir: APP_DIR, logLevel: 'error' });
  strapi.log.level = 'error';
  await strapi.load();
  try {
    const tokens = strapi.service('admin::api-token');
    if (await tokens.exists({ name })) {
      throw new Error(`a token named '${name}' exists already; choose another name or delete it in the admin panel.`);
    }
    const created = await tokens.create({
      name,
      type,
      description: `Created with npm run token:create (${type})`,
      lifespan: days ? Number(days) * 24 * 60 * 60 * 1000 : null,
    });
    process.stdout.write(created.accessKey + '\n');
  } finally {
    await strapi.destroy();
  }
}

main().then(
  () => process.exit(0),
  (err) => {
    console.error(`Could not create the token: ${err.message}`);
    process.exit(1);
  },
);
