// Converts every .adoc file under CORPUS to a standalone HTML document under OUT with
// Asciidoctor.js, in this one process (as Antora does): omraade-001/side-00005.adoc →
// OUT/omraade-001/side-00005.html. Secure mode, like the handbook's own converter;
// no web fonts, so the pages make no third-party requests.
// Usage: node asciidoctor-js.js CORPUS OUT
'use strict';
const fs = require('fs');
const path = require('path');
const asciidoctor = require('asciidoctor')();

const [corpusArg, outArg] = process.argv.slice(2);
if (!corpusArg || !outArg) {
  console.error('usage: node asciidoctor-js.js CORPUS OUT');
  process.exit(2);
}
const corpus = path.resolve(corpusArg);
const out = path.resolve(outArg);

function* adocFiles(dir) {
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const file = path.join(dir, entry.name);
    if (entry.isDirectory()) yield* adocFiles(file);
    else if (entry.name.endsWith('.adoc')) yield file;
  }
}

let pages = 0;
for (const file of adocFiles(corpus)) {
  const target = path.join(out, path.relative(corpus, file)).replace(/\.adoc$/, '.html');
  fs.mkdirSync(path.dirname(target), { recursive: true });
  const html = asciidoctor.convert(fs.readFileSync(file, 'utf8'), {
    safe: 'secure',
    standalone: true,
    attributes: { lang: 'da', 'webfonts!': '' },
  });
  fs.writeFileSync(target, html);
  pages++;
}
console.log(`converted ${pages} pages into ${out}`);
