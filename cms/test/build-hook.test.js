'use strict';

const test = require('node:test');
const assert = require('node:assert');
const { createBuildHook } = require('../src/lib/build-hook');

const quietLog = { info() {}, error() {} };
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

test('a failing hook is logged without the URL', async () => {
  const errors = [];
  const hook = createBuildHook({ url: 'https://api.example/build_hooks/SECRET', quietMs: 10, maxWaitMs: 100,
    log: { info() {}, error: (m) => errors.push(m) }, post: async () => 500 });
  hook.notify();
  await sleep(60);
  assert.strictEqual(errors.length, 1);
  assert.match(errors[0], /HTTP 500/);
  assert.doesNotMatch(errors[0], /SECRET/);
});
