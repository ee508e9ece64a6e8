// Relevance benchmark: the labelled Danish queries of relevance/queries.tsv through our search
// client (assets/js/search.js over the built handbook's exported index, in Node; it ranks as the
// Lucene searcher does) and through Pagefind 1.5.2 and the newest Pagefind (each indexing the
// same pages' <main> elements, run in headless Chromium), in one run. Prints hit@1, hit@3, MRR and
// nDCG@10 (page level; hits and MRR count the first-named targets, nDCG also the "also relevant"
// ones at half gain) and section-level hit@3, overall and per kind of query, and writes the
// table into RESULTS.md between its relevance markers.
// Usage: node relevance.js [--no-write]   (see relevance.sh, which builds the handbook first)
'use strict';
const fs = require('fs');
const os = require('os');
const path = require('path');
const { spawnSync } = require('child_process');
const { serve } = require('./server');
const { startDriver, inBrowser } = require('./chromium');

const repo = path.resolve(__dirname, '../..');
const site = path.join(repo, 'target/site');
const PAGEFINDS = [
  { dir: 'node_modules/pagefind' },
  { dir: 'node_modules/pagefind-newest' }
].map((p) => Object.assign(p, { version: JSON.parse(fs.readFileSync(path.join(__dirname, p.dir, 'package.json'), 'utf8')).version }));

function readQueries() {
  const lines = fs.readFileSync(path.join(__dirname, 'relevance/queries.tsv'), 'utf8').split('\n');
  return lines.filter((l) => l.trim() && !l.startsWith('#')).map((l) => {
    const [query, kind, primary, also] = l.split('\t');
    const split = (s) => (s || '').split(' ').filter(Boolean);
    return { query, kind, primary: split(primary), also: split(also) };
  });
}

const pageOf = (url) => url.split('#')[0];

/** Our client over the exported index: ranked section URLs. */
async function ours(queries) {
  const client = require(path.join(repo, 'assets/js/search.js'));
  const dataDir = path.join(site, 'soeg/data');
  const meta = '/soeg/data/' + fs.readdirSync(dataDir).find((n) => n.startsWith('meta.'));
  const engine = client.createEngine(meta, (url) => fs.promises.readFile(path.join(site, decodeURIComponent(url)), 'utf8'));
  const out = [];
  for (const q of queries) {
    const found = await engine.search(q.query, 50);
    const records = await engine.records(found.hits.map((h) => h.id));
    out.push(records.map((r) => (r.anchor ? r.pageUrl + '#' + r.anchor : r.pageUrl)));
  }
  return out;
}

/** The Danish content pages only, as our index has them: no search page, subject index or English pages. */
function pagefindSite(work) {
  const copy = path.join(work, 'site');
  fs.cpSync(site, copy, { recursive: true });
  for (const dir of ['en', 'soeg', 'emneindeks']) fs.rmSync(path.join(copy, dir), { recursive: true, force: true });
  fs.rmSync(path.join(copy, '404.html'), { force: true });
  for (const pf of PAGEFINDS) {
    const bin = path.join(__dirname, pf.dir, 'lib/runner/bin.cjs');
    const r = spawnSync('node', [bin, '--site', copy, '--root-selector', 'main', '--output-subdir', 'pagefind-' + pf.version],
      { encoding: 'utf8' });
    if (r.status !== 0) throw new Error('Pagefind ' + pf.version + ' failed:\n' + r.stdout + r.stderr);
  }
  return copy;
}

/** Pagefind's ranked pages, with each page's sub-result URLs after it, as section URLs. */
async function pagefind(copy, queries, driverPort, pf) {
  fs.writeFileSync(path.join(copy, 'queries.json'), JSON.stringify(queries.map((q) => q.query)));
  const server = await serve([copy, __dirname]);
  try {
    const url = `http://127.0.0.1:${server.address().port}/browser/relevance.html?queries=/queries.json`
      + `&bundle=${encodeURIComponent('/pagefind-' + pf.version + '/pagefind.js')}`;
    const r = await inBrowser(driverPort, url, 600000);
    if (r.error) throw new Error(r.error);
    return r.results.map((pages) => pages.map((p) => ({ page: pageOf(p.url), sections: p.sections })));
  } finally {
    server.close();
  }
}

/** Per query: ranked pages (first appearance) and ranked sections, for either engine's results. */
function rankingOfOurs(sections) {
  const pages = [];
  for (const s of sections) if (!pages.includes(pageOf(s))) pages.push(pageOf(s));
  return { pages, sections };
}

