// Drives Debian's headless Chromium through chromedriver (W3C WebDriver over HTTP): opens a page
// and waits for the JSON it writes into #out. Shared by the benchmarks.
'use strict';
const fs = require('fs');
const os = require('os');
const path = require('path');
const { spawn } = require('child_process');

const FLAGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--no-first-run',
  '--disable-component-update', '--disable-sync'];

async function webdriver(port, method, route, body) {
  const r = await fetch(`http://127.0.0.1:${port}${route}`, {
    method, headers: { 'content-type': 'application/json' }, body: body ? JSON.stringify(body) : undefined });
  const json = await r.json();
  if (json.value && json.value.error) throw new Error(json.value.message);
  return json.value;
}

/** Starts chromedriver on a free-ish port; returns {port, stop()}. */
async function startDriver() {
  const port = 9515 + Math.floor(Math.random() * 1000);
  const driver = spawn('/usr/bin/chromedriver', ['--port=' + port], { stdio: 'ignore' });
  await new Promise((r) => setTimeout(r, 1000));
  return { port, stop: () => driver.kill() };
}

/** Opens url in a fresh profile and returns the JSON the page writes into #out (waits up to timeoutMs). */
async function inBrowser(driverPort, url, timeoutMs = 60000) {
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-chromium-'));
  const session = await webdriver(driverPort, 'POST', '/session', { capabilities: { alwaysMatch: {
    browserName: 'chrome', 'goog:chromeOptions': { binary: '/usr/bin/chromium', args: FLAGS.concat('--user-data-dir=' + profile) } } } });
  const id = session.sessionId;
  try {
    await webdriver(driverPort, 'POST', `/session/${id}/url`, { url });
    for (let waited = 0; waited < timeoutMs; waited += 100) {
      const text = await webdriver(driverPort, 'POST', `/session/${id}/execute/sync`,
        { script: 'var e = document.getElementById("out"); return e ? e.textContent : "";', args: [] });
      if (text) return JSON.parse(text);
      await new Promise((r) => setTimeout(r, 100));
    }
    throw new Error('no result from ' + url);
  } finally {
    await webdriver(driverPort, 'DELETE', `/session/${id}`);
    fs.rmSync(profile, { recursive: true, force: true });
  }
}

module.exports = { startDriver, inBrowser };
