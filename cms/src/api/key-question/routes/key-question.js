const { factories } = require('@strapi/strapi');

module.exports = factories.createCoreRouter('api::key-question.key-question');
