package dk.dis.handbook.bake;

import com.orientechnologies.orient.core.db.ODatabaseSession;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * JBake's Oven bakes without OrientDB: the session the store hands JBake answers the schema
 * question JBake's final {@code updateSchema()} asks, and nothing else.
 */
class SchemaOnlySessionTest {

    @Test
    void theSchemaHasJBakesClassesAndAnyOtherUseFailsNamingTheMethod() {
        ODatabaseSession session = SchemaOnlySession.session();
        assertThat(session.getMetadata().getSchema().existsClass("Documents")).isTrue();
        assertThat(session.getMetadata().getSchema().existsClass("Signatures")).isTrue();
        assertThatThrownBy(() -> session.query("select * from Documents"))
                .isInstanceOf(UnsupportedOperationException.class)
                .hasMessageContaining("ODatabaseSession.query()");
        assertThatThrownBy(() -> session.getMetadata().getSchema().getClasses())
                .hasMessageContaining("OSchema.getClasses()");
    }
}
