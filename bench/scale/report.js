// Prints the results of bench/scale/run.sh as a markdown table and, with --write FILE, writes
// them with the machine, versions and the handbook's stage tables to FILE.
// Usage: node report.js RESULTS_JSONL INFO_JSON STAGES_TXT [--write FILE]
'use strict';
const fs = require('fs');
const os = require('os');

const [resultsFile, infoFile, stagesFile, flag, writeFile] = process.argv.slice(2);
if (!stagesFile || (flag && (flag !== '--write' || !writeFile))) {
  console.error('usage: node report.js RESULTS_JSONL INFO_JSON STAGES_TXT [--write FILE]');
  process.exit(2);
}
const results = fs.readFileSync(resultsFile, 'utf8').split('\n').filter(Boolean).map((line) => JSON.parse(line));
const info = JSON.parse(fs.readFileSync(infoFile, 'utf8'));
const stages = fs.existsSync(stagesFile) ? fs.readFileSync(stagesFile, 'utf8').trim() : '';

const pagesPerSecond = (r) => r.pages / r.wallSeconds;
const header = ['pages', 'engine', 'wall s', 'CPU s', 'pages/s', 'peak MB', 'ours ÷ engine (pages/s)'];
// Our rebuilds and PDF builds are not other engines: their pages per second say nothing to compare.
const ownRow = (r) => r.engine.startsWith('ours-');
const rows = results.map((r) => {
  const ours = results.find((o) => o.pages === r.pages && o.engine === 'ours');
  return [
    r.pages.toLocaleString('en-US'),
    info.engines[r.engine] || r.engine,
    r.wallSeconds.toFixed(2),
    r.cpuSeconds === undefined ? 'n/a' : r.cpuSeconds.toFixed(2),
    r.engine.includes('edit') || r.engine.includes('again') ? 'n/a' : pagesPerSecond(r).toFixed(1),
    String(r.peakMb),
    r.engine === 'ours' ? '1.00' : ours && !ownRow(r) ? (pagesPerSecond(ours) / pagesPerSecond(r)).toFixed(2) : 'n/a',
  ];
});
const numeric = [true, false, true, true, true, true, true];
const widths = header.map((h, i) => Math.max(h.length, ...rows.map((row) => row[i].length)));
const line = (cells) => `| ${cells.map((c, i) => (numeric[i] ? c.padStart(widths[i]) : c.padEnd(widths[i]))).join(' | ')} |`;
const rule = `|${widths.map((w, i) => (numeric[i] ? `${'-'.repeat(w + 1)}:` : `:${'-'.repeat(w + 1)}`)).join('|')}|`;
const table = [line(header), rule, ...rows.map(line)].join('\n');
console.log(table);

if (writeFile) {
  const cpu = (os.cpus()[0] || {}).model || 'unknown CPU';
  const markdown = `# Build time at scale

\`${info.command || `bench/scale/run.sh ${info.sizes.join(' ')}`}\` on ${info.date}: ${os.cpus().length} cores (${cpu.trim()}),
${Math.round(os.totalmem() / 2 ** 30)} GB memory, load average ${info.load} when it started. One run per cell.

${table}

- **ours**: \`java -jar target/handbook.jar build --clean --content DIR --out OUT --no-pdf\`: a cold
  build of the whole site (convert, templates, search index, link check, feed, sitemap).
- **rebuilt with nothing changed / after one page's text edited**: the same command without \`--clean\`
  on the site just built, then again after a sentence is added to one page (the build cache in
  \`target/build-cache\`: only what changed is converted, rendered, analysed for search and read by
  the checks; the search files, checks and service workers still cover the whole site).
- **with PDFs**: the cold build with the whole-handbook PDF and one PDF per section, then one page
  edited (the PDFs that contain it are laid out again).
- **Asciidoctor.js**: one Node process converts every page to a standalone HTML document (secure
  mode), nothing else.
- **Hugo + Asciidoctor**: \`hugo --quiet\` with minimal layouts (title and content); Hugo runs the
  Ruby \`asciidoctor\` program once per page. Tag and category pages are off (the handbook has none);
  feed, sitemap and 404 stay on.
- **JBake**: stock JBake 2.7.0, what \`jbake -b\` does (\`bench/scale/jbake/\`: \`new Oven(config).bake()\`,
  failing on \`getErrors()\`), in a JVM with default options: its OrientDB memory store, its own
  Asciidoctor engine (every page's header read, then the page converted, one thread) and FreeMarker
  templates of the handbook's weight (head, header with search box, breadcrumbs, two-level navigation,
  table of contents, page meta, previous/next, footer), which work out the navigation and
  breadcrumbs from \`published_pages\` on every page; feed, sitemap and 404 on, tags and archive off.
  The pages are copied to \`side-NNNNN/index.adoc\` first (not timed) so they get the handbook's URLs;
  their headers are read as they are.
- **Antora**: \`antora\` (\`@antora/cli\` and \`@antora/site-generator\`, \`bench/scale/antora/\`) on a
  playbook that reads the corpus from a local git repository (one unversioned component, every page
  under \`modules/ROOT/pages/\`, \`nav.adoc\` with the sections and their pages, the corpus's links as
  xrefs) with \`runtime.fetch: false\`, and a local UI bundle folder of the handbook's weight
  (Handlebars layout and partials like the JBake peer's, the handbook's stylesheet). Any warning, such
  as an unresolved xref, fails the build. Sitemap and 404 on; Antora makes no feed and no search index.
  The conversion to Antora's layout and the git commit are done first, not timed.
- **CPU s**: user plus system time of the command and its child processes (GNU time).
- **peak MB**: the largest sum of resident memory over the command's process tree, sampled from
  /proc every 50 ms (the launcher JVM and its build JVM; Hugo and its asciidoctor processes), and
  never less than GNU time's largest single process.
- **ours ÷ engine**: our pages per second divided by the engine's; above 1 means ours is faster.
${stages ? `\nThe handbook's stage tables:\n\n\`\`\`\n${stages}\n\`\`\`\n` : ''}`;
  fs.writeFileSync(writeFile, markdown);
  console.log(`\nwrote ${writeFile}`);
}
