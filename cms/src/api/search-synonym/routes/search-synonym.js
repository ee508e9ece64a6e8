const { factories } = require('@strapi/strapi');

module.exports = factories.createCoreRouter('api::search-synonym.search-synonym');
