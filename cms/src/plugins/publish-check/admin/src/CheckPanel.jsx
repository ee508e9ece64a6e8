import * as React from 'react';
import { useFetchClient, useNotification } from '@strapi/strapi/admin';
import { Box, Flex, Typography } from '@strapi/design-system';

const PAGE = 'api::page.page';
const TITLE = 'Tjek før offentliggørelse';
// After a save the check takes a second or two; the panel asks until it has the save's result.
const POLL_MS = 1000;
const POLL_LIMIT = 30;
// "Offentliggør" on a changed draft saves it, then publishes it: after the save's result the
// publish's follows, so the panel asks a few times more.
const AFTER_SAVE = 6;

const time = (iso) => (iso ? Date.parse(iso) : 0);

/** The edit view's side panel (a description hook): the page's latest check, or nothing for other types. */
export const CheckPanel = ({ model, documentId, document }) => {
  if (model !== PAGE || !documentId || !document) return null;
  return {
    title: TITLE,
    content: <CheckStatus documentId={documentId} locale={document.locale} updatedAt={document.updatedAt} />,
  };
};

function CheckStatus({ documentId, locale, updatedAt }) {
  const { get } = useFetchClient();
  const { toggleNotification } = useNotification();
  const [state, setState] = React.useState({ result: null, enabled: true, loaded: false });
  const announced = React.useRef(null);

  React.useEffect(() => {
    let stopped = false;
    let timer = null;
    let tries = 0;
    let afterSave = 0;
    const ask = async () => {
      tries += 1;
      try {
        const query = locale ? `?locale=${encodeURIComponent(locale)}` : '';
        const { data } = await get(`/publish-check/results/${encodeURIComponent(documentId)}${query}`);
        if (stopped) return;
        const result = data && data.data;
        setState({ result, enabled: Boolean(data && data.enabled), loaded: true });
        const current = result && time(result.updatedAt) >= time(updatedAt);
        const publishMayFollow = current && result.action === 'save' && afterSave++ < AFTER_SAVE;
        if ((!current || publishMayFollow) && data && data.enabled && tries < POLL_LIMIT) timer = setTimeout(ask, POLL_MS);
      } catch (err) {
        if (!stopped && tries < POLL_LIMIT) timer = setTimeout(ask, POLL_MS * 2);
      }
    };
    ask();
    return () => {
      stopped = true;
      if (timer) clearTimeout(timer);
    };
  }, [documentId, locale, updatedAt]);

  const { result, enabled, loaded } = state;
  const current = Boolean(result) && time(result.updatedAt) >= time(updatedAt);

  // A save whose check found problems: say so where the secretary looks, once per result.
  React.useEffect(() => {
    if (!current || result.action !== 'save' || result.outcome !== 'problems') return;
    if (announced.current === result.checkedAt) return;
    announced.current = result.checkedAt;
    toggleNotification({
      type: 'warning',
      message: `Kladden er gemt, men kan ikke offentliggøres, som den er: ${result.problems.map((p) => p.text).join(' · ')}`,
    });
  }, [current, result]);

  let body;
  if (!enabled) {
    body = <Line>Tjekket er slået fra: forhåndsvisningstjenesten er ikke sat op (PREVIEW_URL og PREVIEW_SECRET).</Line>;
  } else if (!loaded) {
    body = <Line>Henter tjekket …</Line>;
  } else if (!result) {
    body = <Line>Siden er ikke tjekket endnu. Gem den, så tjekker håndbogen den.</Line>;
  } else if (!current) {
    body = <Line>Tjekker kladden …</Line>;
  } else if (result.outcome === 'skipped') {
    body = <Line>Tjekket blev sprunget over: forhåndsvisningstjenesten svarede ikke. Siden blev ikke tjekket.</Line>;
  } else if (result.outcome === 'ok') {
    body = (
      <Line tone="success600">
        {result.action === 'publish' ? 'Offentliggjort: håndbogens tjek fandt ingen fejl.' : 'Kladden kan offentliggøres: håndbogens tjek fandt ingen fejl.'}
      </Line>
    );
  } else {
    body = (
      <>
        <Line tone="danger600">
          {result.action === 'publish' ? 'Siden blev ikke offentliggjort. Ret dette:' : 'Kladden kan ikke offentliggøres, som den er. Ret dette:'}
        </Line>
        <Problems items={result.problems} />
      </>
    );
  }
  return (
    <Flex direction="column" alignItems="stretch" gap={2} width="100%" data-testid="publish-check-panel"
      data-outcome={current ? result.outcome : 'pending'}>
      {body}
      {current && result.warnings && result.warnings.length > 0 ? (
        <>
          <Line>Bemærk:</Line>
          <Problems items={result.warnings} />
        </>
      ) : null}
    </Flex>
  );
}

function Line({ children, tone = 'neutral800' }) {
  return <Typography variant="omega" textColor={tone}>{children}</Typography>;
}

function Problems({ items }) {
  return (
    <Box tag="ul" paddingLeft={4} style={{ listStyle: 'disc' }}>
      {items.map((p, i) => (
        <li key={i}><Typography variant="omega">{p.text}</Typography></li>
      ))}
    </Box>
  );
}
