// Keeps what scripts/netlify-build.sh downloads on Netlify (a JDK 17 and Maven: Netlify's image has
// Java 8 only) and Maven's repository in Netlify's build cache, so only the first build downloads them.
// The folder is the script's HANDBOOK_TOOLS_DIR (default .build-tools, relative to the repository).
const TOOLS = process.env.HANDBOOK_TOOLS_DIR || '.build-tools';

module.exports = {
  async onPreBuild({ utils }) {
    const restored = await utils.cache.restore(TOOLS);
    console.log(restored ? `Build tools: ${TOOLS}/ restored from Netlify's build cache.`
      : `Build tools: ${TOOLS}/ is not in Netlify's build cache yet; this build downloads them.`);
  },
  // After a failed build too: the downloads are good even when the content is not.
  async onEnd({ utils }) {
    const saved = await utils.cache.save(TOOLS);
    console.log(saved ? `Build tools: ${TOOLS}/ saved in Netlify's build cache.` : `Build tools: nothing in ${TOOLS}/ to save.`);
  },
};
