'use strict';

const { previewToken } = require('./preview');
const { PAGE_LABELS } = require('./page-labels');

// Before a page is published, the preview service (handbook.jar preview-server, POST /check)
// builds the published handbook with this page's draft in its place, with the build's own rules,
// and answers { ok, problems: [{ field, line, message, key, params, text }], warnings: [...] }:
// `message` is the rule's English (for the log), `text` the same in Danish (for the editor). The
// rules and their Danish wording live in the Java build only; this file only asks, puts each
// problem on its field, and keeps the latest result of each page for the admin's edit view.
const PAGE = 'api::page.page';
const SYNONYMS = 'api::search-synonym.search-synonym';
const TIMEOUT_MS = 10000;

/**
 * "Brødtekst, linje 3: …", "Resumé: …", or the text alone when it is not one field's: in Danish
 * (the check's `text`) unless `english` asks for the rule's own message, as the log has it.
 */
function describeProblem({ field, line, message, text }, { english = false } = {}) {
  const label = field && PAGE_LABELS[field] ? PAGE_LABELS[field].label : field;
  const where = label ? `${label}${Number.isInteger(line) ? `, linje ${line}` : ''}: ` : '';
  return `${where}${english || typeof text !== 'string' ? message : text}`;
}

const inLog = (problems) => problems.map((p) => describeProblem(p, { english: true })).join(' · ');

/**
 * The latest check of each page and language, for the edit view's panel (plugins/publish-check).
 * Kept in memory, not in the database: a refused publish rolls its transaction back, and the
 * refusal must still be shown. After a restart the panel asks for a save to check the page again.
 */
function checkResults({ max = 2000 } = {}) {
  const results = new Map();
  const key = (documentId, locale) => `${documentId}:${locale}`;
  return {
    async get(documentId, locale) {
      return results.get(key(documentId, locale)) || null;
    },
    /** Keeps {@code result} unless a check begun later has already been kept (a slow save's check
     *  must not hide the publish that followed it). */
    async set(documentId, locale, result) {
      const k = key(documentId, locale);
      const kept = results.get(k);
      if (kept && result.startedAt !== undefined && kept.startedAt !== undefined && kept.startedAt > result.startedAt) return;
      results.delete(k);
      results.set(k, { documentId, locale, checkedAt: new Date().toISOString(), ...result });
      if (results.size > max) results.delete(results.keys().next().value);
    },
  };
}

/** What the panel shows of a problem: its field, line and Danish text. */
const forPanel = (problems) => (problems || []).map((p) => ({
  field: p.field && PAGE_LABELS[p.field] ? p.field : null,
  line: Number.isInteger(p.line) ? p.line : null,
  text: describeProblem(p),
}));

/** The error message and the admin's per-field details for a refused publish. */
function refusal(problems) {
  const message = `Siden kan ikke udgives: ${problems.map(describeProblem).join(' · ')}`;
  const errors = problems.map((p) => ({
    path: p.field && PAGE_LABELS[p.field] ? [p.field] : [],
    message: describeProblem(p),
    name: 'ValidationError',
  }));
  return { message, details: { errors } };
}

