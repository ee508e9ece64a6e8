const { factories } = require('@strapi/strapi');

module.exports = factories.createCoreService('api::build-status.build-status');