function rankingOfPagefind(results) {
  return { pages: results.map((r) => r.page), sections: [].concat(...results.map((r) => r.sections.length ? r.sections : [r.page])) };
}

function sectionMatches(target, url) {
  return target.includes('#') ? target === url : pageOf(url) === target;
}

function scores(q, ranking) {
  const primaryPages = new Set(q.primary.map(pageOf));
  const gain = (page) => (primaryPages.has(page) ? 2 : q.also.map(pageOf).includes(page) ? 1 : 0);
  const first = ranking.pages.findIndex((p) => primaryPages.has(p));
  const dcg = ranking.pages.slice(0, 10).reduce((sum, p, i) => sum + (Math.pow(2, gain(p)) - 1) / Math.log2(i + 2), 0);
  const ideal = Array.from(new Set(q.primary.map(pageOf).concat(q.also.map(pageOf)))).map(gain).sort((a, b) => b - a)
    .slice(0, 10).reduce((sum, g, i) => sum + (Math.pow(2, g) - 1) / Math.log2(i + 2), 0);
  const sectionHit3 = ranking.sections.slice(0, 3).some((s) => q.primary.some((t) => sectionMatches(t, s)));
  return { hit1: first === 0 ? 1 : 0, hit3: first >= 0 && first < 3 ? 1 : 0, rr: first >= 0 ? 1 / (first + 1) : 0,
    ndcg: ideal ? dcg / ideal : 0, sectionHit3: sectionHit3 ? 1 : 0 };
}

function mean(list, key) {
  return list.reduce((s, x) => s + x[key], 0) / list.length;
}

async function main() {
  const write = !process.argv.includes('--no-write');
  const queries = readQueries();
  const engines = [{ name: 'ours (Lucene, static client)', rankings: (await ours(queries)).map(rankingOfOurs) }];
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'search-relevance-'));
  const driver = await startDriver();
  try {
    const copy = pagefindSite(work);
    for (const pf of PAGEFINDS) {
      engines.push({ name: 'Pagefind ' + pf.version, rankings: (await pagefind(copy, queries, driver.port, pf)).map(rankingOfPagefind) });
    }
  } finally {
    driver.stop();
    fs.rmSync(work, { recursive: true, force: true });
  }
  const pct = (x) => (x * 100).toFixed(1) + ' %';
  const line = (cells) => '| ' + cells.join(' | ') + ' |';
  const kinds = Array.from(new Set(queries.map((q) => q.kind)));
  const table = [];
  table.push(`${queries.length} queries (${kinds.map((k) => queries.filter((q) => q.kind === k).length + ' ' + k).join(', ')}), `
    + `page level unless said; hit and MRR count the first-named targets.`, '');
  table.push(line(['engine', 'hit@1', 'hit@3', 'MRR', 'nDCG@10', 'section hit@3']));
  table.push(line(['---', '---', '---', '---', '---', '---']));
  for (const e of engines) {
    e.scores = queries.map((q, i) => scores(q, e.rankings[i]));
    table.push(line([e.name, pct(mean(e.scores, 'hit1')), pct(mean(e.scores, 'hit3')), mean(e.scores, 'rr').toFixed(3),
      mean(e.scores, 'ndcg').toFixed(3), pct(mean(e.scores, 'sectionHit3'))]));
  }
  table.push('', 'MRR by kind of query:', '');
  table.push(line(['kind', 'queries'].concat(engines.map((e) => e.name))));
  table.push(line(['---', '---'].concat(engines.map(() => '---'))));
  for (const k of kinds) {
    const idx = queries.map((q, i) => (q.kind === k ? i : -1)).filter((i) => i >= 0);
    table.push(line([k, idx.length].concat(engines.map((e) => mean(idx.map((i) => e.scores[i]), 'rr').toFixed(3)))));
  }
  for (const e of engines) {
    const misses = queries.filter((q, i) => !e.scores[i].hit3).map((q) => '`' + q.query + '`');
    table.push('', `Not in the top three for ${e.name} (${misses.length}): ${misses.join(', ') || 'none'}`);
  }
  const text = table.join('\n');
  console.log(text);
  if (write) {
    const file = path.join(__dirname, 'RESULTS.md');
    const body = fs.readFileSync(file, 'utf8');
    const start = '<!-- relevance:start -->', end = '<!-- relevance:end -->';
    if (!body.includes(start)) throw new Error(file + ' has no ' + start + ' … ' + end + ' block to write into');
    fs.writeFileSync(file, body.slice(0, body.indexOf(start) + start.length) + '\n' + text + '\n' + body.slice(body.indexOf(end)));
  }
}

main().catch((e) => { console.error(e); process.exit(1); });
