package dk.dis.handbook.bake;

import org.junit.jupiter.api.Test;

import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class RenderCacheTest {

    private static Map<String, Object> model(String body, String title) {
        return Map.of("page", Map.of("title", title, "body", body), "toc", List.of(title));
    }

    @Test
    void aStoodForStringIsKeyedByItsFingerprintAndTheRestByValue() {
        String body = new String("<p>Innovation tager tid.</p>");
        Map<String, String> standIns = new IdentityHashMap<>();
        standIns.put(body, "fingerprint-1");

        String key = RenderCache.keyOf("shared", model(body, "Trin 1"), standIns);
        // Another text under the same fingerprint: the key does not read the text.
        String other = new String("<p>Et andet afsnit.</p>");
        Map<String, String> sameFingerprint = new IdentityHashMap<>();
        sameFingerprint.put(other, "fingerprint-1");
        assertThat(RenderCache.keyOf("shared", model(other, "Trin 1"), sameFingerprint)).isEqualTo(key);
        // A new fingerprint, or a change in a value that is not stood for, is a new key.
        standIns.put(body, "fingerprint-2");
        assertThat(RenderCache.keyOf("shared", model(body, "Trin 1"), standIns)).isNotEqualTo(key);
        standIns.put(body, "fingerprint-1");
        assertThat(RenderCache.keyOf("shared", model(body, "Trin 2"), standIns)).isNotEqualTo(key);
    }

    @Test
    void onlyThatVeryStringIsStoodForNotAnEqualOne() {
        String body = new String("<p>Innovation tager tid.</p>");
        Map<String, String> standIns = new IdentityHashMap<>();
        standIns.put(body, "fingerprint-1");
        String equalText = new String(body);

        // The equal text elsewhere is hashed as text: its key is the key without stand-ins.
        assertThat(RenderCache.keyOf("shared", model(equalText, "Trin 1"), standIns))
                .isEqualTo(RenderCache.keyOf("shared", model(equalText, "Trin 1")))
                .isNotEqualTo(RenderCache.keyOf("shared", model(body, "Trin 1"), standIns));
    }

    @Test
    void noStringReadsAsAStandIn() {
        String body = new String("<p>Tekst</p>");
        Map<String, String> standIns = new IdentityHashMap<>();
        standIns.put(body, "abc");
        // A text that spells out the stand-in's frame is still a string, not the stand-in.
        String spelled = "{\"standIn\":\"abc\"}";
        assertThat(RenderCache.keyOf("shared", model(spelled, "Trin 1"), standIns))
                .isNotEqualTo(RenderCache.keyOf("shared", model(body, "Trin 1"), standIns));
    }
}