/** POSTs the check; resolves to the answer or rejects with a reason to log (never a refusal). */
async function askPreviewService({ url, secret, payload, timeoutMs = TIMEOUT_MS, fetchImpl = fetch }) {
  const response = await fetchImpl(`${url.replace(/\/+$/, '')}/check`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${previewToken(secret)}` },
    body: JSON.stringify(payload),
    signal: AbortSignal.timeout(timeoutMs),
  });
  if (!response.ok) throw new Error(`the preview service answered HTTP ${response.status}`);
  const answer = await response.json();
  if (typeof answer.ok !== 'boolean' || !Array.isArray(answer.problems)) throw new Error('the preview service gave no check result');
  return answer;
}

/**
 * Everything the check needs, read here: inside the publishing transaction, so the draft is the
 * one being published, and the preview service need not read the CMS while the transaction holds it.
 */
async function checkPayload(strapi, { documentId, locale, entry }) {
  const locales = (await strapi.plugin('i18n').service('locales').find()).map((l) => l.code);
  const published = {};
  const synonyms = {};
  for (const code of locales) {
    published[code] = [];
    for (let start = 0; ; start += 100) {
      const batch = await strapi.documents(PAGE).findMany({ locale: code, status: 'published', start, limit: 100 });
      published[code].push(...batch);
      if (batch.length < 100) break;
    }
    const list = await strapi.documents(SYNONYMS).findFirst({ locale: code, status: 'published' });
    synonyms[code] = list && typeof list.lines === 'string' ? list.lines : null;
  }
  return { documentId: documentId || null, locale, entry, published, synonyms };
}

/**
 * The document-service middleware: publish (and update or create with status published) is
 * refused with the build's problems; a saved draft is checked too, and its problems only logged.
 * When the preview service cannot answer, the page is published and the log says the check was skipped.
 */
function checkBeforePublish(strapi, { url, secret, timeoutMs = TIMEOUT_MS, fetchImpl = fetch, ValidationError, results = checkResults() }) {
  const ask = (payload) => askPreviewService({ url, secret, payload, timeoutMs, fetchImpl });
  // Keeping a result must never fail a save or a publish.
  const keep = (startedAt, documentId, locale, result) => (documentId
    ? results.set(documentId, locale, { startedAt, ...result }).catch((err) => strapi.log.info(`[publish-check] result not kept: ${err.message}`))
    : Promise.resolve());
  let checks = 0;
  return async (context, next) => {
    if (context.uid !== PAGE) return next();
    // The order the checks began in: "Offentliggør" on a changed draft saves (a check not waited
    // for) and then publishes (a check waited for); the later one's result is the one to keep.
    const startedAt = ++checks;
    const { action } = context;
    const params = context.params || {};
    const publishing = action === 'publish' || (['create', 'update'].includes(action) && params.status === 'published');
    const savingDraft = ['create', 'update'].includes(action) && params.status !== 'published';
    if (!publishing && !savingDraft) return next();
    if (!url || !secret) {
      if (publishing) strapi.log.warn('[publish-check] skipped: PREVIEW_URL or PREVIEW_SECRET is not set; the page is published without the check.');
      return next();
    }
    const defaultLocale = await strapi.plugin('i18n').service('locales').getDefaultLocale();
    const locale = typeof params.locale === 'string' && params.locale !== '*' ? params.locale : defaultLocale;

    if (savingDraft) {
      const saved = await next();
      try {
        const documentId = (saved && saved.documentId) || params.documentId;
        const entry = documentId && await strapi.documents(PAGE).findOne({ documentId, locale, status: 'draft' });
        if (!entry) return saved;
        const payload = await checkPayload(strapi, { documentId, locale, entry });
        const updatedAt = entry.updatedAt ? new Date(entry.updatedAt).toISOString() : new Date().toISOString();
        // Not awaited: a draft is saved at once; what would stop its publishing is a warning in
        // the log and, in Danish, in the edit view's panel.
        ask(payload).then(
          (answer) => {
            const found = [...answer.problems, ...(answer.warnings || [])];
            if (found.length > 0) {
              strapi.log.warn(`[publish-check] draft ${documentId} (${locale}) cannot be published as it is: ${inLog(found)}`);
            }
            return keep(startedAt, documentId, locale, {
              action: 'save', updatedAt, outcome: answer.ok ? 'ok' : 'problems',
              problems: forPanel(answer.problems), warnings: forPanel(answer.warnings),
            });
          },
          (err) => {
            strapi.log.info(`[publish-check] draft check skipped: ${err.message}`);
            return keep(startedAt, documentId, locale, { action: 'save', updatedAt, outcome: 'skipped', problems: [], warnings: [] });
          },
        );
      } catch (err) {
        strapi.log.info(`[publish-check] draft check skipped: ${err.message}`);
      }
      return saved;
    }

    const documentId = params.documentId;
    let entry;
    if (action === 'publish') {
      entry = await strapi.documents(PAGE).findOne({ documentId, locale, status: 'draft' });
    } else {
      const current = documentId ? await strapi.documents(PAGE).findOne({ documentId, locale, status: 'draft' }) : null;
      entry = { ...(current || {}), ...(params.data || {}) };
    }
    if (!entry) return next();
    let answer;
    try {
      answer = await ask(await checkPayload(strapi, { documentId, locale, entry }));
    } catch (err) {
      const reason = err.name === 'TimeoutError' ? `no answer within ${timeoutMs / 1000} s` : err.message;
      strapi.log.warn(`[publish-check] skipped: ${reason}; page ${documentId || '(new)'} (${locale}) is published without the check.`);
      const published = await next();
      await keep(startedAt, documentId, locale, { action: 'publish', updatedAt: new Date().toISOString(), outcome: 'skipped', problems: [], warnings: [] });
      return published;
    }
    if (Array.isArray(answer.warnings) && answer.warnings.length > 0) {
      strapi.log.warn(`[publish-check] page ${documentId || '(new)'} (${locale}): ${inLog(answer.warnings)}`);
    }
    if (!answer.ok && answer.problems.length > 0) {
      const { message, details } = refusal(answer.problems);
      strapi.log.info(`[publish-check] refused page ${documentId || '(new)'} (${locale}): ${inLog(answer.problems)}`);
      await keep(startedAt, documentId, locale, {
        action: 'publish', updatedAt: new Date().toISOString(), outcome: 'problems',
        problems: forPanel(answer.problems), warnings: forPanel(answer.warnings),
      });
      throw new ValidationError(message, details);
    }
    const published = await next();
    await keep(startedAt, documentId, locale, {
      action: 'publish', updatedAt: new Date().toISOString(), outcome: 'ok', problems: [], warnings: forPanel(answer.warnings),
    });
    return published;
  };
}

module.exports = { checkBeforePublish, checkResults, describeProblem, refusal, askPreviewService, TIMEOUT_MS };
