'use strict';

const crypto = require('crypto');
const fs = require('fs');
const path = require('path');

const APP_DIR = path.resolve(__dirname, '..');
const SECRET_NAMES = ['APP_KEYS', 'API_TOKEN_SALT', 'ADMIN_JWT_SECRET', 'TRANSFER_TOKEN_SALT', 'JWT_SECRET', 'ENCRYPTION_KEY'];

function randomSecret() {
  return crypto.randomBytes(24).toString('base64');
}

/** A fresh set of throwaway secrets, for a local or test instance. */
function generateSecrets() {
  const secrets = {};
  for (const name of SECRET_NAMES) {
    secrets[name] = name === 'APP_KEYS' ? [randomSecret(), randomSecret()].join(',') : randomSecret();
  }
  return secrets;
}

/** Reads KEY=VALUE lines of cms/.env into process.env (the environment wins). */
function loadDotEnv() {
  const file = path.join(APP_DIR, '.env');
  if (!fs.existsSync(file)) return;
  for (const line of fs.readFileSync(file, 'utf8').split(/\r?\n/)) {
    const match = /^\s*([A-Z0-9_]+)\s*=\s*(.*)\s*$/.exec(line);
    if (match && process.env[match[1]] === undefined) process.env[match[1]] = match[2];
  }
}

/** Exits with a way out when a secret Strapi needs is missing. */
function requireSecrets() {
  loadDotEnv();
  const missing = SECRET_NAMES.filter((name) => !process.env[name]);
  if (missing.length > 0) {
    console.error(`Missing ${missing.join(', ')}.`);
    console.error('Set them in the environment (production), or run `npm run secrets` once to write throwaway ones to cms/.env (local use).');
    process.exit(2);
  }
  fs.mkdirSync(path.join(APP_DIR, 'public', 'uploads'), { recursive: true });
}

module.exports = { APP_DIR, SECRET_NAMES, generateSecrets, loadDotEnv, requireSecrets };
