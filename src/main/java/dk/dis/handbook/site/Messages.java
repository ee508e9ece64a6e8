package dk.dis.handbook.site;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.ResourceBundle;
import java.util.concurrent.ConcurrentHashMap;

/** The site's interface text per language, from messages/messages_LOCALE.properties. */
public final class Messages {
    private static final Map<String, Map<String, String>> CACHE = new ConcurrentHashMap<>();

    private Messages() {}

    public static Map<String, String> of(String locale) {
        return CACHE.computeIfAbsent(locale, l -> {
            ResourceBundle bundle = ResourceBundle.getBundle("messages.messages", Locale.forLanguageTag(l),
                    ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
            Map<String, String> map = new HashMap<>();
            for (String key : bundle.keySet()) map.put(key, bundle.getString(key));
            return Map.copyOf(map);
        });
    }
}
