package gallery.vision.cli.jobs;

import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.json.JsonMapper;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Cuts the members of one top-level object out of a JSON text as the original characters, so that answers are
 * stored exactly as the service wrote them (no number is re-formatted). Stateless and thread-safe.
 */
public final class RawJson {

    private static final JsonMapper JSON = JsonMapper.shared();

    private RawJson() {
    }

    /**
     * The members of the object at top-level field {@code field} of {@code json}, each value as its original text;
     * empty when the field is absent or not an object.
     *
     * @throws tools.jackson.core.JacksonException when {@code json} is not valid JSON
     */
    public static Map<String, String> members(String json, String field) {
        Map<String, String> members = new LinkedHashMap<>();
        try (JsonParser parser = JSON.createParser(json)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                return members;
            }
            while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
                String name = parser.currentName();
                JsonToken value = parser.nextToken();
                if (name.equals(field) && value == JsonToken.START_OBJECT) {
                    while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
                        String member = parser.currentName();
                        parser.nextToken();
                        int start = (int) parser.currentTokenLocation().getCharOffset();
                        parser.skipChildren();
                        int end = (int) parser.currentLocation().getCharOffset();
                        members.put(member, json.substring(start, end));
                    }
                } else {
                    parser.skipChildren();
                }
            }
        }
        return members;
    }
}
