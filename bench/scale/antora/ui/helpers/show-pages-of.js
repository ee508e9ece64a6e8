'use strict';
// Every page in the menu while the site has at most 150 pages, else only the current section's
// (the page is in the section when its URL starts with the section's folder URL).
const countsByNavigation = new WeakMap();
const count = (items) => (items || []).reduce((sum, item) => sum + (item.url ? 1 : 0) + count(item.items), 0);
module.exports = (item, { data: { root } }) => {
  const navigation = root.page.navigation;
  if (!countsByNavigation.has(navigation)) countsByNavigation.set(navigation, count(navigation));
  return countsByNavigation.get(navigation) <= 150 || Boolean(item.url && root.page.url && root.page.url.startsWith(item.url));
};
