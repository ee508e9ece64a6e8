// Test helper: runs the browser search client (assets/js/search.js) in Node over a built site.
// Usage: node run-engine.js SEARCH_JS SITE_DIR META_URL MODE < input.json
//   MODE "search": input is an array of queries; prints [{query, hits: [{id, score}]}].
//   MODE "stem":   input is an array of words; prints [[folded, stem], ...].
'use strict';
const fs = require('fs');
const path = require('path');
const [searchJs, siteDir, metaUrl, mode] = process.argv.slice(2);
const client = require(path.resolve(searchJs));
const input = JSON.parse(fs.readFileSync(0, 'utf8'));
const fetched = [];

function fetchText(url) {
  fetched.push(url);
  return fs.promises.readFile(path.join(siteDir, decodeURIComponent(url)), 'utf8');
}

async function main() {
  if (mode === 'stem') {
    process.stdout.write(JSON.stringify(input.map((w) => { const f = client.fold(w); return [f, client.stem(f)]; })));
    return;
  }
  const engine = client.createEngine(metaUrl, fetchText);
  const out = [];
  for (const q of input) {
    const found = await engine.search(q, 10);
    out.push({ query: q, hits: found.hits });
  }
  process.stdout.write(JSON.stringify(out));
}
main().catch((e) => { console.error(e); process.exit(1); });
