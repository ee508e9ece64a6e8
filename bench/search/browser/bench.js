// Runs in headless Chromium (driven by run.js): one engine, a cold first query, a warm second
// query, and for our client a typed query on the real search form. Bytes are counted by the
// benchmark's server; the result is written as JSON into #out.
(async function () {
  'use strict';
  var params = new URLSearchParams(location.search);
  var engine = params.get('engine');
  var q1 = params.get('q1'), q2 = params.get('q2'), typed = params.get('typed');

  async function counted(fn) {
    await fetch('/__bytes', { cache: 'no-store' });
    var t0 = performance.now();
    var results = await fn();
    var ms = performance.now() - t0;
    var sent = await (await fetch('/__bytes', { cache: 'no-store' })).json();
    return { ms: ms, bytes: sent.bytes, requests: sent.requests, files: sent.files, results: results };
  }

  function loadScript(src) {
    return new Promise(function (resolve, reject) {
      var s = document.createElement('script');
      s.src = src; s.onload = resolve; s.onerror = reject;
      document.head.appendChild(s);
    });
  }

  var out = {};
  try {
    if (engine === 'ours') {
      var meta = params.get('meta');
      var ours;
      var query = async function (q) {
        var found = await ours.search(q, 20);
        await ours.records(found.hits.slice(0, 10).map(function (h) { return h.id; }));
        return found.total;
      };
      out.cold = await counted(async function () {
        await loadScript('/assets/js/search.js');
        ours = window.HandbookSearch.createEngine(meta, function (u) { return fetch(u).then(function (r) { return r.text(); }); });
        return query(q1);
      });
      out.warm = await counted(function () { return query(q2); });
      // Keystroke to rendered results on the search form (the client's own UI, 120 ms debounce).
      var app = document.getElementById('app');
      app.innerHTML = '<form role="search" data-index="' + meta + '"><input name="q" type="search"></form>' +
        '<p id="soeg-status"></p><div id="soeg-resultater"></div>';
      window.HandbookSearch.init();
      var input = app.querySelector('input');
      var results = document.getElementById('soeg-resultater');
      var times = [];
      for (var i = 0; i < typed.length; i++) {
        input.value = typed.slice(0, i + 1);
        var rendered = new Promise(function (resolve) {
          var obs = new MutationObserver(function () { obs.disconnect(); resolve(); });
          obs.observe(results, { childList: true });
        });
        var t0 = performance.now();
        input.dispatchEvent(new Event('input'));
        if (i === typed.length - 1 || i >= 2) {
          await rendered;
          times.push(performance.now() - t0);
        }
      }
      out.keystroke = { lastMs: times[times.length - 1], medianMs: times.slice().sort(function (a, b) { return a - b; })[times.length >> 1] };
    } else {
      var pf;
      var pquery = async function (q) {
        var r = await pf.search(q);
        await Promise.all(r.results.slice(0, 10).map(function (x) { return x.data(); }));
        return r.results.length;
      };
      out.cold = await counted(async function () {
        pf = await import('/pagefind/pagefind.js');
        if (pf.init) await pf.init();
        return pquery(q1);
      });
      out.warm = await counted(function () { return pquery(q2); });
    }
  } catch (e) {
    out.error = String(e && e.stack || e);
  }
  document.getElementById('out').textContent = JSON.stringify(out);
})();
