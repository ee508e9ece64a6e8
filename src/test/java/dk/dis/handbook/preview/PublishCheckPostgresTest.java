package dk.dis.handbook.preview;

import dk.dis.handbook.support.LocalStrapi;

/** {@link PublishCheckTest}'s checks at publish time with Strapi on PostgreSQL, its production database. */
class PublishCheckPostgresTest extends PublishCheckTest {
    @Override
    LocalStrapi.Database database() {
        return LocalStrapi.Database.POSTGRES;
    }
}
