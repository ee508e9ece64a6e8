const { factories } = require('@strapi/strapi');

module.exports = factories.createCoreRouter('api::catalogue-card.catalogue-card');
