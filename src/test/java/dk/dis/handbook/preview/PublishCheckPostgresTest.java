package dk.dis.handbook.preview;

import dk.dis.handbook.support.LocalStrapi;
import org.junit.jupiter.api.BeforeAll;

/** {@link PublishCheckTest}'s checks at publish time with Strapi on PostgreSQL, its production database. */
class PublishCheckPostgresTest extends PublishCheckTest {
    /** Hides the SQLite start of the class above (JUnit runs only this one), so its tests run on PostgreSQL. */
    @BeforeAll
    static void start() throws Exception {
        start(LocalStrapi.Database.POSTGRES);
    }
}
