'use strict';

/**
 * Calls the site's build hook (e.g. a Netlify build hook) once per burst of content events.
 * One edit can fire several events (publish of each locale, unpublish + delete…) and every
 * production deploy costs, so the call waits until no event has arrived for `quietMs`, but never
 * longer than `maxWaitMs` after the first event of the burst.
 */
function createBuildHook({ url, quietMs, maxWaitMs, log, post = defaultPost, now = Date.now }) {
  let timer = null;
  let burstStartedAt = null;
  let events = 0;

  async function fire() {
    timer = null;
    const count = events;
    events = 0;
    burstStartedAt = null;
    try {
      const status = await post(url);
      if (status >= 200 && status < 300) {
        log.info(`[build-hook] site build requested after ${count} content event(s).`);
      } else {
        log.error(`[build-hook] the build hook answered HTTP ${status}; the site was not rebuilt. Check BUILD_HOOK_URL.`);
      }
    } catch (err) {
      log.error(`[build-hook] could not reach the build hook (${err.message}); the site was not rebuilt.`);
    }
  }

  function notify() {
    events += 1;
    const t = now();
    if (burstStartedAt === null) burstStartedAt = t;
    if (timer) clearTimeout(timer);
    const wait = Math.max(0, Math.min(quietMs, burstStartedAt + maxWaitMs - t));
    timer = setTimeout(fire, wait);
    if (typeof timer.unref === 'function') timer.unref();
  }

  function cancel() {
    if (timer) clearTimeout(timer);
    timer = null;
  }

  return { notify, cancel, pending: () => events };
}

async function defaultPost(url) {
  const response = await fetch(url, { method: 'POST', body: '{}', headers: { 'content-type': 'application/json' } });
  return response.status;
}

module.exports = { createBuildHook };
