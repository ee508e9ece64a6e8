// Generates a Danish corpus of N pages from the handbook's own text: every page has a title,
// an introduction and 3-7 h2/h3 sections whose headings and sentences are drawn from the
// built handbook (target/site), with some words swapped for other words of its vocabulary.
// Usage: node generate.js HANDBOOK_SITE OUT_DIR PAGES
'use strict';
const fs = require('fs');
const path = require('path');
const [source, out, pagesArg] = process.argv.slice(2);
const pages = parseInt(pagesArg, 10);

function* htmlFiles(dir) {
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) yield* htmlFiles(p);
    else if (e.name === 'index.html') yield p;
  }
}
const text = (html) => html.replace(/<[^>]+>/g, ' ').replace(/&[a-z#0-9]+;/g, ' ').replace(/\s+/g, ' ').trim();
const headings = [];
const sentences = [];
for (const file of htmlFiles(source)) {
  const html = fs.readFileSync(file, 'utf8');
  const body = html.split('<div class="body">')[1];
  if (!body) continue;
  for (const m of body.matchAll(/<h[23][^>]*>(.*?)<\/h[23]>/g)) headings.push(text(m[1]));
  for (const m of body.matchAll(/<p[^>]*>([\s\S]*?)<\/p>/g)) {
    for (const s of text(m[1]).split(/(?<=[.!?])\s+/)) if (s.split(' ').length >= 4) sentences.push(s);
  }
}
const vocabulary = Array.from(new Set(sentences.join(' ').match(/[\p{L}]{4,}/gu)));

let seed = 42;
const random = () => { seed = (seed * 1103515245 + 12345) % 2147483648; return seed / 2147483648; };
const pick = (list) => list[Math.floor(random() * list.length)];
const vary = (s) => s.split(' ').map((w) => (random() < 0.12 && /^\p{L}{4,}$/u.test(w) ? pick(vocabulary) : w)).join(' ');
const escape = (s) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
const paragraph = () => '<p>' + escape(Array.from({ length: 2 + Math.floor(random() * 4) }, () => vary(pick(sentences))).join(' ')) + '</p>';

fs.rmSync(out, { recursive: true, force: true });
for (let i = 0; i < pages; i++) {
  const title = vary(pick(headings)) + ' ' + (i + 1);
  const dir = path.join(out, 'side', String(Math.floor(i / 100)), String(i));
  fs.mkdirSync(dir, { recursive: true });
  let body = paragraph();
  const sections = 3 + Math.floor(random() * 5);
  for (let s = 0; s < sections; s++) {
    const level = s > 0 && random() < 0.3 ? 'h3' : 'h2';
    body += `<${level} id="afsnit-${s + 1}">${escape(vary(pick(headings)))}</${level}>` + paragraph() + (random() < 0.5 ? paragraph() : '');
  }
  fs.writeFileSync(path.join(dir, 'index.html'), `<!DOCTYPE html>
<html lang="da"><head><meta charset="utf-8"><title>${escape(title)}</title></head>
<body><main id="indhold"><article data-pagefind-body><header class="page-header"><h1 id="sidetitel">${escape(title)}</h1></header>
<div class="body">${body}</div></article></main></body></html>
`);
}
console.log(`generated ${pages} pages from ${headings.length} headings, ${sentences.length} sentences, ${vocabulary.length} words`);
