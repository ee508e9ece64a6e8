'use strict';

const test = require('node:test');
const assert = require('node:assert');
const { checkBeforePublish, checkResults, describeProblem, refusal } = require('../src/lib/publish-check');

test('a problem is the check\'s Danish text on its field and line; the log keeps the rule\'s English', () => {
  const problem = { field: 'body', line: 4, message: "links to '/x/', but no page is published at /x/.", text: 'Linket til /x/ peger på en side, der ikke findes.' };
  assert.strictEqual(describeProblem(problem), 'Brødtekst, linje 4: Linket til /x/ peger på en side, der ikke findes.');
  assert.strictEqual(describeProblem(problem, { english: true }), "Brødtekst, linje 4: links to '/x/', but no page is published at /x/.");
});

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

  const danish = checkBeforePublish(strapi, { url: 'http://preview.invalid', secret: 's'.repeat(32), ValidationError,
    fetchImpl: async () => ({ ok: true, json: async () => ({ ok: false, warnings: [],
      problems: [{ field: 'body', line: 2, message: 'English detail', text: 'Dansk tekst. Ret linket.' }] }) }) });
  await assert.rejects(danish(context, next), (e) => e.message === 'Siden kan ikke udgives: Brødtekst, linje 2: Dansk tekst. Ret linket.'
    && e.details.errors[0].message === 'Brødtekst, linje 2: Dansk tekst. Ret linket.' && e.details.errors[0].path[0] === 'body');
  assert.match(logs.at(-1), /English detail/);

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

test('a saved draft is checked after the save; its problems are kept, in Danish, for the edit view', async () => {
  const logs = [];
  const strapi = fakeStrapi(logs);
  const results = checkResults();
  let answered;
  const answeredOnce = new Promise((resolve) => { answered = resolve; });
  const check = checkBeforePublish(strapi, { url: 'http://preview.invalid', secret: 's'.repeat(32), ValidationError, results,
    fetchImpl: async () => {
      setTimeout(answered, 10);
      return { ok: true, json: async () => ({ ok: false, warnings: [{ field: 'body', line: 1, message: 'md', text: 'Linjen ligner et link fra Markdown.' }],
        problems: [{ field: 'body', line: 3, message: "links to '/x/'", text: 'Linket til /x/ peger på en side, der ikke findes.' }] }) };
    } });
  const context = { uid: 'api::page.page', action: 'update', params: { documentId: 'd1', locale: 'da', status: 'draft' } };
  let saved = 0;
  const result = await check(context, async () => { saved += 1; return { documentId: 'd1' }; });
  assert.strictEqual(saved, 1);
  assert.deepStrictEqual(result, { documentId: 'd1' });
  await answeredOnce;
  await new Promise((resolve) => setTimeout(resolve, 10));
  const kept = await results.get('d1', 'da');
  assert.strictEqual(kept.action, 'save');
  assert.strictEqual(kept.outcome, 'problems');
  assert.deepStrictEqual(kept.problems, [{ field: 'body', line: 3, text: 'Brødtekst, linje 3: Linket til /x/ peger på en side, der ikke findes.' }]);
  assert.deepStrictEqual(kept.warnings.map((w) => w.text), ['Brødtekst, linje 1: Linjen ligner et link fra Markdown.']);
  assert.strictEqual(await results.get('d1', 'en'), null);
  assert.match(logs.join('\n'), /cannot be published as it is: Brødtekst, linje 3: links to '\/x\/'/);
});

test('a refused publish is kept for the edit view even though the publish is rolled back', async () => {
  const results = checkResults();
  const check = checkBeforePublish(fakeStrapi([]), { url: 'http://preview.invalid', secret: 's'.repeat(32), ValidationError, results,
    fetchImpl: async () => ({ ok: true, json: async () => ({ ok: false, warnings: [], problems: [{ field: 'summary', message: 'is empty.', text: 'Feltet er tomt.' }] }) }) });
  const context = { uid: 'api::page.page', action: 'publish', params: { documentId: 'd1', locale: 'da' } };
  await assert.rejects(check(context, async () => ({})));
  const kept = await results.get('d1', 'da');
  assert.strictEqual(kept.action, 'publish');
  assert.strictEqual(kept.outcome, 'problems');
  assert.strictEqual(kept.problems[0].text, 'Resumé: Feltet er tomt.');
});

test('a check begun earlier never hides the result of one begun later (a slow save before a publish)', async () => {
  const results = checkResults();
  await results.set('d1', 'da', { startedAt: 2, action: 'publish', outcome: 'ok' });
  await results.set('d1', 'da', { startedAt: 1, action: 'save', outcome: 'ok' });
  assert.strictEqual((await results.get('d1', 'da')).action, 'publish');
  await results.set('d1', 'da', { startedAt: 3, action: 'save', outcome: 'problems' });
  assert.strictEqual((await results.get('d1', 'da')).action, 'save');
});
