const { factories } = require('@strapi/strapi');

module.exports = factories.createCoreController('api::build-status.build-status');
