const { factories } = require('@strapi/strapi');

module.exports = factories.createCoreService('api::key-question.key-question');
