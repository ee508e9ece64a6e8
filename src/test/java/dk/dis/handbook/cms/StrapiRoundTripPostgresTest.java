package dk.dis.handbook.cms;

import dk.dis.handbook.support.LocalStrapi;

/**
 * {@link StrapiRoundTripTest} on PostgreSQL, Strapi's production database: push, sync with no difference
 * (both languages, the synonyms), drafts kept out of everything but a preview. .ci/run starts the server.
 */
class StrapiRoundTripPostgresTest extends StrapiRoundTripTest {
    @Override
    LocalStrapi.Database database() {
        return LocalStrapi.Database.POSTGRES;
    }
}
