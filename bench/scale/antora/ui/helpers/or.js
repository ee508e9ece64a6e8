'use strict';
// The last argument is Handlebars' options object.
module.exports = (...args) => args.slice(0, -1).some(Boolean);
