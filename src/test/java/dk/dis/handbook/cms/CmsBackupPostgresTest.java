package dk.dis.handbook.cms;

import dk.dis.handbook.support.LocalStrapi;

/** {@link CmsBackupTest} on PostgreSQL, the database a production CMS is backed up from. */
class CmsBackupPostgresTest extends CmsBackupTest {
    @Override
    LocalStrapi.Database database() {
        return LocalStrapi.Database.POSTGRES;
    }
}
