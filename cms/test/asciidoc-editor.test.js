'use strict';

const test = require('node:test');
const assert = require('node:assert/strict');
const { headingAnchors, linkTargets, pagePath } = require('../src/plugins/asciidoc-editor/server/link-targets');

test('page paths: the front page, a section front page, a page in a section, another language', () => {
  assert.equal(pagePath({ section: 'forside', slug: 'forside' }), '/');
  assert.equal(pagePath({ section: 'trin-1', slug: 'trin-1' }), '/trin-1/');
  assert.equal(pagePath({ section: 'trin-2', slug: 'noeglespoergsmaal' }), '/trin-2/noeglespoergsmaal/');
  assert.equal(pagePath({ section: 'trin-2', slug: 'noeglespoergsmaal' }, '/en'), '/en/trin-2/noeglespoergsmaal/');
});

test('anchors: [[id]] and [#id…] before a heading, not before a paragraph or inside a listing', () => {
  const body = [
    '[[oversigt]]',
    '== Overblik',
    '',
    '[#fishbowl,principper="samskabelse"]',
    '=== Fishbowl',
    '',
    '[[ikke-en-overskrift]]',
    'Et afsnit.',
    '',
    '[#saet-retning.vigtig]',
    '[role=x]',
    '== Sæt retning',
    '',
    '----',
    '[[i-kode]]',
    '== Ikke en overskrift',
    '----',
    '== Uden id',
  ].join('\n');
  assert.deepEqual(headingAnchors(body), [
    { id: 'oversigt', title: 'Overblik', level: 2 },
    { id: 'fishbowl', title: 'Fishbowl', level: 3 },
    { id: 'saet-retning', title: 'Sæt retning', level: 2 },
  ]);
  assert.deepEqual(headingAnchors(null), []);
});

test('link targets: front page first, then by section, section front page first, then order', () => {
  const targets = linkTargets([
    { title: 'B', section: 'trin-1', slug: 'b', sortOrder: 20, body: '' },
    { title: 'Trin 1', section: 'trin-1', slug: 'trin-1', sortOrder: 10, body: '[[x]]\n== X\n' },
    { title: 'A', section: 'trin-1', slug: 'a', sortOrder: 10, body: '' },
    { title: 'Forside', section: 'forside', slug: 'forside', sortOrder: 0, body: '' },
    { title: 'Om', section: 'om', slug: 'om', sortOrder: 90, body: '' },
  ]);
  assert.deepEqual(targets.map((t) => t.path), ['/', '/om/', '/trin-1/', '/trin-1/a/', '/trin-1/b/']);
  assert.deepEqual(targets[2].anchors, [{ id: 'x', title: 'X', level: 2 }]);
});

test('toolbar helpers write the handbook\'s Asciidoc', async () => {
  const a = await import('../src/plugins/asciidoc-editor/admin/src/lib/asciidoc.mjs');
  assert.equal(a.linkMacro('/trin-1/', 'saet-retning', 'Sæt retning'), 'link:/trin-1/#saet-retning[Sæt retning]');
  assert.equal(a.linkMacro('/', null, 'Forsiden [ny]'), 'link:/[Forsiden [ny\\]]');
  assert.equal(a.imageMacro('/uploads/tre_trin_ab12.png', 'De tre trin'), 'image::/uploads/tre_trin_ab12.png[De tre trin]');
  assert.equal(a.imageMacro('/uploads/x.png', 'Trin 1, 2 og 3'), 'image::/uploads/x.png["Trin 1, 2 og 3"]');
  assert.throws(() => a.imageMacro('/uploads/x.png', '  '), /alt text/);
  assert.equal(a.heading(2, 'Få input på tværs'), '[[faa-input-paa-tvaers]]\n== Få input på tværs');
  assert.equal(a.heading(3, '== Test'), '[[test]]\n=== Test');
  assert.equal(a.inlineMarkup('*', ' ', 'vigtigt', '.'), '*vigtigt*');
  assert.equal(a.inlineMarkup('*', 'u', 'vigtigt', ''), '**vigtigt**');
  assert.equal(a.listLines('et\n\n* to\n3. tre', '.'), '. et\n\n. to\n. tre');
  assert.equal(a.admonition('TIP', 'Husk.'), '[TIP]\n====\nHusk.\n====');
  assert.equal(a.previewSource('før\ndiagram::tre-trin[]\nefter').includes('Diagram: tre-trin'), true);
});
