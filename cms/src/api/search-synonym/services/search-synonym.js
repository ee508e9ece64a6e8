const { factories } = require('@strapi/strapi');

module.exports = factories.createCoreService('api::search-synonym.search-synonym');
