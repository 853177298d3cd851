package gallery.vision.models.tfjs.graph;

/**
 * Turns a minified JavaScript object literal of plain data (as bundlers emit for JSON modules) into strict JSON:
 * quotes bare property names, writes {@code !0}/{@code !1} as {@code true}/{@code false} and {@code .5} as
 * {@code 0.5}. String literals are copied unchanged. Anything else (functions, expressions) is not expected in
 * such data and is left as it is, so the JSON parser rejects it. Stateless, thread-safe.
 */
final class JsObjectLiteral {

    private JsObjectLiteral() {
    }

    static String toJson(String literal) {
        StringBuilder out = new StringBuilder(literal.length() + literal.length() / 8);
        int n = literal.length();
        for (int i = 0; i < n; i++) {
            char c = literal.charAt(i);
            if (c == '"' || c == '\'') {
                int end = endOfString(literal, i);
                out.append('"').append(literal, i + 1, end - 1).append('"');
                i = end - 1;
            } else if (c == '!' && i + 1 < n && (literal.charAt(i + 1) == '0' || literal.charAt(i + 1) == '1')) {
                out.append(literal.charAt(i + 1) == '0' ? "true" : "false");
                i++;
            } else if (c == '.' && !Character.isDigit(prev(literal, i)) && i + 1 < n
                    && Character.isDigit(literal.charAt(i + 1))) {
                out.append("0.");
            } else if (Character.isJavaIdentifierStart(c) && (prev(literal, i) == '{' || prev(literal, i) == ',')) {
                int end = i;
                while (end < n && Character.isJavaIdentifierPart(literal.charAt(end))) {
                    end++;
                }
                if (end < n && literal.charAt(end) == ':') {
                    out.append('"').append(literal, i, end).append('"');
                } else {
                    out.append(literal, i, end);
                }
                i = end - 1;
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    /** Index just past the object, array or string literal starting at {@code start}. */
    static int endOfValue(String js, int start) {
        if (js.charAt(start) == '"' || js.charAt(start) == '\'') {
            return endOfString(js, start);
        }
        int depth = 0;
        for (int i = start; i < js.length(); i++) {
            char c = js.charAt(i);
            if (c == '"' || c == '\'') {
                i = endOfString(js, i) - 1;
            } else if (c == '{' || c == '[') {
                depth++;
            } else if ((c == '}' || c == ']') && --depth == 0) {
                return i + 1;
            }
        }
        throw new IllegalArgumentException("unterminated literal starting at " + start);
    }

    private static int endOfString(String js, int start) {
        char quote = js.charAt(start);
        for (int i = start + 1; i < js.length(); i++) {
            char c = js.charAt(i);
            if (c == '\\') {
                i++;
            } else if (c == quote) {
                return i + 1;
            }
        }
        throw new IllegalArgumentException("unterminated string starting at " + start);
    }

    private static char prev(String s, int i) {
        return i == 0 ? '\0' : s.charAt(i - 1);
    }
}
