// Writes a Danish Asciidoc corpus of N pages, usable as content/ for `handbook build --content DIR`.
// Sentences, headings and tags come from the handbook's own content/ folder; a seeded random
// generator recombines them, so the same N always gives the same corpus.
// Layout: index.adoc (front page), om/ (with the #kontakt the config links to), soeg/ and
// emneindeks/ (copied), then sections omraade-NNN/
// of up to 100 pages each (index.adoc + side-NNNNN.adoc), every page with 3–7 sections,
// lists, some tables and links to other pages of the corpus.
'use strict';
const fs = require('fs');
const path = require('path');

const [pagesArg, outArg, sourceArg] = process.argv.slice(2);
const total = parseInt(pagesArg, 10);
if (!Number.isInteger(total) || total < 4 || !outArg) {
  console.error('usage: generate-corpus N DIR   (N >= 4 pages; DIR is created or emptied)');
  process.exit(2);
}
const source = sourceArg || path.join(__dirname, '..', '..', 'content');
const out = path.resolve(outArg);

function* adocFiles(dir) {
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory() && e.name !== 'en') yield* adocFiles(p);
    else if (e.name.endsWith('.adoc')) yield p;
  }
}

// The handbook's own words: headings, sentences and tags of the Danish pages.
const headings = [];
const sentences = [];
const tags = new Set();
for (const file of adocFiles(source)) {
  for (const line of fs.readFileSync(file, 'utf8').split('\n')) {
    if (/^={2,3} /.test(line)) headings.push(line.replace(/^=+ /, '').trim());
    else if (line.startsWith(':jbake-tags:')) line.slice(12).split(',').map((t) => t.trim()).filter(Boolean).forEach((t) => tags.add(t));
    else if (/^[\p{Lu}]/u.test(line) && !line.includes('::') && !line.includes('link:') && !line.includes('|')) {
      for (const s of line.split(/(?<=[.!?])\s+/)) if (s.split(' ').length >= 5 && !/[\[\]{}*_`#]/.test(s)) sentences.push(s.trim());
    }
  }
}
if (headings.length === 0 || sentences.length === 0) {
  console.error(`no headings or sentences found in ${source}: point the third argument at a handbook's content/ folder`);
  process.exit(1);
}
const vocabulary = Array.from(new Set(sentences.join(' ').match(/\p{L}{4,}/gu)));
const tagList = Array.from(tags);

let seed = 20171212;
const random = () => { seed = (seed * 1103515245 + 12345) % 2147483648; return seed / 2147483648; };
const pick = (list) => list[Math.floor(random() * list.length)];
const between = (lo, hi) => lo + Math.floor(random() * (hi - lo + 1));
// A sentence with about one word in eight swapped for another word of the vocabulary.
const vary = (s) => s.split(' ').map((w) => (random() < 0.12 && /^\p{L}{4,}$/u.test(w) ? pick(vocabulary) : w)).join(' ');
const paragraph = () => Array.from({ length: between(2, 5) }, () => vary(pick(sentences))).join('\n');
const clean = (s) => s.replace(/[\[\]<>{}]/g, '');

const PER_SECTION = 100;
const fixed = 4; // front page, om, søg, emneindeks
const generated = total - fixed;
const sectionCount = Math.max(1, Math.ceil(generated / PER_SECTION));
const pad = (n, w) => String(n).padStart(w, '0');
const sectionSlug = (s) => `omraade-${pad(s + 1, 3)}`;
// Page k (0-based over generated pages): the first page of a section is its index.
const pageUrl = (k) => {
  const s = Math.floor(k / PER_SECTION);
  const i = k % PER_SECTION;
  return i === 0 ? `/${sectionSlug(s)}/` : `/${sectionSlug(s)}/side-${pad(k, 5)}/`;
};
const pageTitle = [];
for (let k = 0; k < generated; k++) pageTitle.push(`${clean(vary(pick(headings)))} ${k + 1}`);

function header(title, slug, section, order, navtitle) {
  const day = pad(between(1, 28), 2);
  const month = pad(between(1, 12), 2);
  const pageTags = Array.from({ length: between(2, 5) }, () => pick(tagList)).filter((t, i, a) => a.indexOf(t) === i);
  return [
    `= ${title}`,
    ':jbake-type: page',
    ':jbake-status: published',
    `:jbake-date: 20${between(17, 26)}-${month}-${day}`,
    `:jbake-slug: ${slug}`,
    `:jbake-summary: ${clean(vary(pick(sentences)))}`,
    `:jbake-section: ${section}`,
    `:jbake-order: ${order}`,
    ...(navtitle ? [`:jbake-navtitle: ${navtitle}`] : []),
    ':jbake-owner: Opgaveudvalg om Innovation',
    ':jbake-reviewed: 2026-11-24',
    ':jbake-nextreview: 2027-11-24',
    ...(pageTags.length ? [`:jbake-tags: ${pageTags.join(', ')}`] : []),
    '',
  ].join('\n');
}

function link(k) {
  const target = between(0, generated - 1);
  if (target === k) return '';
  const anchor = random() < 0.5 ? `#afsnit-${between(1, 3)}` : '';
  return `Læs også link:${pageUrl(target)}${anchor}[${pageTitle[target]}].`;
}

function body(k) {
  const parts = [paragraph(), ''];
  const sections = between(3, 7);
  for (let s = 1; s <= sections; s++) {
    parts.push(`[[afsnit-${s}]]`, `== ${clean(vary(pick(headings)))}`, '', paragraph(), '');
    const shape = random();
    if (shape < 0.35) {
      for (let i = between(3, 6); i > 0; i--) parts.push(`* ${clean(vary(pick(sentences)))}`);
      parts.push('');
    } else if (shape < 0.5) {
      for (let i = between(3, 5); i > 0; i--) parts.push(`. ${clean(vary(pick(sentences)))}`);
      parts.push('');
    } else if (shape < 0.62) {
      parts.push('[cols="1,3",options="header"]', '|===', '| Emne | Beskrivelse');
      for (let i = between(2, 5); i > 0; i--) parts.push(`| ${clean(pick(tagList) || 'Emne')} | ${clean(vary(pick(sentences)))}`);
      parts.push('|===', '');
    }
    if (random() < 0.3) parts.push(`=== ${clean(vary(pick(headings)))}`, '', paragraph(), '');
    if (random() < 0.4) parts.push(link(k), '');
  }
  return parts.join('\n');
}

fs.rmSync(out, { recursive: true, force: true });
fs.mkdirSync(out, { recursive: true });
fs.writeFileSync(path.join(out, 'index.adoc'),
  header(`Håndbog med ${total} sider`, 'forside', 'forside', 0, 'Forside')
  + '\n' + paragraph() + '\n\n[[afsnit-1]]\n== Områder\n\n'
  + Array.from({ length: sectionCount }, (_, s) => `* link:/${sectionSlug(s)}/[${pageTitle[s * PER_SECTION]}]`).join('\n') + '\n');
fs.mkdirSync(path.join(out, 'om'));
fs.writeFileSync(path.join(out, 'om', 'index.adoc'), header('Om håndbogen', 'om', 'om', 90, 'Om')
  + '\n' + paragraph() + '\n\n[[kontakt]]\n== Kontakt\n\n' + paragraph() + '\n\n[[licens]]\n== Licens\n\n' + paragraph() + '\n');
for (const fixedPage of ['soeg', 'emneindeks']) {
  fs.mkdirSync(path.join(out, fixedPage));
  fs.copyFileSync(path.join(source, fixedPage, 'index.adoc'), path.join(out, fixedPage, 'index.adoc'));
}
if (fs.existsSync(path.join(source, 'synonymer.txt'))) fs.copyFileSync(path.join(source, 'synonymer.txt'), path.join(out, 'synonymer.txt'));

for (let k = 0; k < generated; k++) {
  const s = Math.floor(k / PER_SECTION);
  const i = k % PER_SECTION;
  const dir = path.join(out, sectionSlug(s));
  if (i === 0) {
    fs.mkdirSync(dir);
    fs.writeFileSync(path.join(dir, 'index.adoc'),
      header(pageTitle[k], sectionSlug(s), sectionSlug(s), 100 + s * 10, `Område ${s + 1}`) + '\n' + body(k));
  } else {
    fs.writeFileSync(path.join(dir, `side-${pad(k, 5)}.adoc`),
      header(pageTitle[k], `side-${pad(k, 5)}`, sectionSlug(s), i * 10) + '\n' + body(k));
  }
}
console.log(`generated ${total} pages in ${sectionCount} sections into ${out} `
  + `(from ${headings.length} headings, ${sentences.length} sentences, ${vocabulary.length} words of ${source})`);
