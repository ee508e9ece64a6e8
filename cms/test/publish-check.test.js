'use strict';

const test = require('node:test');
const assert = require('node:assert');
const { checkBeforePublish, describeProblem, refusal } = require('../src/lib/publish-check');

test('a problem names the field in Danish and the line inside it', () => {
  assert.strictEqual(describeProblem({ field: 'body', line: 3, message: "link to '/findes-ikke/': no such page" }),
    "Brødtekst, linje 3: link to '/findes-ikke/': no such page");
  assert.strictEqual(describeProblem({ field: 'summary', line: null, message: 'is empty.' }), 'Resumé: is empty.');
  assert.strictEqual(describeProblem({ field: null, message: 'slug used twice' }), 'slug used twice');
});

test('a refusal leads in Danish and puts each problem on its field', () => {
  const { message, details } = refusal([
    { field: 'body', line: 3, message: 'broken link' },
    { field: 'title', message: 'is empty.' },
    { field: null, message: 'the whole handbook' },
  ]);
  assert.strictEqual(message, 'Siden kan ikke udgives: Brødtekst, linje 3: broken link · Titel: is empty. · the whole handbook');
  assert.deepStrictEqual(details.errors.map((e) => e.path), [['body'], ['title'], []]);
  assert.ok(details.errors.every((e) => e.name === 'ValidationError'));
});

function fakeStrapi(logs) {
  const draft = { documentId: 'd1', title: 'Om', body: 'x' };
  return {
    log: { info: (m) => logs.push(m), warn: (m) => logs.push(m) },
    plugin: () => ({ service: () => ({ find: async () => [{ code: 'da' }], getDefaultLocale: async () => 'da' }) }),
    documents: () => ({ findOne: async () => draft, findMany: async () => [], findFirst: async () => null }),
  };
}

class ValidationError extends Error {
  constructor(message, details) {
    super(message);
    this.details = details;
  }
}

test('problems refuse the publish; no answer lets it through and logs that the check was skipped', async () => {
  const logs = [];
  const strapi = fakeStrapi(logs);
  const context = { uid: 'api::page.page', action: 'publish', params: { documentId: 'd1', locale: 'da' } };
  let published = 0;
  const next = async () => { published += 1; return {}; };
  const refusing = checkBeforePublish(strapi, { url: 'http://preview.invalid', secret: 's'.repeat(32), ValidationError,
    fetchImpl: async () => ({ ok: true, json: async () => ({ ok: false, problems: [{ field: 'body', line: 1, message: 'bad' }], warnings: [] }) }) });
  await assert.rejects(refusing(context, next), (e) => e instanceof ValidationError && e.message === 'Siden kan ikke udgives: Brødtekst, linje 1: bad');
  assert.strictEqual(published, 0);

  const down = checkBeforePublish(strapi, { url: 'http://preview.invalid', secret: 's'.repeat(32), ValidationError,
    fetchImpl: async () => { throw new Error('connect ECONNREFUSED'); } });
  await down(context, next);
  assert.strictEqual(published, 1);
  assert.match(logs.join('\n'), /\[publish-check\] skipped: connect ECONNREFUSED/);

  const unset = checkBeforePublish(strapi, { url: undefined, secret: undefined, ValidationError });
  await unset(context, next);
  assert.strictEqual(published, 2);
  assert.match(logs.at(-1), /\[publish-check\] skipped: PREVIEW_URL or PREVIEW_SECRET is not set/);
});
