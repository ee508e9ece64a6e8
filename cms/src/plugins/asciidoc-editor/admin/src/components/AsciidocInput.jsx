import * as React from 'react';
import { useLocation } from 'react-router-dom';
import { useField, useFetchClient, useStrapiApp } from '@strapi/strapi/admin';
import { Box, Button, Field, Flex, Modal, TextInput, Typography } from '@strapi/design-system';
import { Annotation, Compartment, EditorSelection, EditorState } from '@codemirror/state';
import { EditorView, drawSelection, highlightActiveLine, keymap } from '@codemirror/view';
import { defaultKeymap, history, historyKeymap } from '@codemirror/commands';
import {
  TABLE,
  admonition,
  heading,
  imageMacro,
  inlineMarkup,
  linkMacro,
  listLines,
} from '../lib/asciidoc.mjs';
import { Preview } from './Preview.jsx';

// Set on changes that come from the form (another locale, a discarded edit), not from typing.
const FromForm = Annotation.define();

const editorTheme = EditorView.theme({
  '&': {
    height: '100%',
    fontSize: '15px',
    backgroundColor: '#ffffff',
    color: '#1a1a1a',
  },
  '&.cm-focused': { outline: 'none' },
  '.cm-scroller': {
    fontFamily: '"DejaVu Sans Mono", "Liberation Mono", Menlo, Consolas, monospace',
    lineHeight: '1.55',
    overflow: 'auto',
  },
  '.cm-content': { padding: '12px 14px', caretColor: '#1a1a1a' },
  '.cm-activeLine': { backgroundColor: '#f3f6fa' },
  '&.cm-focused .cm-selectionBackground, .cm-selectionBackground, ::selection': { backgroundColor: '#c9daf0' },
});

/** The text of the lines the selection touches, and where they are. */
function selectedLines(state) {
  const { from, to } = state.selection.main;
  const start = state.doc.lineAt(from);
  const end = state.doc.lineAt(to);
  return { from: start.from, to: end.to, text: state.sliceDoc(start.from, end.to) };
}

/** Replaces [from, to) with a block set off by blank lines, and selects part of it. */
function replaceWithBlock(view, from, to, block, select) {
  const { state } = view;
  const startLine = state.doc.lineAt(from);
  let before = '';
  if (from > startLine.from) before = '\n\n';
  else if (startLine.number > 1 && state.doc.line(startLine.number - 1).text.trim() !== '') before = '\n';
  const endLine = state.doc.lineAt(to);
  let after = '';
  if (to < endLine.to) after = '\n\n';
  else if (endLine.number < state.doc.lines && state.doc.line(endLine.number + 1).text.trim() !== '') after = '\n';
  const insert = before + block + after;
  const base = from + before.length;
  const [s, e] = select || [block.length, block.length];
  view.dispatch({
    changes: { from, to, insert },
    selection: EditorSelection.range(base + s, base + e),
    scrollIntoView: true,
    userEvent: 'input',
  });
  view.focus();
}

function applyInline(view, marker, placeholder) {
  const { state } = view;
  const { from, to } = state.selection.main;
  const selected = state.sliceDoc(from, to) || placeholder;
  const text = inlineMarkup(marker, state.sliceDoc(from - 1, from), selected, state.sliceDoc(to, to + 1));
  const m = (text.length - selected.length) / 2;
  view.dispatch({
    changes: { from, to, insert: text },
    selection: EditorSelection.range(from + m, from + m + selected.length),
    scrollIntoView: true,
    userEvent: 'input',
  });
  view.focus();
}

function applyLines(view, transform, placeholder) {
  const lines = selectedLines(view.state);
  const text = lines.text.trim() === '' ? placeholder : lines.text;
  const block = transform(text);
  replaceWithBlock(view, lines.from, lines.to, block, [0, block.length]);
}

function applyAdmonition(view, kind, placeholder) {
  const { from, to } = view.state.selection.main;
  const selected = view.state.sliceDoc(from, to);
  if (selected) {
    const lines = selectedLines(view.state);
    const block = admonition(kind, lines.text);
    replaceWithBlock(view, lines.from, lines.to, block, [kind.length + 8, block.length - 5]);
    return;
  }
  const line = view.state.doc.lineAt(from);
  const at = line.text.trim() === '' ? line.from : line.to;
  const block = admonition(kind, placeholder);
  const start = kind.length + 8;
  replaceWithBlock(view, at, line.text.trim() === '' ? line.to : at, block, [start, start + placeholder.length]);
}

