package gallery.vision.cli.jobs;

import gallery.vision.cli.analysis.Analysis;
import gallery.vision.cli.analysis.AnswerStamp;
import gallery.vision.cli.analysis.ServerModels;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.json.JsonFactory;

import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

/**
 * The job API's answers read with Jackson's streaming parser (no tree, no data binding: a short-lived tool then loads
 * and compiles far less code). Reads a job report ({@code POST /jobs}, {@code GET /jobs/{id}}) in one streaming pass: {@code id}, {@code status},
 * {@code srcSha1sum}, each answer under {@code results} as the exact text the service wrote (no number re-formatted),
 * and each failure under {@code errors}. Analyses this tool does not know are skipped. No tree is built, so a report
 * with large face answers costs one scan of its characters. Stateless and thread-safe.
 */
final class JobJson {

    static final JsonFactory FACTORY = JsonFactory.builder().build();

    private JobJson() {
    }

    /**
     * @return the report, or null when {@code body} is not a JSON object
     * @throws tools.jackson.core.JacksonException when {@code body} is not valid JSON
     */
    static JobState parse(String body, Optional<Duration> retryAfter) {
        String id = "";
        String status = "";
        String sha1 = "";
        Map<Analysis, String> results = new EnumMap<>(Analysis.class);
        Map<Analysis, JobState.AnalysisError> errors = new EnumMap<>(Analysis.class);
        try (JsonParser parser = FACTORY.createParser(ObjectReadContext.empty(), body)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                return null;
            }
            while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
                String name = parser.currentName();
                JsonToken value = parser.nextToken();
                switch (name) {
                    case "id" -> id = text(parser, value, id);
                    case "status" -> status = text(parser, value, status);
                    case "srcSha1sum" -> sha1 = text(parser, value, sha1);
                    case "results" -> members(parser, value, (analysis, p) -> {
                        int start = (int) p.currentTokenLocation().getCharOffset();
                        p.skipChildren();
                        results.put(analysis, body.substring(start, (int) p.currentLocation().getCharOffset()));
                    });
                    case "errors" -> members(parser, value, (analysis, p) -> errors.put(analysis, error(p)));
                    default -> parser.skipChildren();
                }
            }
        }
        return new JobState(id, status, sha1, results, errors, retryAfter);
    }

    /**
     * Reads {@code GET /models}: each known analysis with its {@code model} and {@code version}; null when the body
     * is not a JSON object.
     */
    static ServerModels models(String body) {
        Map<Analysis, AnswerStamp> installed = new EnumMap<>(Analysis.class);
        try (JsonParser parser = FACTORY.createParser(ObjectReadContext.empty(), body)) {
            JsonToken first = parser.nextToken();
            if (first != JsonToken.START_OBJECT) {
                return null;
            }
            members(parser, first, (analysis, p) -> {
                if (p.currentToken() != JsonToken.START_OBJECT) {
                    p.skipChildren();
                    return;
                }
                String model = null;
                String version = null;
                while (p.nextToken() == JsonToken.PROPERTY_NAME) {
                    String name = p.currentName();
                    JsonToken value = p.nextToken();
                    if (name.equals("model")) {
                        model = text(p, value, null);
                    } else if (name.equals("version")) {
                        version = text(p, value, null);
                    } else {
                        p.skipChildren();
                    }
                }
                installed.put(analysis, new AnswerStamp(model, version));
            });
        }
        return new ServerModels(installed);
    }

    /** The top-level {@code error} string of an error answer, or null. */
    static String error(String body) {
        try (JsonParser parser = FACTORY.createParser(ObjectReadContext.empty(), body)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                return null;
            }
            while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
                String name = parser.currentName();
                JsonToken value = parser.nextToken();
                if (name.equals("error") && value == JsonToken.VALUE_STRING) {
                    return parser.getString();
                }
                parser.skipChildren();
            }
        }
        return null;
    }

    private interface MemberReader {
        void read(Analysis analysis, JsonParser parser);
    }

    /** Calls the reader on each member of an object value whose name is a known analysis; skips the rest. */
    private static void members(JsonParser parser, JsonToken value, MemberReader reader) {
        if (value != JsonToken.START_OBJECT) {
            parser.skipChildren();
            return;
        }
        while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
            Optional<Analysis> analysis = Analysis.known(parser.currentName());
            parser.nextToken();
            if (analysis.isPresent()) {
                reader.read(analysis.get(), parser);
            } else {
                parser.skipChildren();
            }
        }
    }

    /** {@code {"status": 503, "error": "..."}}; absent or mistyped fields read as 0 and "". */
    private static JobState.AnalysisError error(JsonParser parser) {
        int status = 0;
        String message = "";
        if (parser.currentToken() != JsonToken.START_OBJECT) {
            parser.skipChildren();
            return new JobState.AnalysisError(status, message);
        }
        while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
            String name = parser.currentName();
            JsonToken value = parser.nextToken();
            if (name.equals("status") && value == JsonToken.VALUE_NUMBER_INT) {
                status = parser.getIntValue();
            } else if (name.equals("error") && value == JsonToken.VALUE_STRING) {
                message = parser.getString();
            } else {
                parser.skipChildren();
            }
        }
        return new JobState.AnalysisError(status, message);
    }

    private static String text(JsonParser parser, JsonToken value, String otherwise) {
        if (value == JsonToken.VALUE_STRING) {
            return parser.getString();
        }
        parser.skipChildren();
        return otherwise;
    }
}
