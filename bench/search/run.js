// Search benchmark: our Lucene-built static index vs Pagefind on generated Danish corpora.
// For each size: generate the corpus, build both indexes on the same site, then measure in
// headless Chromium (Debian's, through chromedriver) the bytes fetched for a cold first query
// and a warm second query (gzip as a CDN serves text), and our keystroke-to-results time.
// Usage: node run.js [PAGES...]   (default 1000 10000); see run.sh.
'use strict';
const fs = require('fs');
const os = require('os');
const path = require('path');
const zlib = require('zlib');
const { spawnSync } = require('child_process');
const { serve } = require('./server');
const { startDriver, inBrowser } = require('./chromium');

const repo = path.resolve(__dirname, '../..');
const sizes = process.argv.slice(2).map(Number).filter(Boolean);
if (sizes.length === 0) sizes.push(1000, 10000);
const Q1 = 'sparringsnetværk borgere', Q2 = 'innovationsprincipper', TYPED = 'nøglespørgsmål';
function timed(cmd, args, opts) {
  const t0 = process.hrtime.bigint();
  const r = spawnSync(cmd, args, Object.assign({ encoding: 'utf8', maxBuffer: 64 << 20 }, opts));
  const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
  if (r.status !== 0) throw new Error(cmd + ' ' + args.join(' ') + ' failed:\n' + r.stdout + r.stderr);
  return { seconds, stdout: r.stdout, stderr: r.stderr };
}

function sizeOf(dir, gzip) {
  let total = 0;
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) total += sizeOf(p, gzip);
    else total += gzip ? zlib.gzipSync(fs.readFileSync(p), { level: 6 }).length : fs.statSync(p).size;
  }
  return total;
}

async function main() {
  const handbookSite = path.join(repo, 'target/site');
  const pagefindBin = path.join(__dirname, 'node_modules/.bin/pagefind');
  const classpath = ['target/classes', 'target/test-classes', 'target/lib/*'].map((p) => path.join(repo, p)).join(path.delimiter);
  const driver = await startDriver();
  const driverPort = driver.port;
  const rows = [];
  try {
    for (const pages of sizes) {
      const work = fs.mkdtempSync(path.join(os.tmpdir(), `search-bench-${pages}-`));
      const site = path.join(work, 'site');
      console.log(timed('node', [path.join(__dirname, 'generate.js'), handbookSite, site, String(pages)]).stdout.trim());

      const ours = timed('java', ['-cp', classpath, 'dk.dis.handbook.search.IndexBench', site, path.join(work, 'search-index'),
        path.join(repo, 'content')]);
      const oursStage = JSON.parse(ours.stdout.trim().split('\n').pop());
      // bash's time gives Pagefind's CPU time (user + sys) to put beside ours.
      const pf = timed('bash', ['-c', 'TIMEFORMAT="cpu %U %S"; time "$0" --site "$1" > /dev/null', pagefindBin, site]);
      const pfCpu = pf.stderr.match(/cpu ([\d.]+) ([\d.]+)/).slice(1).map(Number).reduce((a, b) => a + b);
      const dataDir = path.join(site, 'soeg/data');
      const meta = '/soeg/data/' + fs.readdirSync(dataDir).find((n) => n.startsWith('meta.'));

      const server = await serve([site, __dirname, repo]);
      const base = `http://127.0.0.1:${server.address().port}/browser/index.html?q1=${encodeURIComponent(Q1)}&q2=${encodeURIComponent(Q2)}`;
      try {
        const o = await inBrowser(driverPort, `${base}&engine=ours&meta=${encodeURIComponent(meta)}&typed=${encodeURIComponent(TYPED)}`);
        const p = await inBrowser(driverPort, `${base}&engine=pagefind`);
        if (o.error || p.error) throw new Error(o.error || p.error);
        rows.push({ pages, engine: 'ours (Lucene, static)', size: sizeOf(dataDir, false), sizeGz: sizeOf(dataDir, true),
          build: oursStage.seconds, cpu: oursStage.cpuSeconds, wall: ours.seconds, cold: o.cold, warm: o.warm, keystroke: o.keystroke });
        rows.push({ pages, engine: 'Pagefind 1.5.2', size: sizeOf(path.join(site, 'pagefind'), false), sizeGz: null,
          build: null, cpu: pfCpu, wall: pf.seconds, cold: p.cold, warm: p.warm, keystroke: null });
        if (process.env.BENCH_VERBOSE) console.log(JSON.stringify({ ours: o, pagefind: p }, null, 1));
      } finally {
        server.close();
      }
      fs.rmSync(work, { recursive: true, force: true });
    }
  } finally {
    driver.stop();
  }

  const kb = (b) => (b / 1024).toFixed(1);
  const line = (cells) => '| ' + cells.join(' | ') + ' |';
  console.log(`\ncold query "${Q1}" (+ top 10 records), warm query "${Q2}"; text gzip-compressed as a CDN serves it`);
  console.log(line(['pages', 'engine', 'index size KB (gzip)', 'build s (stage / CPU / wall)', 'cold KB (req)', 'warm KB (req)',
    'cold ms', 'warm ms', 'keystroke→results ms', 'hits']));
  console.log(line(['---', '---', '---', '---', '---', '---', '---', '---', '---', '---']));
  for (const r of rows) {
    console.log(line([r.pages, r.engine, kb(r.size) + (r.sizeGz ? ` (${kb(r.sizeGz)})` : ''),
      (r.build ? r.build.toFixed(2) : '–') + ' / ' + r.cpu.toFixed(2) + ' / ' + r.wall.toFixed(2),
      `${kb(r.cold.bytes)} (${r.cold.requests})`, `${kb(r.warm.bytes)} (${r.warm.requests})`,
      r.cold.ms.toFixed(0), r.warm.ms.toFixed(0),
      r.keystroke ? `${r.keystroke.medianMs.toFixed(0)} (incl. 120 ms debounce)` : 'n/a', `${r.cold.results}/${r.warm.results}`]));
  }
  console.log('\ngoals: cold <= 60 KB at 1k pages, warm <= 25 KB, cold <= 90 KB at 10k pages, 10k build <= 30 s');
}

main().catch((e) => { console.error(e); process.exit(1); });
