'use strict';

// The Content Manager's views a new CMS starts with: Danish labels, the page list by section,
// the body first and full width. Loads the real Strapi from cms/ on a throwaway database.
const test = require('node:test');
const assert = require('node:assert');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { APP_DIR, generateSecrets } = require('../scripts/env');

test('every start writes the Danish labels and the page views', async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cms-views-'));
  fs.mkdirSync(path.join(dir, 'public', 'uploads'), { recursive: true });
  Object.assign(process.env, generateSecrets(), {
    DATABASE_CLIENT: 'sqlite',
    DATABASE_FILENAME: path.join(dir, 'data.db'),
    PUBLIC_DIR: path.join(dir, 'public'),
    STRAPI_TELEMETRY_DISABLED: 'true',
    BUILD_HOOK_URL: '',
  });
  const { createStrapi } = require('@strapi/strapi');
  const strapi = createStrapi({ appDir: APP_DIR, distDir: APP_DIR, logLevel: 'error' });
  strapi.log.level = 'error';
  await strapi.load();
  try {
    const views = strapi.plugin('content-manager').service('content-types');
    const page = await views.findConfiguration(strapi.contentType('api::page.page'));
    assert.strictEqual(page.settings.defaultSortBy, 'section');
    assert.deepStrictEqual(page.layouts.list, ['title', 'section', 'sortOrder', 'updatedAt']);
    assert.deepStrictEqual(page.layouts.edit[1], [{ name: 'body', size: 12 }]);
    for (const field of Object.keys(strapi.contentType('api::page.page').attributes)) {
      const meta = page.metadatas[field];
      if (!meta || !meta.edit.visible) continue;
      assert.notStrictEqual(meta.edit.label, field, `field ${field} has a Danish label`);
      assert.ok(meta.edit.description && meta.edit.description.length > 10, `field ${field} has a description`);
    }
    assert.strictEqual(page.metadatas.oldUrls.edit.label, 'Tidligere adresser');
    const synonyms = await views.findConfiguration(strapi.contentType('api::search-synonym.search-synonym'));
    assert.strictEqual(synonyms.metadatas.lines.edit.label, 'Synonymer');
    // The two types the site reads, and where the build reports back.
    assert.deepStrictEqual(Object.keys(strapi.contentTypes).filter((uid) => uid.startsWith('api::')).sort(),
      ['api::build-status.build-status', 'api::page.page', 'api::search-synonym.search-synonym']);
  } finally {
    await strapi.destroy();
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
