'use strict';

const test = require('node:test');
const assert = require('node:assert');
const { createBuildHook } = require('../src/lib/build-hook');

const quietLog = { info() {}, warn() {}, error() {} };
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

test('a burst of events triggers one build after the quiet period', async () => {
  const calls = [];
  const hook = createBuildHook({ url: 'http://hook.invalid/x', quietMs: 80, maxWaitMs: 10000, log: quietLog,
    post: async (url) => { calls.push(url); return 200; } });
  for (let i = 0; i < 5; i++) {
    hook.notify();
    await sleep(20);
  }
  assert.strictEqual(calls.length, 0, 'no build while events keep coming');
  await sleep(150);
  assert.deepStrictEqual(calls, ['http://hook.invalid/x']);
  hook.notify();
  await sleep(150);
  assert.strictEqual(calls.length, 2, 'a later burst triggers a second build');
});

test('a never-ending burst still builds after maxWait', async () => {
  let calls = 0;
  const hook = createBuildHook({ url: 'http://hook.invalid/x', quietMs: 60, maxWaitMs: 150, log: quietLog,
    post: async () => { calls += 1; return 200; } });
  const started = Date.now();
  while (Date.now() - started < 260) {
    hook.notify();
    await sleep(20);
  }
  assert.ok(calls >= 1, 'built at least once during the burst');
  hook.cancel();
});

test('a failing hook is retried, then given up, and logged without the URL', async () => {
  const errors = [];
  const warnings = [];
  let calls = 0;
  const hook = createBuildHook({ url: 'https://api.example/build_hooks/SECRET', quietMs: 10, maxWaitMs: 100,
    attempts: 2, retryMs: 20, log: { info() {}, warn: (m) => warnings.push(m), error: (m) => errors.push(m) },
    post: async () => { calls += 1; return 500; } });
  hook.notify();
  await sleep(120);
  assert.strictEqual(calls, 2);
  assert.strictEqual(warnings.length, 1);
  assert.match(warnings[0], /HTTP 500; trying again in 20 ms \(attempt 1 of 2\)/);
  assert.strictEqual(errors.length, 1);
  assert.match(errors[0], /HTTP 500; gave up after 2 attempt/);
  for (const m of [...warnings, ...errors]) assert.doesNotMatch(m, /SECRET|build_hooks/);
});

/** Stands in for Strapi's core store; remembers every write. */
function fakeStore(initial = null) {
  const store = {
    value: initial,
    writes: [],
    async get() { return store.value; },
    async set(v) { store.writes.push(v); store.value = JSON.parse(JSON.stringify(v)); },
    async clear() { store.writes.push(null); store.value = null; },
  };
  return store;
}

/** A post that answers the given statuses in turn (a thrown Error for `null`), then 200. */
function answering(...statuses) {
  const post = async (url) => {
    post.calls.push(url);
    const status = statuses.shift();
    if (status === null) throw new TypeError('fetch failed', { cause: new Error(`connect ECONNREFUSED for ${url}`) });
    return status === undefined ? 200 : status;
  };
  post.calls = [];
  return post;
}

function recordingLog() {
  const log = { lines: [] };
  for (const level of ['info', 'warn', 'error']) log[level] = (m) => log.lines.push(`${level}: ${m}`);
  return log;
}

const URL_ = 'https://api.netlify.example/build_hooks/TOPSECRET';

