package dk.dis.handbook.bake;

import com.orientechnologies.orient.core.db.ODatabaseSession;
import com.orientechnologies.orient.core.metadata.OMetadata;
import com.orientechnologies.orient.core.metadata.schema.OSchema;
import org.jbake.app.ContentStore;

import java.lang.reflect.Field;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;

/**
 * The database session JBake's {@link ContentStore} keeps, for a store that keeps nothing in it.
 * {@code Oven.bake()} calls {@code ContentStore.updateSchema()}, which is final and reads the
 * session from a private field to create JBake's classes in the schema. {@link BakeStore} answers
 * every other question from memory, so the session it hands JBake answers only that one: every
 * class already exists. Starting OrientDB for it would cost about half a second of CPU per build,
 * taken from the conversion running beside it. Any other use of the session fails loudly, naming
 * the method, so a JBake upgrade that starts using it cannot go unnoticed.
 */
final class SchemaOnlySession {

    private SchemaOnlySession() {}

    /** Puts the session where {@code updateSchema()} looks for it. */
    static void handTo(ContentStore store) {
        try {
            Field db = ContentStore.class.getDeclaredField("db");
            db.setAccessible(true);
            db.set(store, session());
        } catch (ReflectiveOperationException | RuntimeException e) {
            throw new IllegalStateException("This JBake version keeps its content store's database elsewhere ("
                    + e + "): the handbook's store needs a change for it.", e);
        }
    }

    static ODatabaseSession session() {
        OSchema schema = only(OSchema.class, "existsClass", true);
        OMetadata metadata = only(OMetadata.class, "getSchema", schema);
        return only(ODatabaseSession.class, "getMetadata", metadata);
    }

    /** An object of {@code type} whose method {@code name} returns {@code answer}; every other method fails. */
    private static <T> T only(Class<T> type, String name, Object answer) {
        InvocationHandler handler = (proxy, method, args) -> {
            if (method.getName().equals(name)) return answer;
            return objectMethod(proxy, method, args, type);
        };
        return type.cast(Proxy.newProxyInstance(SchemaOnlySession.class.getClassLoader(), new Class<?>[] {type}, handler));
    }

    private static Object objectMethod(Object proxy, Method method, Object[] args, Class<?> type) {
        return switch (method.getName()) {
            case "toString" -> "schema-only " + type.getSimpleName();
            case "hashCode" -> System.identityHashCode(proxy);
            case "equals" -> proxy == args[0];
            default -> throw new UnsupportedOperationException("JBake asked its database for " + type.getSimpleName()
                    + "." + method.getName() + "(), which the handbook's content store does not keep there.");
        };
    }
}