/** A block (image, table) after the line with the cursor. */
function insertBlockAfterCursor(view, block, select) {
  const line = view.state.doc.lineAt(view.state.selection.main.head);
  if (line.text.trim() === '') replaceWithBlock(view, line.from, line.to, block, select);
  else replaceWithBlock(view, line.to, line.to, block, select);
}

const AsciidocInput = React.forwardRef(function AsciidocInput(props, ref) {
  const { name, label, hint, required, disabled, labelAction, attribute = {} } = props;
  const field = useField(name);
  const value = typeof field.value === 'string' ? field.value : '';
  const hostRef = React.useRef(null);
  const viewRef = React.useRef(null);
  const onChangeRef = React.useRef(field.onChange);
  onChangeRef.current = field.onChange;
  const editable = React.useRef(new Compartment());
  const [text, setText] = React.useState(value);
  const [dialog, setDialog] = React.useState(null); // 'link' | 'media' | {alt: asset}
  const [linkSelection, setLinkSelection] = React.useState('');
  const location = useLocation();
  const locale = new URLSearchParams(location.search).get('plugins[i18n][locale]') || undefined;
  const components = useStrapiApp('AsciidocInput', (state) => state.components);
  const MediaLibraryDialog = components['media-library'];
  const fieldId = `asciidoc-${name}`;
  const hintId = `${fieldId}-hint`;
  const toolbarId = `${fieldId}-toolbar`;

  const openLinkDialog = React.useCallback(() => {
    const view = viewRef.current;
    if (!view) return;
    const { from, to } = view.state.selection.main;
    setLinkSelection(view.state.sliceDoc(from, to));
    setDialog('link');
  }, []);
  const openLinkRef = React.useRef(openLinkDialog);
  openLinkRef.current = openLinkDialog;

  React.useImperativeHandle(ref, () => ({
    focus: () => viewRef.current && viewRef.current.focus(),
  }));

  // The editor itself is created once; React re-renders do not touch it.
  React.useEffect(() => {
    const view = new EditorView({
      parent: hostRef.current,
      state: EditorState.create({
        doc: value,
        extensions: [
          history(),
          drawSelection(),
          highlightActiveLine(),
          EditorView.lineWrapping,
          keymap.of([
            { key: 'Mod-b', run: (v) => (applyInline(v, '*', 'fed tekst'), true) },
            { key: 'Mod-i', run: (v) => (applyInline(v, '_', 'kursiv tekst'), true) },
            { key: 'Mod-k', run: () => (openLinkRef.current(), true) },
            ...defaultKeymap,
            ...historyKeymap,
          ]),
          editable.current.of([EditorView.editable.of(!disabled), EditorState.readOnly.of(!!disabled)]),
          EditorView.contentAttributes.of({
            'aria-labelledby': `${fieldId}-label`,
            'aria-describedby': `${hintId} ${fieldId}-error`,
            'aria-multiline': 'true',
            'aria-required': required ? 'true' : 'false',
            lang: 'da',
            spellcheck: 'true',
            'data-testid': 'asciidoc-editor',
          }),
          EditorView.updateListener.of((update) => {
            if (!update.docChanged) return;
            const doc = update.state.doc.toString();
            setText(doc);
            if (update.transactions.some((t) => t.annotation(FromForm))) return;
            onChangeRef.current(name, doc);
          }),
          editorTheme,
        ],
      }),
    });
    viewRef.current = view;
    return () => {
      view.destroy();
      viewRef.current = null;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  // A value set by the form (switching locale, discarding changes) replaces the editor's text.
  React.useEffect(() => {
    const view = viewRef.current;
    if (view && value !== view.state.doc.toString()) {
      view.dispatch({ changes: { from: 0, to: view.state.doc.length, insert: value }, annotations: FromForm.of(true) });
    }
  }, [value]);

  React.useEffect(() => {
    const view = viewRef.current;
    if (view) {
      view.dispatch({
        effects: editable.current.reconfigure([EditorView.editable.of(!disabled), EditorState.readOnly.of(!!disabled)]),
      });
    }
  }, [disabled]);

  const run = (action) => () => {
    const view = viewRef.current;
    if (view && !disabled) action(view);
  };

  const tools = [
    { label: 'Overskrift', title: 'Overskrift (==) med et id, der kan linkes til', act: run((v) => applyLines(v, (t) => heading(2, t), 'Overskrift')) },
    { label: 'Underoverskrift', title: 'Underoverskrift (===)', act: run((v) => applyLines(v, (t) => heading(3, t), 'Underoverskrift')) },
    { label: 'Fed', title: 'Fed skrift (Ctrl+B)', act: run((v) => applyInline(v, '*', 'fed tekst')) },
    { label: 'Kursiv', title: 'Kursiv (Ctrl+I)', act: run((v) => applyInline(v, '_', 'kursiv tekst')) },
    { label: 'Kode', title: 'Kode eller filnavn', act: run((v) => applyInline(v, '`', 'kode')) },
    { label: 'Punktliste', title: 'Punktliste (*)', act: run((v) => applyLines(v, (t) => listLines(t, '*'), 'Punkt')) },
    { label: 'Nummereret liste', title: 'Nummereret liste (.)', act: run((v) => applyLines(v, (t) => listLines(t, '.'), 'Punkt')) },
    { label: 'Link til side', title: 'Link til en side eller et afsnit i håndbogen (Ctrl+K)', act: run(() => openLinkDialog()) },
    { label: 'Billede', title: 'Billede fra mediebiblioteket, med alternativ tekst', act: run(() => setDialog('media')) },
    { label: 'Bemærk', title: 'Bemærk-boks (NOTE)', act: run((v) => applyAdmonition(v, 'NOTE', 'Skriv bemærkningen her.')) },
    { label: 'Tips', title: 'Tips-boks (TIP)', act: run((v) => applyAdmonition(v, 'TIP', 'Skriv tippet her.')) },
    { label: 'Tabel', title: 'Tabel med to kolonner og en overskriftsrække', act: run((v) => insertBlockAfterCursor(v, TABLE, [TABLE.indexOf('|Overskrift 1') + 1, TABLE.indexOf(' |Overskrift 2')])) },
  ];

  const insertLink = ({ path, anchor, text: linkText }) => {
    const view = viewRef.current;
    setDialog(null);
    if (!view) return;
    const { from, to } = view.state.selection.main;
    const macro = linkMacro(path, anchor, linkText);
    view.dispatch({
      changes: { from, to, insert: macro },
      selection: EditorSelection.cursor(from + macro.length),
      scrollIntoView: true,
      userEvent: 'input',
    });
    view.focus();
  };

  const insertImage = (url, alt) => {
    const view = viewRef.current;
    setDialog(null);
    if (!view) return;
    const macro = imageMacro(url, alt);
    insertBlockAfterCursor(view, macro, [macro.length, macro.length]);
  };

  const max = attribute.maxLength;
  return (
    <Field.Root name={name} id={fieldId} hint={hint} error={field.error} required={required}>
      <Flex direction="column" alignItems="stretch" gap={1}>
        <Field.Label action={labelAction}>{label}</Field.Label>
        <Box borderColor={field.error ? 'danger600' : 'neutral200'} borderStyle="solid" borderWidth="1px" hasRadius background="neutral0">
          <Toolbar id={toolbarId} tools={tools} disabled={disabled} />
          <Box
            style={{
              display: 'grid',
              gridTemplateColumns: 'repeat(auto-fit, minmax(300px, 1fr))',
              borderTop: '1px solid #dcdce4',
            }}
          >
            <Box
              ref={hostRef}
              data-asciidoc-editor=""
              style={{ height: '70vh', minHeight: '28rem', overflow: 'hidden', borderRight: '1px solid #dcdce4' }}
            />
            <Preview source={text} />
          </Box>
        </Box>
        <Flex justifyContent="space-between" gap={2}>
          <Typography variant="pi" textColor="neutral600" id={hintId}>
            {hint}
          </Typography>
          {max ? (
            <Typography variant="pi" textColor={text.length > max ? 'danger600' : 'neutral600'} aria-live="polite">
              {`${text.length.toLocaleString('da-DK')} / ${max.toLocaleString('da-DK')} tegn`}
            </Typography>
          ) : null}
        </Flex>
        <Field.Error />
      </Flex>
      {dialog === 'link' ? (
        <LinkDialog locale={locale} selection={linkSelection} onClose={() => { setDialog(null); viewRef.current && viewRef.current.focus(); }} onInsert={insertLink} />
      ) : null}
      {dialog === 'media' && MediaLibraryDialog ? (
        <MediaLibraryDialog
          allowedTypes={['images']}
          onClose={() => setDialog(null)}
          onSelectAssets={(assets) => setDialog(assets && assets[0] ? { alt: assets[0] } : null)}
        />
      ) : null}
      {dialog && dialog.alt ? (
        <AltTextDialog asset={dialog.alt} onClose={() => { setDialog(null); viewRef.current && viewRef.current.focus(); }} onInsert={insertImage} />
      ) : null}
    </Field.Root>
  );
});

/** WAI-ARIA toolbar: one tab stop, arrow keys (and Home/End) move between the buttons. */
function Toolbar({ id, tools, disabled }) {
  const [current, setCurrent] = React.useState(0);
  const refs = React.useRef([]);
  const move = (index) => {
    const next = (index + tools.length) % tools.length;
    setCurrent(next);
    if (refs.current[next]) refs.current[next].focus();
  };
  const onKeyDown = (e) => {
    if (e.key === 'ArrowRight') move(current + 1);
    else if (e.key === 'ArrowLeft') move(current - 1);
    else if (e.key === 'Home') move(0);
    else if (e.key === 'End') move(tools.length - 1);
    else return;
    e.preventDefault();
  };
  return (
    <Flex
      id={id}
      role="toolbar"
      aria-label="Formatering af brødteksten"
      wrap="wrap"
      gap={1}
      padding={2}
      background="neutral100"
      onKeyDown={onKeyDown}
    >
      {tools.map((tool, i) => (
        <Button
          key={tool.label}
          ref={(el) => { refs.current[i] = el; }}
          type="button"
          variant="tertiary"
          size="S"
          title={tool.title}
          tabIndex={i === current ? 0 : -1}
          disabled={disabled}
          onFocus={() => setCurrent(i)}
          onClick={tool.act}
          data-tool={tool.label}
        >
          {tool.label}
        </Button>
      ))}
    </Flex>
  );
}

/** Choose a page or a section of one from the CMS's published pages; writes link:/path/#id[text]. */
function LinkDialog({ locale, selection, onClose, onInsert }) {
  const { get } = useFetchClient();
  const [targets, setTargets] = React.useState(null);
  const [error, setError] = React.useState(null);
  const [filter, setFilter] = React.useState('');
  const [chosen, setChosen] = React.useState('');
  const [linkText, setLinkText] = React.useState(selection || '');
  const [textTouched, setTextTouched] = React.useState(!!selection);
  const [submitted, setSubmitted] = React.useState(false);

  React.useEffect(() => {
    let live = true;
    get('/asciidoc-editor/link-targets', { params: locale ? { locale } : {} })
      .then((res) => live && setTargets(res.data.data))
      .catch((e) => live && setError(e.message || String(e)));
    return () => {
      live = false;
    };
  }, [get, locale]);

  const options = React.useMemo(() => {
    const list = [];
    for (const page of targets || []) {
      list.push({ value: page.path, path: page.path, anchor: null, label: `${page.title} – ${page.path}`, text: page.title });
      for (const a of page.anchors) {
        list.push({
          value: `${page.path}#${a.id}`,
          path: page.path,
          anchor: a.id,
          label: `${page.title} › ${a.title} – ${page.path}#${a.id}`,
          text: a.title,
        });
      }
    }
    const q = filter.trim().toLowerCase();
    return q ? list.filter((o) => o.label.toLowerCase().includes(q)) : list;
  }, [targets, filter]);

  const option = options.find((o) => o.value === chosen);
  const choose = (value) => {
    setChosen(value);
    const o = options.find((x) => x.value === value);
    if (o && !textTouched) setLinkText(o.text);
  };
  const missingTarget = submitted && !option;
  const missingText = submitted && !linkText.trim();
  const submit = (e) => {
    e.preventDefault();
    setSubmitted(true);
    if (!option || !linkText.trim()) return;
    onInsert({ path: option.path, anchor: option.anchor, text: linkText });
  };

  return (
    <Modal.Root open onOpenChange={(open) => !open && onClose()}>
      <Modal.Content>
        <form onSubmit={submit} noValidate>
          <Modal.Header>
            <Modal.Title>Indsæt link til en side</Modal.Title>
          </Modal.Header>
          <Modal.Body>
            <Flex direction="column" alignItems="stretch" gap={4}>
              <Field.Root name="link-filter" hint="Skriv en del af sidens titel, overskriften eller adressen.">
                <Field.Label>Søg efter side eller afsnit</Field.Label>
                <TextInput value={filter} onChange={(e) => setFilter(e.target.value)} autoComplete="off" />
                <Field.Hint />
              </Field.Root>
              <Field.Root name="link-target" id="asciidoc-link-target" error={missingTarget ? 'Vælg en side eller et afsnit.' : undefined} required>
                <Field.Label>Side eller afsnit</Field.Label>
                {error ? (
                  <Typography textColor="danger600" role="alert">
                    {`Siderne kunne ikke hentes: ${error}`}
                  </Typography>
                ) : targets === null ? (
                  <Typography role="status">Henter sider …</Typography>
                ) : (
                  <select
                    id="asciidoc-link-target"
                    size={12}
                    value={chosen}
                    onChange={(e) => choose(e.target.value)}
                    aria-invalid={missingTarget ? 'true' : 'false'}
                    style={{
                      width: '100%',
                      font: 'inherit',
                      fontSize: '14px',
                      padding: '4px',
                      border: `1px solid ${missingTarget ? '#d02b20' : '#dcdce4'}`,
                      borderRadius: '4px',
                    }}
                  >
                    {/* Matches the empty choice, so React does not show the first page as chosen. */}
                    <option value="" disabled hidden>
                      Vælg en side
                    </option>
                    {options.map((o) => (
                      <option key={o.value} value={o.value}>
                        {o.anchor ? `\u2003${o.label}` : o.label}
                      </option>
                    ))}
                  </select>
                )}
                <Field.Error />
              </Field.Root>
              <Field.Root name="link-text" error={missingText ? 'Skriv linkets tekst.' : undefined} required hint="Den tekst, læseren klikker på.">
                <Field.Label>Linktekst</Field.Label>
                <TextInput
                  value={linkText}
                  onChange={(e) => {
                    setLinkText(e.target.value);
                    setTextTouched(true);
                  }}
                  autoComplete="off"
                />
                <Field.Hint />
                <Field.Error />
              </Field.Root>
              {option && linkText.trim() ? (
                <Typography variant="pi" textColor="neutral600">
                  Indsættes som: <code>{linkMacro(option.path, option.anchor, linkText)}</code>
                </Typography>
              ) : null}
            </Flex>
          </Modal.Body>
          <Modal.Footer>
            <Modal.Close>
              <Button type="button" variant="tertiary">
                Annullér
              </Button>
            </Modal.Close>
            <Button type="submit">Indsæt link</Button>
          </Modal.Footer>
        </form>
      </Modal.Content>
    </Modal.Root>
  );
}

/** An image is inserted only with a text alternative (WCAG 1.1.1). */
function AltTextDialog({ asset, onClose, onInsert }) {
  const initial = asset.alternativeText && asset.alternativeText !== asset.name ? asset.alternativeText : '';
  const [alt, setAlt] = React.useState(initial);
  const [submitted, setSubmitted] = React.useState(false);
  const missing = submitted && !alt.trim();
  const submit = (e) => {
    e.preventDefault();
    setSubmitted(true);
    if (!alt.trim()) return;
    onInsert(asset.url, alt);
  };
  return (
    <Modal.Root open onOpenChange={(open) => !open && onClose()}>
      <Modal.Content>
        <form onSubmit={submit} noValidate>
          <Modal.Header>
            <Modal.Title>Alternativ tekst til billedet</Modal.Title>
          </Modal.Header>
          <Modal.Body>
            <Flex direction="column" alignItems="stretch" gap={4}>
              <img
                src={asset.url}
                alt=""
                style={{ maxWidth: '100%', maxHeight: '14rem', objectFit: 'contain', alignSelf: 'center' }}
              />
              <Field.Root
                name="image-alt"
                required
                error={missing ? 'Skriv en alternativ tekst: billedet indsættes ikke uden.' : undefined}
                hint="Beskriv, hvad billedet viser, for den der ikke kan se det. Fx: Diagram over de tre trin i DIS-modellen."
              >
                <Field.Label>Alternativ tekst</Field.Label>
                <TextInput value={alt} onChange={(e) => setAlt(e.target.value)} autoComplete="off" />
                <Field.Hint />
                <Field.Error />
              </Field.Root>
              <Typography variant="pi" textColor="neutral600">
                {`Fil: ${asset.name || asset.url}`}
              </Typography>
            </Flex>
          </Modal.Body>
          <Modal.Footer>
            <Modal.Close>
              <Button type="button" variant="tertiary">
                Annullér
              </Button>
            </Modal.Close>
            <Button type="submit">Indsæt billede</Button>
          </Modal.Footer>
        </form>
      </Modal.Content>
    </Modal.Root>
  );
}

export { AsciidocInput };
export default AsciidocInput;
