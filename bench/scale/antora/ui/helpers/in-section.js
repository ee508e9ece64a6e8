'use strict';
// Whether the page being rendered is a section's index page or one of its pages (same URL folder).
module.exports = (item, { data: { root } }) =>
  Boolean(item.items && item.url && root.page.url && root.page.url.startsWith(item.url));
