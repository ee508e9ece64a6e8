'use strict';
// A page title without its inline HTML, for <title>.
module.exports = (html) => (html ? String(html).replace(/<[^>]+>/g, '') : '');
