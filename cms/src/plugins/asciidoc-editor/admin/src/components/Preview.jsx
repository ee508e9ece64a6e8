import * as React from 'react';
import DOMPurify from 'dompurify';
import { Box, Typography } from '@strapi/design-system';
import { DANISH_ATTRIBUTES, previewSource } from '../lib/asciidoc.mjs';
// The site's own stylesheet, so the preview looks like the published page.
import siteCss from '../../../../../../../assets/css/site.css?raw';

const PREVIEW_CSS = `${siteCss}
body { padding: 0 1.25rem 2rem; }
.diagram-placeholder { border: 2px dashed var(--border); padding: 0.5rem 1rem; color: var(--muted); }
.preview-remote-image { border: 1px dashed var(--border); padding: 0.25rem 0.5rem; color: var(--muted); }
`;

let asciidoctor;
/** Asciidoctor.js is large: it is loaded when the first preview is drawn. */
function loadAsciidoctor() {
  if (!asciidoctor) asciidoctor = import('@asciidoctor/core').then((m) => (m.default || m)());
  return asciidoctor;
}

// The site turns an image from another site into a link and loads nothing from elsewhere; so does the preview.
DOMPurify.addHook('afterSanitizeAttributes', (node) => {
  if (node.tagName === 'IMG') {
    const src = node.getAttribute('src') || '';
    if (!src.startsWith('/') || src.startsWith('//')) {
      node.removeAttribute('src');
      node.removeAttribute('srcset');
      node.setAttribute('class', 'preview-remote-image');
      node.setAttribute('title', `Billede fra en anden side: på siden bliver det et link (${src})`);
    }
  }
  if (node.tagName === 'A' && node.hasAttribute('href')) {
    node.setAttribute('target', '_blank');
    node.setAttribute('rel', 'noopener noreferrer');
  }
});

/**
 * Asciidoc to HTML that cannot run anything: Asciidoctor's secure mode (no includes, no
 * attributes from the document that reach the file system), then DOMPurify, then a frame that is
 * sandboxed without scripts.
 */
export async function renderAsciidoc(source) {
  const processor = await loadAsciidoctor();
  const html = processor.convert(previewSource(source), {
    safe: 'secure',
    doctype: 'article',
    attributes: { ...DANISH_ATTRIBUTES, showtitle: false, icons: false, 'attribute-missing': 'skip' },
  });
  return DOMPurify.sanitize(String(html), {
    USE_PROFILES: { html: true },
    FORBID_TAGS: ['style', 'form', 'input', 'button', 'textarea', 'select', 'iframe', 'object', 'embed'],
    FORBID_ATTR: ['style'],
  });
}

function frameDocument(body) {
  return `<!DOCTYPE html><html lang="da"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; img-src 'self'; style-src 'unsafe-inline'">
<style>${PREVIEW_CSS}</style></head><body><main><article><div class="body">${body}</div></article></main></body></html>`;
}

/** The rendered page beside the text, updated shortly after each change. */
export function Preview({ source }) {
  const [html, setHtml] = React.useState(null);
  const [error, setError] = React.useState(null);
  React.useEffect(() => {
    let live = true;
    const timer = setTimeout(() => {
      renderAsciidoc(source).then(
        (out) => {
          if (!live) return;
          setHtml(out);
          setError(null);
        },
        (e) => live && setError(e.message || String(e)),
      );
    }, html === null ? 0 : 300);
    return () => {
      live = false;
      clearTimeout(timer);
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [source]);

  return (
    <Box style={{ height: '70vh', minHeight: '28rem', display: 'flex', flexDirection: 'column' }}>
      <Box paddingLeft={3} paddingRight={3} paddingTop={1} paddingBottom={1} background="neutral100">
        <Typography variant="sigma" textColor="neutral700" id="asciidoc-preview-title">
          Forhåndsvisning
        </Typography>
        {error ? (
          <Typography variant="pi" textColor="danger600" role="status">
            {` Kunne ikke vises: ${error}`}
          </Typography>
        ) : null}
      </Box>
      <iframe
        title="Forhåndsvisning af brødteksten"
        aria-describedby="asciidoc-preview-title"
        data-testid="asciidoc-preview"
        data-rendered={html === null ? 'false' : 'true'}
        sandbox="allow-same-origin allow-popups allow-popups-to-escape-sandbox"
        srcDoc={frameDocument(html === null ? '<p>Henter forhåndsvisning …</p>' : html)}
        style={{ flex: 1, width: '100%', border: 0, background: '#fff' }}
      />
    </Box>
  );
}
