'use strict';

// Writes cms/.env with throwaway secrets for a local instance (never for production, never committed).
// `node scripts/secrets.js --print` prints them as KEY=VALUE lines instead.
const fs = require('fs');
const path = require('path');
const { APP_DIR, generateSecrets } = require('./env');

const lines = Object.entries(generateSecrets()).map(([k, v]) => `${k}=${v}`);
if (process.argv.includes('--print')) {
  console.log(lines.join('\n'));
} else {
  const file = path.join(APP_DIR, '.env');
  if (fs.existsSync(file)) {
    console.error('cms/.env exists already; delete it first to get new secrets (existing API tokens stop working).');
    process.exit(1);
  }
  fs.writeFileSync(file, lines.join('\n') + '\n', { mode: 0o600 });
  console.log('Wrote throwaway secrets to cms/.env (local use only).');
}
