const { factories } = require('@strapi/strapi');

module.exports = factories.createCoreService('api::catalogue-card.catalogue-card');
