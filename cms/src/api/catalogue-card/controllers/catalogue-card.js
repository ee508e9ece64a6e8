const { factories } = require('@strapi/strapi');

module.exports = factories.createCoreController('api::catalogue-card.catalogue-card');
