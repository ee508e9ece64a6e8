// Runs in headless Chromium (driven by relevance.js): every benchmark query through one Pagefind
// bundle (?bundle=/pagefind-VERSION/pagefind.js), writing per query its top ten pages, each with
// its sub-results' URLs, as JSON into #out.
(async function () {
  'use strict';
  var params = new URLSearchParams(location.search);
  var out = {};
  try {
    var queries = await (await fetch(params.get('queries'))).json();
    var pf = await import(params.get('bundle'));
    if (pf.init) await pf.init();
    out.results = [];
    for (var i = 0; i < queries.length; i++) {
      var r = await pf.search(queries[i]);
      var top = await Promise.all(r.results.slice(0, 10).map(function (x) { return x.data(); }));
      out.results.push(top.map(function (d) {
        return { url: d.url, sections: (d.sub_results || []).map(function (s) { return s.url; }) };
      }));
    }
  } catch (e) {
    out.error = String(e && e.stack || e);
  }
  document.getElementById('out').textContent = JSON.stringify(out);
})();
