// Makes a throwaway Antora content source in REPO from the generated corpus in CORPUS, as a local
// git repository (Antora reads content from git), and a playbook for it in PLAYBOOK:
//   REPO/antora.yml                       one unversioned component
//   REPO/modules/ROOT/pages/**.adoc       every page at the same path (omraade-001/side-00005.adoc)
//   REPO/modules/ROOT/nav.adoc            front page, then each section with its pages (by :jbake-order:)
// The :jbake-*: header attributes become :page-*: attributes (what an Antora UI reads), the summary
// becomes :description: and the nav title :navtitle:. The corpus's internal links (link:/omraade-001/
// side-00005/#afsnit-1[...]) become xrefs to the page files, so Antora checks them as it resolves them.
// The playbook reads the repository's worktree without fetching (runtime.fetch: false) and uses the
// local UI bundle folder UI (ui/ here plus the handbook's stylesheet, copied by run.sh).
// Usage: node antora-site.js CORPUS REPO UI PLAYBOOK
'use strict';
const fs = require('fs');
const path = require('path');
const { execFileSync } = require('child_process');

const [corpusArg, repoArg, uiArg, playbookArg] = process.argv.slice(2);
if (!playbookArg) {
  console.error('usage: node antora-site.js CORPUS REPO UI PLAYBOOK');
  process.exit(2);
}
const corpus = path.resolve(corpusArg);
const repo = path.resolve(repoArg);
const pagesDir = path.join(repo, 'modules', 'ROOT', 'pages');

function* adocFiles(dir) {
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const file = path.join(dir, entry.name);
    if (entry.isDirectory()) yield* adocFiles(file);
    else if (entry.name.endsWith('.adoc')) yield file;
  }
}

const relativePages = Array.from(adocFiles(corpus), (file) => path.relative(corpus, file)).sort();
const known = new Set(relativePages);
// A handbook URL (/, /om/, /omraade-001/side-00005/) and the page file it is built from.
function pageFor(url) {
  const trimmed = url.replace(/^\/|\/$/g, '');
  const candidates = trimmed ? [`${trimmed}.adoc`, `${trimmed}/index.adoc`] : ['index.adoc'];
  return candidates.find((candidate) => known.has(candidate));
}

const attribute = (source, name) => (source.match(new RegExp(`^:jbake-${name}: (.*)$`, 'm')) || [])[1];
const entries = [];
for (const relative of relativePages) {
  const file = path.join(corpus, relative);
  const source = fs.readFileSync(file, 'utf8');
  if (!/^= .+$/m.test(source)) {
    console.error(`${file}: no "= Title" line; regenerate the corpus with bench/generate-corpus`);
    process.exit(1);
  }
  const summary = attribute(source, 'summary');
  const navtitle = attribute(source, 'navtitle');
  const converted = source
    .replace(/^:jbake-([a-z]+):/gm, ':page-$1:')
    .replace(/^(= .+\n)/m, `$1${summary ? `:description: ${summary}\n` : ''}${navtitle ? `:navtitle: ${navtitle}\n` : ''}`)
    .replace(/link:(\/[^\s[#]*)(#[^\s[]*)?\[/g, (macro, url, fragment) => {
      const target = pageFor(url);
      if (!target) {
        console.error(`${file}: link to ${url} matches no page of the corpus`);
        process.exit(1);
      }
      return `xref:${target}${fragment || ''}[`;
    });
  const target = path.join(pagesDir, relative);
  fs.mkdirSync(path.dirname(target), { recursive: true });
  fs.writeFileSync(target, converted);
  entries.push({ relative, order: Number(attribute(source, 'order') || 0) });
}

// Navigation in two levels: top-level pages (front page, section index pages, om, søg, emneindeks)
// by order, each section's other pages under it by order.
const folderOf = (relative) => (relative.includes('/') ? relative.slice(0, relative.indexOf('/')) : '');
const byOrder = (a, b) => a.order - b.order || a.relative.localeCompare(b.relative);
const topLevel = entries.filter((e) => e.relative === 'index.adoc' || e.relative.endsWith('/index.adoc')).sort(byOrder);
const nav = [];
for (const top of topLevel) {
  nav.push(`* xref:${top.relative}[]`);
  const folder = folderOf(top.relative);
  if (!folder) continue;
  for (const child of entries.filter((e) => e !== top && folderOf(e.relative) === folder).sort(byOrder)) {
    nav.push(`** xref:${child.relative}[]`);
  }
}
fs.writeFileSync(path.join(repo, 'modules', 'ROOT', 'nav.adoc'), nav.join('\n') + '\n');
fs.writeFileSync(path.join(repo, 'antora.yml'), 'name: ROOT\nversion: ~\ntitle: DIS-håndbogen\nnav:\n- modules/ROOT/nav.adoc\n');

const git = (...args) => execFileSync('git', args, { cwd: repo, stdio: ['ignore', 'ignore', 'inherit'] });
git('init', '--quiet', '--initial-branch=main');
git('add', '--all');
git('-c', 'user.name=Benchmark', '-c', 'user.email=bench@localhost', 'commit', '--quiet', '--no-gpg-sign', '-m', 'Generated corpus');

// Everything Antora needs is local: the content repository's worktree (HEAD), the UI folder, no
// fetching. Unresolved xrefs are logged as errors, and an error fails the build.
const playbook = {
  site: { title: 'DIS-håndbogen', url: 'https://dis-haandbog.example.dk', start_page: 'ROOT::index.adoc' },
  content: { sources: [{ url: repo, branches: 'HEAD' }] },
  ui: { bundle: { url: path.resolve(uiArg) } },
  urls: { html_extension_style: 'indexify' },
  runtime: { fetch: false, quiet: true, log: { level: 'warn', failure_level: 'warn' } },
  // The same Asciidoctor attributes as the JBake peer: a table of contents of the h2 headings, Danish captions.
  asciidoc: {
    attributes: {
      toc: '', toclevels: '1', 'toc-title': 'Indhold på siden', lang: 'da', 'table-caption': 'Tabel',
      'example-caption': 'Eksempel', 'figure-caption': 'Figur', 'note-caption': 'Bemærk', 'tip-caption': 'Tip',
      'warning-caption': 'Advarsel', 'important-caption': 'Vigtigt', 'caution-caption': 'Forsigtig',
    },
  },
  output: { clean: true },
};
// JSON is valid YAML, and Antora reads a playbook ending in .json as JSON.
fs.writeFileSync(path.resolve(playbookArg), JSON.stringify(playbook, null, 2) + '\n');
console.log(`wrote ${entries.length} pages into ${pagesDir}, committed, and ${playbookArg}`);
