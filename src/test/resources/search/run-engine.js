// Test helper: runs the browser search client (assets/js/search.js) in Node over a built site.
// Usage: node run-engine.js SEARCH_JS SITE_DIR META_URL MODE [LANG] < input.json
//   MODE "search":  input is an array of queries (or [query, part] pairs); prints [{query, part, hits: [{id, score}]}].
//   MODE "records": input is an array of queries; prints [{query, urls: [page URL of each hit]}].
//   MODE "stem":    input is an array of words; prints [[folded, stem], ...] in LANG (default da).
'use strict';
const fs = require('fs');
const path = require('path');
const [searchJs, siteDir, metaUrl, mode, lang] = process.argv.slice(2);
const client = require(path.resolve(searchJs));
const input = JSON.parse(fs.readFileSync(0, 'utf8'));
const fetched = [];

function fetchText(url) {
  fetched.push(url);
  return fs.promises.readFile(path.join(siteDir, decodeURIComponent(url)), 'utf8');
}

async function main() {
  if (mode === 'stem') {
    const language = client.languages[lang || 'da'];
    process.stdout.write(JSON.stringify(input.map((w) => { const f = language.fold(w); return [f, language.stem(f)]; })));
    return;
  }
  const engine = client.createEngine(metaUrl, fetchText);
  const out = [];
  for (const item of input) {
    const [q, part] = Array.isArray(item) ? item : [item, null];
    const found = await engine.search(q, 10, part);
    if (mode === 'records') {
      const records = await engine.records(found.hits.map((h) => h.id));
      out.push({ query: q, urls: records.map((r) => r.pageUrl) });
    } else {
      out.push({ query: q, part, hits: found.hits });
    }
  }
  process.stdout.write(JSON.stringify(out));
}
main().catch((e) => { console.error(e); process.exit(1); });
