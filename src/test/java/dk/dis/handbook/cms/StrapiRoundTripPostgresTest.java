package dk.dis.handbook.cms;

import dk.dis.handbook.support.LocalStrapi;
import org.junit.jupiter.api.BeforeAll;

/**
 * {@link StrapiRoundTripTest} on PostgreSQL, Strapi's production database: push, sync with no difference
 * (both languages, the synonyms), drafts kept out of everything but a preview. .ci/run starts the server.
 */
class StrapiRoundTripPostgresTest extends StrapiRoundTripTest {
    /** Hides the SQLite start of the class above (JUnit runs only this one), so its test runs on PostgreSQL. */
    @BeforeAll
    static void startStrapi() throws Exception {
        startStrapi(LocalStrapi.Database.POSTGRES);
    }
}
