const { factories } = require('@strapi/strapi');

module.exports = factories.createCoreRouter('api::build-status.build-status');
