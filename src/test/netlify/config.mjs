// Prints, as JSON, netlify.toml as Netlify's own config module (@netlify/config) resolves it for each
// deploy context: the build command, publish folder, headers, redirects and plugins a Netlify build
// would use, or Netlify's error message. Usage: node config.mjs NETLIFY_TOML REPOSITORY_ROOT
import { resolveConfig } from '@netlify/config';

const [configPath, repositoryRoot] = process.argv.slice(2);
if (!configPath || !repositoryRoot) {
  console.error('Usage: node config.mjs NETLIFY_TOML REPOSITORY_ROOT');
  process.exit(2);
}
const contexts = {};
let error = null;
for (const context of ['production', 'deploy-preview', 'branch-deploy']) {
  try {
    const { config } = await resolveConfig({
      config: configPath, repositoryRoot, cwd: repositoryRoot, context, branch: 'feature', offline: true, buffer: true,
    });
    contexts[context] = {
      command: config.build.command ?? null,
      publish: config.build.publish ?? null,
      headers: config.headers ?? [],
      redirects: config.redirects ?? [],
      plugins: (config.plugins ?? []).map((p) => p.package),
    };
  } catch (e) {
    error = String(e.message || e);
    break;
  }
}
process.stdout.write(JSON.stringify({ contexts, error }) + '\n');
