'use strict';

/**
 * Calls the site's build hook (e.g. a Netlify build hook) once per burst of content events.
 * One edit can fire several events (publish of each locale, unpublish + delete…) and every
 * production deploy costs, so the call waits until no event has arrived for `quietMs`, but never
 * longer than `maxWaitMs` after the first event of the burst.
 *
 * A build that is owed (a burst that has started, or a request that has not yet been accepted)
 * is kept in `store`, the CMS's own database, so a restart does not lose it: `resume()` at the
 * next start finds it and fires it when its quiet time is over (at once if that passed while the
 * CMS was down). The record is removed only when the hook accepted the request (2xx) or the
 * request was given up: at once on a 4xx (a wrong URL; retrying does not help), or after
 * `attempts` tries that got a 5xx, a 429 or no answer, `retryMs`, 2 × `retryMs`, 4 × … apart.
 *
 * The hook's URL is a secret (anyone holding it can trigger deploys): it never goes into a log.
 */
function createBuildHook({
  url, quietMs, maxWaitMs, log, post = defaultPost, now = Date.now, store = memoryStore(),
  attempts = 5, retryMs = 5000,
}) {
  attempts = Math.max(1, attempts);
  let burst = null; // { since, last, events }: events not yet covered by a request
  let sending = null; // the burst whose request is under way, or waiting for its next try
  let timer = null;
  let retryWait = null; // { timer, resolve } while waiting between two tries
  let stopped = false;
  let running = Promise.resolve();

  // Writes to the store one at a time, always the latest state: a burst of 24 events needs
  // neither 24 parallel writes nor a stale write landing after the record was cleared.
  let writing = null;
  let dirty = false;
  function persist() {
    dirty = true;
    if (!writing) writing = flush();
    return writing;
  }
  async function flush() {
    while (dirty) {
      dirty = false;
      // A newer burst covers the request under way: whichever fires next builds the latest content.
      const owed = burst || sending;
      try {
        if (owed) await store.set({ since: owed.since, last: owed.last, events: owed.events });
        else await store.clear();
      } catch (err) {
        log.error(`[build-hook] could not save the pending site build in the database (${redact(err.message)}).`);
      }
    }
    writing = null;
  }

  function schedule() {
    if (timer) clearTimeout(timer);
    timer = null;
    if (!burst || stopped) return;
    const due = Math.min(burst.last + quietMs, burst.since + maxWaitMs);
    timer = setTimeout(onDue, Math.max(0, due - now()));
    if (typeof timer.unref === 'function') timer.unref();
  }

  function onDue() {
    timer = null;
    // One request at a time: a burst that is due while another request is still being tried
    // is sent as soon as that one has been accepted or given up.
    if (!sending) startSending();
  }

  function startSending() {
    if (stopped || !burst) return;
    sending = burst;
    burst = null;
    persist();
    running = send(sending).then((settled) => {
      // Stopped before the hook accepted it or it was given up: the record stays for the next start.
      if (!settled) return undefined;
      sending = null;
      const saved = persist();
      if (burst && !timer) startSending();
      return saved;
    });
  }

  /** Resolves to true when the request was accepted or given up, false when the CMS stopped first. */
  async function send(job) {
    for (let attempt = 1; attempt <= attempts; attempt++) {
      if (stopped) return false;
      let outcome;
      try {
        const status = await post(url);
        if (status >= 200 && status < 300) {
          const retried = attempt > 1 ? ` (attempt ${attempt} of ${attempts})` : '';
          log.info(`[build-hook] site build requested after ${job.events} content event(s)${retried}.`);
          return true;
        }
        if (status >= 400 && status < 500 && status !== 408 && status !== 429) {
          log.error(`[build-hook] the build hook answered HTTP ${status}; the site was not rebuilt and the `
            + 'request is not retried. Check BUILD_HOOK_URL.');
          return true;
        }
        outcome = `the build hook answered HTTP ${status}`;
      } catch (err) {
        outcome = `could not reach the build hook (${describe(err)})`;
      }
      if (attempt === attempts) {
        log.error(`[build-hook] ${outcome}; gave up after ${attempts} attempt(s): the site was not rebuilt.`);
        return true;
      }
      if (stopped) return false;
      const delay = retryMs * 2 ** (attempt - 1);
      log.warn(`[build-hook] ${outcome}; trying again in ${seconds(delay)} (attempt ${attempt} of ${attempts}).`);
      await pause(delay);
    }
    return true;
  }

  function pause(ms) {
    return new Promise((resolve) => {
      const t = setTimeout(() => { retryWait = null; resolve(); }, ms);
      if (typeof t.unref === 'function') t.unref();
      retryWait = { timer: t, resolve };
    });
  }

  function describe(err) {
    const cause = err && err.cause && err.cause.message ? `: ${err.cause.message}` : '';
    return redact(`${err && err.message ? err.message : err}${cause}`);
  }

  function redact(message) {
    let text = String(message);
    const secrets = [url];
    try {
      const { pathname, search } = new URL(url);
      if (pathname.length > 1) secrets.push(pathname);
      if (search) secrets.push(search);
    } catch {
      // not a URL: the whole string is all there is to hide
    }
    for (const s of secrets) if (s) text = text.split(s).join('…');
    return text;
  }

  function notify() {
    if (stopped) return;
    const t = now();
    if (!burst) burst = { since: t, last: t, events: 0 };
    burst.events += 1;
    burst.last = t;
    schedule();
    persist();
  }

  /** At start: picks up a build that was owed when the CMS stopped. Resolves to it, or null. */
  async function resume() {
    let saved;
    try {
      saved = await store.get();
    } catch (err) {
      log.error(`[build-hook] could not read the pending site build from the database (${redact(err.message)}).`);
      return null;
    }
    if (!saved || typeof saved !== 'object') return null;
    const since = Number.isFinite(saved.since) ? saved.since : 0;
    const last = Number.isFinite(saved.last) ? saved.last : since;
    const events = Number.isInteger(saved.events) && saved.events > 0 ? saved.events : 1;
    if (burst) {
      burst.since = Math.min(burst.since, since);
      burst.events += events;
    } else {
      burst = { since, last, events };
    }
    const restored = { ...burst };
    log.info(`[build-hook] a site build for ${events} content event(s) was pending when the CMS stopped; `
      + 'it is requested when the quiet time is over.');
    if (!sending) schedule();
    return restored;
  }

  /** At shutdown: stops timers and retries; an owed build stays in the store for the next start. */
  function cancel() {
    stopped = true;
    if (timer) clearTimeout(timer);
    timer = null;
    if (retryWait) {
      clearTimeout(retryWait.timer);
      retryWait.resolve();
      retryWait = null;
    }
  }

  /** For tests: resolves when no request is under way and the store has been written. */
  async function idle() {
    let current;
    do {
      current = running;
      await current;
    } while (current !== running);
    while (writing) await writing;
  }

  return {
    notify, resume, cancel, idle,
    pending: () => (burst ? burst.events : 0) + (sending ? sending.events : 0),
  };
}

