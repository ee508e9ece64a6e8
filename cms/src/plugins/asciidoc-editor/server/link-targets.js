'use strict';

// A block anchor on its own line: [[id]], [[id,reftext]], [#id] or [#id.role,attr=value].
const ANCHOR = /^\[(?:\[([A-Za-z0-9_][\w-]*)(?:,[^\]]*)?\]|#([A-Za-z0-9_][\w-]*)(?:[.%,][^\]]*)?)\]\s*$/;
const BLOCK_ATTRIBUTES = /^\[[^\]]*\]\s*$/;
const HEADING = /^(={2,6})\s+(\S.*?)\s*$/;
const DELIMITER = /^(-{4,}|\.{4,}|\/{4,}|\+{4,}|_{4,})\s*$/;

/** The URL of a page in the handbook: `/` for the front page, `/section/` for a section's front page. */
function pagePath(page, prefix = '') {
  if (page.section === 'forside' && page.slug === 'forside') return `${prefix}/`;
  if (page.slug === page.section) return `${prefix}/${page.section}/`;
  return `${prefix}/${page.section}/${page.slug}/`;
}

/** The ids set on headings (== and deeper) in an Asciidoc body, with the heading's text. */
function headingAnchors(body) {
  const anchors = [];
  let pending = [];
  let inBlock = null;
  for (const line of String(body || '').split(/\r?\n/)) {
    if (inBlock) {
      if (line.trim() === inBlock) inBlock = null;
      continue;
    }
    const delimiter = DELIMITER.exec(line);
    if (delimiter) {
      inBlock = delimiter[1];
      pending = [];
      continue;
    }
    const anchor = ANCHOR.exec(line);
    if (anchor) {
      pending.push(anchor[1] || anchor[2]);
      continue;
    }
    if (BLOCK_ATTRIBUTES.test(line)) continue;
    const heading = HEADING.exec(line);
    if (heading) {
      for (const id of pending) anchors.push({ id, title: heading[2], level: heading[1].length });
    }
    pending = [];
  }
  return anchors;
}

/** Pages sorted by path, each with its URL and anchors, for the editor's link dialog. */
function linkTargets(pages, { prefix = '' } = {}) {
  return pages
    .filter((p) => p && p.section && p.slug)
    .map((p) => ({
      title: p.title || p.slug,
      path: pagePath(p, prefix),
      section: p.section,
      sortOrder: typeof p.sortOrder === 'number' ? p.sortOrder : 0,
      anchors: headingAnchors(p.body),
    }))
    .sort((a, b) => {
      // The front page first, then by section, a section's front page before its pages, then by order.
      const key = (t) => [t.path === `${prefix}/` ? 0 : 1, t.section, t.path === `${prefix}/${t.section}/` ? 0 : 1, t.sortOrder];
      const ka = key(a);
      const kb = key(b);
      for (let i = 0; i < ka.length; i++) {
        if (ka[i] < kb[i]) return -1;
        if (ka[i] > kb[i]) return 1;
      }
      return a.title.localeCompare(b.title, 'da');
    })
    .map(({ sortOrder, ...t }) => t);
}

module.exports = { pagePath, headingAnchors, linkTargets };
