// Runs one event of a local Netlify build plugin with Netlify's own cache utility (@netlify/cache-utils,
// the `utils.cache` Netlify Build hands its plugins), its cache in CACHE_DIR, the build in BUILD_DIR.
// Usage: node plugin.mjs PLUGIN_DIR EVENT BUILD_DIR CACHE_DIR
import { createRequire } from 'node:module';
import path from 'node:path';
import { bindOpts } from '@netlify/cache-utils';

const [pluginDir, event, buildDir, cacheDir] = process.argv.slice(2);
if (!pluginDir || !event || !buildDir || !cacheDir) {
  console.error('Usage: node plugin.mjs PLUGIN_DIR EVENT BUILD_DIR CACHE_DIR');
  process.exit(2);
}
const plugin = createRequire(import.meta.url)(path.resolve(pluginDir, 'index.js'));
if (typeof plugin[event] !== 'function') {
  console.error(`${pluginDir} has no ${event} event`);
  process.exit(3);
}
process.chdir(buildDir);
await plugin[event]({ utils: { cache: bindOpts({ cacheDir, cwd: buildDir }) }, constants: {}, inputs: {} });