function seconds(ms) {
  return ms < 1000 ? `${ms} ms` : `${Math.round(ms / 100) / 10} s`;
}

async function defaultPost(url) {
  return createPost()(url);
}

/**
 * The request to the hook: a Netlify build hook takes a POST with any body; a CI's dispatch endpoint
 * (e.g. GitHub's workflow_dispatch, `{"ref":"main"}`) wants a body of its own and a token, sent as
 * `Authorization: Bearer` (the token, like the URL, never goes into a log).
 */
function createPost({ token = '', body = '{}' } = {}) {
  JSON.parse(body); // a malformed BUILD_HOOK_BODY stops the start, not the first publish
  return async (url) => {
    const headers = { 'content-type': 'application/json', accept: 'application/json', 'user-agent': 'dis-handbook-cms' };
    if (token) headers.authorization = `Bearer ${token}`;
    const response = await fetch(url, { method: 'POST', body, headers, signal: AbortSignal.timeout(30000) });
    await response.arrayBuffer().catch(() => {});
    return response.status;
  };
}

/** Keeps the pending build in memory only: for tests and for running without a database. */
function memoryStore() {
  let value = null;
  return {
    async get() { return value; },
    async set(v) { value = JSON.parse(JSON.stringify(v)); },
    async clear() { value = null; },
  };
}

/** The pending build in Strapi's core store (the strapi_core_store_settings table). */
function coreStore(strapi) {
  const scoped = strapi.store({ type: 'core', name: 'handbook', key: 'pending-build' });
  return {
    get: () => scoped.get({}),
    set: (value) => scoped.set({ value }),
    clear: () => scoped.delete({}),
  };
}

module.exports = { createBuildHook, createPost, memoryStore, coreStore };
