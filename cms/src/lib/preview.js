'use strict';

const crypto = require('node:crypto');

// The preview service (handbook.jar preview-server) opens a page for a signed, expiring token:
// EXPIRY.SIGNATURE, EXPIRY in epoch seconds, SIGNATURE = HMAC-SHA256("preview:EXPIRY") with
// PREVIEW_SECRET, base64url without padding (dk.dis.handbook.preview.PreviewToken checks it).
const LIFETIME_SECONDS = 60 * 60;

function previewToken(secret, nowMs = Date.now()) {
  const expiry = Math.floor(nowMs / 1000) + LIFETIME_SECONDS;
  const signature = crypto.createHmac('sha256', secret).update(`preview:${expiry}`).digest('base64url');
  return `${expiry}.${signature}`;
}

/** The page's address on the site: / for the front page, /section/ for a section's page, /section/slug/, under /en/ for English. */
function pagePath({ section, slug }, locale, defaultLocale = 'da') {
  const prefix = locale && locale !== defaultLocale ? `/${locale}/` : '/';
  if (section === 'forside' && slug === 'forside') return prefix;
  return `${prefix}${section}/${section === slug ? '' : `${slug}/`}`;
}

/** Strapi's preview handler: the preview service's link for the page being edited, or null (no preview). */
function previewHandler({ url, secret }) {
  return async (uid, { documentId, locale }) => {
    if (uid !== 'api::page.page' || !url || !secret) return null;
    const page = await strapi.documents(uid).findOne({ documentId, locale, status: 'draft', fields: ['section', 'slug'] });
    if (!page || !/^[a-z0-9-]+$/.test(page.section || '') || !/^[a-z0-9-]+$/.test(page.slug || '')) return null;
    return `${url.replace(/\/+$/, '')}${pagePath(page, locale)}?preview=${previewToken(secret)}`;
  };
}

module.exports = { previewToken, pagePath, previewHandler };
