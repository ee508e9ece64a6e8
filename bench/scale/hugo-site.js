// Makes a throwaway Hugo site in SITE from the generated corpus in CORPUS: the config and layouts
// of bench/scale/hugo/, and every .adoc page copied to content/ with the YAML front matter Hugo
// reads (title from the "= Title" line, date from :jbake-date:). index.adoc becomes _index.adoc,
// because a folder with index.adoc is a single page to Hugo and would hide its sibling pages.
// Usage: node hugo-site.js CORPUS SITE
'use strict';
const fs = require('fs');
const path = require('path');

const [corpusArg, siteArg] = process.argv.slice(2);
if (!corpusArg || !siteArg) {
  console.error('usage: node hugo-site.js CORPUS SITE');
  process.exit(2);
}
const corpus = path.resolve(corpusArg);
const site = path.resolve(siteArg);
fs.cpSync(path.join(__dirname, 'hugo'), site, { recursive: true });

function* adocFiles(dir) {
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const file = path.join(dir, entry.name);
    if (entry.isDirectory()) yield* adocFiles(file);
    else if (entry.name.endsWith('.adoc')) yield file;
  }
}

let pages = 0;
for (const file of adocFiles(corpus)) {
  const source = fs.readFileSync(file, 'utf8');
  const title = (source.match(/^= (.+)$/m) || [])[1];
  if (!title) {
    console.error(`${file}: no "= Title" line; regenerate the corpus with bench/generate-corpus`);
    process.exit(1);
  }
  const date = (source.match(/^:jbake-date: (\S+)$/m) || [])[1];
  // JSON strings are valid YAML scalars, so titles need no YAML escaping of their own.
  const frontMatter = ['---', `title: ${JSON.stringify(title)}`, ...(date ? [`date: ${date}`] : []), '---', ''].join('\n');
  const relative = path.relative(corpus, file).replace(/(^|\/)index\.adoc$/, '$1_index.adoc');
  const target = path.join(site, 'content', relative);
  fs.mkdirSync(path.dirname(target), { recursive: true });
  fs.writeFileSync(target, frontMatter + source);
  pages++;
}
console.log(`wrote ${pages} pages into ${path.join(site, 'content')}`);
