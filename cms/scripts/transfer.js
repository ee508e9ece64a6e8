'use strict';

// `npm run backup -- [NAME]` and `npm run restore -- FILE`: Strapi's own data transfer (`strapi export`,
// `strapi import`) of the pages, the synonym list, their drafts and locales, and the Media Library's
// files, encrypted with BACKUP_ENCRYPTION_KEY. Strapi's CLI runs in a child process that gets its
// arguments through the environment, so the key is never on a command line (where other users of the
// host could read it). A relative NAME or FILE is relative to cms/ (npm runs scripts there).
const { spawnSync } = require('child_process');
const fs = require('fs');
const path = require('path');
const { APP_DIR, requireSecrets } = require('./env');

const MIN_KEY_LENGTH = 32;

function fail(message) {
  console.error(message);
  process.exit(2);
}

function backupKey() {
  const key = process.env.BACKUP_ENCRYPTION_KEY || '';
  if (key.length < MIN_KEY_LENGTH) {
    fail(`BACKUP_ENCRYPTION_KEY is ${key ? `only ${key.length} characters` : 'not set'}: set it to ${MIN_KEY_LENGTH} or more random `
      + 'characters (`openssl rand -base64 48`) and keep it apart from the backups; a backup cannot be restored without it.');
  }
  return key;
}

function timestamp() {
  return new Date().toISOString().replace(/[-:]/g, '').replace('T', '-').slice(0, 15);
}

function strapiArguments(command, args) {
  if (command === 'backup') {
    const name = args[0] || path.join(APP_DIR, 'backups', `handbook-cms-${timestamp()}`);
    if (/\.tar(\.gz)?(\.enc)?$/.test(name)) fail(`Give the backup's name without an extension (Strapi adds .tar.gz.enc): ${name}`);
    fs.mkdirSync(path.dirname(path.resolve(name)), { recursive: true, mode: 0o700 });
    console.log(`Backing up to ${path.resolve(name)}.tar.gz.enc`);
    return ['export', '--file', path.resolve(name), '--key', backupKey()];
  }
  if (command === 'restore') {
    const file = args[0];
    if (!file) fail('Usage: npm run restore -- FILE.tar.gz.enc (this replaces everything in this CMS with the backup)');
    if (!fs.existsSync(file)) fail(`No backup at ${path.resolve(file)}`);
    if (!file.endsWith('.tar.gz.enc')) fail(`${file} is not an encrypted backup (.tar.gz.enc) of npm run backup`);
    console.log(`Restoring ${path.resolve(file)}: the content and files of this CMS are replaced`);
    // --force: no prompt (the command is the confirmation); the import deletes what the CMS holds first.
    return ['import', '--file', path.resolve(file), '--key', backupKey(), '--force'];
  }
  return fail('Usage: node scripts/transfer.js backup [NAME] | restore FILE');
}

/**
 * Strapi writes its transfer's diagnostic log into the working directory (cms/); move it to
 * BACKUP_LOG_DIR (default cms/backups/logs), next to the backups rather than among the project's files.
 */
function moveDiagnosticLogs(startedAt) {
  const logDir = path.resolve(process.env.BACKUP_LOG_DIR || path.join(APP_DIR, 'backups', 'logs'));
  for (const name of fs.readdirSync(APP_DIR)) {
    const file = path.join(APP_DIR, name);
    if (!/^(export|import)_\d+\.log$/.test(name) || fs.statSync(file).mtimeMs < startedAt) continue;
    fs.mkdirSync(logDir, { recursive: true });
    fs.renameSync(file, path.join(logDir, name));
    console.log(`Strapi's log of this ${name.split('_')[0]}: ${path.join(logDir, name)}`);
  }
}

const STRAPI_ARGS = 'HANDBOOK_STRAPI_TRANSFER_ARGS';

if (process.env[STRAPI_ARGS]) {
  // The child: Strapi's CLI (the file bin/strapi runs; the package's exports do not list it, so it is
  // loaded by its path). It ends the process itself.
  const strapiArgs = JSON.parse(process.env[STRAPI_ARGS]);
  delete process.env[STRAPI_ARGS];
  const { runCLI } = require(path.join(path.dirname(require.resolve('@strapi/strapi/package.json')), 'dist', 'cli.js'));
  runCLI([process.argv[0], 'strapi', ...strapiArgs]).catch((err) => fail(`Strapi's transfer failed: ${err.message}`));
} else {
  const [command, ...args] = process.argv.slice(2);
  const strapiArgs = strapiArguments(command, args);
  requireSecrets();
  const startedAt = Date.now() - 1000;
  // A child process, so that its log can be moved once Strapi has exited; the key goes through the
  // environment (readable by this user only), not the command line.
  const child = spawnSync(process.execPath, [__filename], {
    cwd: APP_DIR,
    stdio: 'inherit',
    env: { ...process.env, STRAPI_TELEMETRY_DISABLED: 'true', [STRAPI_ARGS]: JSON.stringify(strapiArgs) },
  });
  moveDiagnosticLogs(startedAt);
  if (child.status !== 0) console.error(`${command} failed (exit ${child.status ?? child.signal}); see Strapi's log above.`);
  process.exit(child.status ?? 1);
}
