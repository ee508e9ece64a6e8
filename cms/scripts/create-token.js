'use strict';

// `npm run token:create -- NAME build|seed|status [DAYS]`
// Creates an API token without the admin panel and prints only the token on stdout. Each kind
// is a custom token with the fewest permissions its job needs, never Strapi's read-only
// (every content type) or full-access (also delete) tokens.
const { APP_DIR, requireSecrets } = require('./env');

const PAGE = 'api::page.page';
const SYNONYMS = 'api::search-synonym.search-synonym';
const KINDS = {
  build: {
    what: 'for sync and the site build: reads pages and the synonym list, drafts included; cannot write',
    permissions: [`${PAGE}.find`, `${PAGE}.findOne`, `${SYNONYMS}.find`],
  },
  status: {
    what: 'for the production build to report its outcome: writes the build status only',
    permissions: ['api::build-status.build-status.update'],
  },
  seed: {
    what: 'for cms-push (seeding a new CMS): reads, creates and updates pages and the synonym list, imports images; cannot delete',
    permissions: [`${PAGE}.find`, `${PAGE}.findOne`, `${PAGE}.create`, `${PAGE}.update`, `${SYNONYMS}.find`, `${SYNONYMS}.update`,
      'api::upload-import.upload-import.import'],
  },
};

const [name, kind = 'build', days] = process.argv.slice(2);
if (!name || !KINDS[kind]) {
  console.error('Usage: npm run token:create -- NAME build|seed|status [DAYS]');
  for (const [k, { what }] of Object.entries(KINDS)) console.error(`  ${k.padEnd(6)}${what}`);
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
      type: 'custom',
      permissions: KINDS[kind].permissions,
      description: `Created with npm run token:create (${kind}: ${KINDS[kind].what})`,
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
