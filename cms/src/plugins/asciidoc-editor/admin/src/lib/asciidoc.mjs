// Pure helpers for the editor: the Asciidoc the toolbar writes, and how the preview renders it.
// No DOM or editor here, so they can be tested with node --test.

/** An id for a heading, as the handbook writes them: lower case a–z, 0–9 and '-', æ→ae, ø→oe, å→aa. */
export function headingId(text) {
  return String(text)
    .toLowerCase()
    .replace(/æ/g, 'ae')
    .replace(/ø/g, 'oe')
    .replace(/å/g, 'aa')
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

/** Text inside a macro's brackets: a ']' would end the macro early. */
export function macroText(text) {
  return String(text).replace(/\r?\n/g, ' ').replace(/\]/g, '\\]').trim();
}

/** link:/section/slug/#anchor[text] */
export function linkMacro(path, anchor, text) {
  const target = anchor ? `${path}#${anchor}` : path;
  return `link:${target}[${macroText(text)}]`;
}

/**
 * image::/uploads/FILE[Alt text]. The alt text is the first positional attribute: quoted when it
 * holds a comma, '=' or a quote, so that it stays one attribute.
 */
export function imageMacro(url, alt) {
  const text = String(alt).replace(/\s+/g, ' ').trim();
  if (!text) throw new Error('An image needs alt text.');
  const attr = /[,="\]]/.test(text) ? `"${text.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\]/g, '\\]')}"` : text;
  return `image::${url}[${attr}]`;
}

/**
 * Bold, italic or code around the selected text: constrained (*text*) between spaces and
 * punctuation, unconstrained (**text**) when the selection touches letters on either side.
 */
export function inlineMarkup(marker, before, selected, after) {
  const word = /[\p{L}\p{N}_]/u;
  const touches = (before && word.test(before)) || (after && word.test(after));
  const m = touches ? marker + marker : marker;
  return `${m}${selected}${m}`;
}

/** Lines prefixed for a list ('* ' or '. '); an existing list marker is replaced. */
export function listLines(text, marker) {
  return String(text)
    .split('\n')
    .map((line) => (line.trim() === '' ? line : `${marker} ${line.replace(/^\s*([*.-]+|\d+\.)\s+/, '')}`))
    .join('\n');
}

/** A heading of the given level (2 for ==), with an id to link to when it has text. */
export function heading(level, text) {
  const title = String(text).replace(/^=+\s*/, '').replace(/\s+/g, ' ').trim();
  const id = headingId(title);
  return `${id ? `[[${id}]]\n` : ''}${'='.repeat(level)} ${title}`;
}

export function admonition(kind, text) {
  return `[${kind}]\n====\n${text}\n====`;
}

export const TABLE = '[cols="1,1"]\n|===\n|Overskrift 1 |Overskrift 2\n\n|Tekst |Tekst\n\n|Tekst |Tekst\n|===';

/** Danish captions, as the site sets them (Asciidoctor's lang=da does not translate them). */
export const DANISH_ATTRIBUTES = {
  'note-caption': 'Bemærk',
  'tip-caption': 'Tips',
  'important-caption': 'Vigtigt',
  'warning-caption': 'Advarsel',
  'caution-caption': 'Forsigtig',
  'figure-caption': 'Figur',
  'table-caption': 'Tabel',
  'example-caption': 'Eksempel',
  'toc-title': 'Indholdsfortegnelse',
  'last-update-label': 'Sidst opdateret',
  lang: 'da',
};

/** diagram::name[] is the site's own macro: the preview shows where the diagram goes. */
export function previewSource(body) {
  return String(body || '').replace(/^diagram::([a-z0-9-]+)\[\]\s*$/gm, '[.diagram-placeholder]\n****\nDiagram: $1 (vises på den færdige side)\n****');
}
