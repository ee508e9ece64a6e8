const { factories } = require('@strapi/strapi');

module.exports = factories.createCoreController('api::key-question.key-question');
