// Prints, as JSON, the rules Netlify's own parsers read from a built site's _headers and
// _redirects (and netlify.toml, when given): what production would serve, for the tests to
// compare with the local server. Usage: node rules.mjs SITE_DIR [NETLIFY_TOML]
import path from 'node:path';
import { parseAllHeaders } from '@netlify/headers-parser';
import { parseAllRedirects } from '@netlify/redirect-parser';

const [siteDir, netlifyConfigPath] = process.argv.slice(2);
if (!siteDir) {
  console.error('Usage: node rules.mjs SITE_DIR [NETLIFY_TOML]');
  process.exit(2);
}
const headers = await parseAllHeaders({
  headersFiles: [path.join(siteDir, '_headers')],
  netlifyConfigPath,
  configHeaders: [],
  minimal: true,
});
const redirects = await parseAllRedirects({
  redirectsFiles: [path.join(siteDir, '_redirects')],
  netlifyConfigPath,
  configRedirects: [],
  minimal: true,
});
const errors = [...headers.errors, ...redirects.errors].map((e) => String(e.message || e));
process.stdout.write(JSON.stringify({ headers: headers.headers, redirects: redirects.redirects, errors }, null, 1) + '\n');