test('5xx and unreachable are retried with growing pauses; the record is cleared only once accepted', async () => {
  const store = fakeStore();
  const log = recordingLog();
  const post = answering(503, null, 502);
  const hook = createBuildHook({ url: URL_, quietMs: 10, maxWaitMs: 1000, attempts: 5, retryMs: 25, log, store, post });
  hook.notify();
  hook.notify();
  await sleep(5);
  assert.deepStrictEqual(store.value && store.value.events, 2, 'the burst is saved as soon as it starts');
  const started = Date.now();
  await sleep(30);
  assert.ok(post.calls.length >= 1 && post.calls.length < 4);
  assert.notStrictEqual(store.value, null, 'still owed while the hook fails');
  await sleep(300); // the pauses' timers do not keep a process alive on their own
  await hook.idle();
  assert.strictEqual(post.calls.length, 4, '503, no answer, 502, then 200');
  assert.ok(Date.now() - started >= 25 + 50 + 100, 'paused 25, 50 and 100 ms between the tries');
  assert.strictEqual(store.value, null, 'cleared once the hook accepted');
  assert.strictEqual(store.writes.at(-1), null);
  const text = log.lines.join('\n');
  assert.match(text, /warn: .*HTTP 503; trying again in 25 ms \(attempt 1 of 5\)/);
  assert.match(text, /warn: .*could not reach the build hook \(fetch failed: connect ECONNREFUSED/);
  assert.match(text, /info: .*site build requested after 2 content event\(s\) \(attempt 4 of 5\)/);
  assert.doesNotMatch(text, /TOPSECRET|build_hooks|netlify/);
});

test('a 4xx is not retried, is logged clearly and clears the record', async () => {
  const store = fakeStore();
  const log = recordingLog();
  const post = answering(404);
  const hook = createBuildHook({ url: URL_, quietMs: 10, maxWaitMs: 1000, retryMs: 10, log, store, post });
  hook.notify();
  await sleep(150);
  await hook.idle();
  assert.strictEqual(post.calls.length, 1);
  assert.strictEqual(store.value, null);
  assert.deepStrictEqual(log.lines.filter((l) => !l.startsWith('info')),
    ['error: [build-hook] the build hook answered HTTP 404; the site was not rebuilt and the request is not retried. Check BUILD_HOOK_URL.']);
});

test('after the last attempt the request is given up and the record cleared', async () => {
  const store = fakeStore();
  const log = recordingLog();
  const post = answering(500, 500, 500, 500);
  const hook = createBuildHook({ url: URL_, quietMs: 5, maxWaitMs: 1000, attempts: 3, retryMs: 5, log, store, post });
  hook.notify();
  await sleep(100);
  await hook.idle();
  assert.strictEqual(post.calls.length, 3);
  assert.strictEqual(store.value, null);
  assert.match(log.lines.at(-1), /^error: .*HTTP 500; gave up after 3 attempt\(s\)/);
});

test('a burst cut short by a restart is fired once by the next start, after the rest of its quiet time', async () => {
  const store = fakeStore();
  const before = answering();
  const first = createBuildHook({ url: URL_, quietMs: 400, maxWaitMs: 10000, log: recordingLog(), store, post: before });
  first.notify();
  await sleep(20);
  first.notify();
  await first.idle();
  first.cancel(); // the CMS stops in the middle of the burst
  await sleep(40);
  assert.strictEqual(before.calls.length, 0);
  assert.strictEqual(store.value.events, 2);

  const after = answering();
  const log = recordingLog();
  const second = createBuildHook({ url: URL_, quietMs: 400, maxWaitMs: 10000, log, store, post: after });
  const restored = await second.resume();
  assert.strictEqual(restored.events, 2);
  await sleep(20);
  assert.strictEqual(after.calls.length, 0, 'waits for the rest of the quiet time');
  await sleep(450);
  await second.idle();
  assert.strictEqual(after.calls.length, 1);
  assert.strictEqual(store.value, null);
  await sleep(450);
  assert.strictEqual(after.calls.length + before.calls.length, 1, 'one build for the burst, across the restart');
  assert.match(log.lines.join('\n'), /pending when the CMS stopped/);
});

test('a build owed for long is fired at once after a start; nothing is fired without a record', async () => {
  const post = answering();
  const store = fakeStore({ since: Date.now() - 3600000, last: Date.now() - 3500000, events: 7 });
  const hook = createBuildHook({ url: URL_, quietMs: 100000, maxWaitMs: 600000, log: recordingLog(), store, post });
  await hook.resume();
  await sleep(20);
  await hook.idle();
  assert.strictEqual(post.calls.length, 1);
  assert.strictEqual(store.value, null);

  const none = answering();
  const empty = createBuildHook({ url: URL_, quietMs: 5, maxWaitMs: 100, log: recordingLog(), store: fakeStore(), post: none });
  assert.strictEqual(await empty.resume(), null);
  await sleep(30);
  assert.strictEqual(none.calls.length, 0);
});

test('a stop while retrying keeps the record, and the next start sends it once', async () => {
  const store = fakeStore();
  const post = answering(503);
  const first = createBuildHook({ url: URL_, quietMs: 5, maxWaitMs: 1000, retryMs: 5000, log: recordingLog(), store, post });
  first.notify();
  await sleep(40);
  assert.strictEqual(post.calls.length, 1, 'first try failed, waiting 5 s for the next');
  first.cancel();
  await first.idle();
  assert.strictEqual(store.value.events, 1, 'still owed');

  const second = createBuildHook({ url: URL_, quietMs: 5, maxWaitMs: 1000, retryMs: 5000, log: recordingLog(), store, post });
  await second.resume();
  await sleep(30);
  await second.idle();
  assert.strictEqual(post.calls.length, 2);
  assert.strictEqual(store.value, null);
});

test('events while a request is being tried make one more build afterwards, never two at once', async () => {
  const store = fakeStore();
  let inFlight = 0;
  let most = 0;
  let calls = 0;
  const statuses = [503, 200, 200];
  const post = async () => {
    calls += 1;
    inFlight += 1;
    most = Math.max(most, inFlight);
    await sleep(30);
    inFlight -= 1;
    return statuses.shift();
  };
  const hook = createBuildHook({ url: URL_, quietMs: 5, maxWaitMs: 1000, retryMs: 40, log: recordingLog(), store, post });
  hook.notify();
  await sleep(20); // first try under way
  hook.notify();
  hook.notify();
  await sleep(10);
  assert.strictEqual(store.value.events, 2, 'the newer burst is what is saved');
  await sleep(300);
  await hook.idle();
  assert.strictEqual(calls, 3, '503 and 200 for the first burst, 200 for the second');
  assert.strictEqual(most, 1);
  assert.strictEqual(store.value, null);
  assert.strictEqual(hook.pending(), 0);
});

test('a dispatch endpoint gets its body and the token as a bearer header', async () => {
  const http = require('node:http');
  const { createPost } = require('../src/lib/build-hook');
  const received = [];
  const server = http.createServer((req, res) => {
    let body = '';
    req.on('data', (chunk) => { body += chunk; });
    req.on('end', () => {
      received.push({ method: req.method, url: req.url, authorization: req.headers.authorization, type: req.headers['content-type'], body });
      res.writeHead(204).end();
    });
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  try {
    const url = `http://127.0.0.1:${server.address().port}/repos/kommune/handbook/actions/workflows/publish.yml/dispatches`;
    const status = await createPost({ token: 'ghp-test-token', body: '{"ref":"main"}' })(url);
    assert.strictEqual(status, 204);
    assert.deepStrictEqual(received, [{ method: 'POST', url: '/repos/kommune/handbook/actions/workflows/publish.yml/dispatches',
      authorization: 'Bearer ghp-test-token', type: 'application/json', body: '{"ref":"main"}' }]);
    // Without a token (a Netlify build hook) no authorization header is sent.
    await createPost()(url);
    assert.strictEqual(received[1].authorization, undefined);
    assert.strictEqual(received[1].body, '{}');
  } finally {
    server.close();
  }
  assert.throws(() => createPost({ body: '{ref: main}' }), SyntaxError);
});
