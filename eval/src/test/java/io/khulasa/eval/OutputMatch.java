package io.khulasa.eval;

import java.util.Iterator;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Whether what a command printed is what the document shows. Shown JSON is compared as JSON: every field shown must be
 * there with the value shown (more fields may be there: answers are shown shortened), a string shown ending in
 * {@code …} matches any string it starts, an array shown ending in the string {@code "…"} matches any array it starts,
 * and the fields named in {@code vary} (paths such as {@code provenance.requestId} or {@code results[].id}) need only
 * be present. Shown text that is not JSON is compared as text, trimmed, with the same {@code …} rule.
 */
final class OutputMatch {

    static final String ELLIPSIS = "…";
    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(com.fasterxml.jackson.databind.DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private OutputMatch() {
    }

    /** Null when {@code actual} matches {@code shown}, else what differs. */
    static String mismatch(String shown, String actual, List<String> vary) {
        JsonNode expected = parse(shown);
        if (expected == null || expected.isValueNode() && !shown.strip().startsWith("\"") && !expected.isNumber()
                && !expected.isBoolean()) {
            return text(shown.strip(), actual.strip());
        }
        JsonNode got = parse(actual);
        if (got == null) {
            return "expected JSON " + shown.strip() + " but got: " + abbreviate(actual.strip());
        }
        return node("$", expected, got, vary);
    }

    private static String text(String shown, String actual) {
        if (shown.endsWith(ELLIPSIS) ? actual.startsWith(shown.substring(0, shown.length() - 1)) : shown.equals(actual)) {
            return null;
        }
        return "expected «" + shown + "» but got «" + abbreviate(actual) + "»";
    }

    private static String node(String path, JsonNode expected, JsonNode actual, List<String> vary) {
        if (varies(path, vary)) {
            return actual == null || actual.isMissingNode() ? path + " is missing" : null;
        }
        if (actual == null || actual.isMissingNode()) {
            return path + " is missing (expected " + abbreviate(expected.toString()) + ")";
        }
        if (expected.isObject()) {
            if (!actual.isObject()) {
                return path + ": expected an object, got " + abbreviate(actual.toString());
            }
            for (Iterator<Map.Entry<String, JsonNode>> it = expected.fields(); it.hasNext();) {
                Map.Entry<String, JsonNode> field = it.next();
                String problem = node(path + "." + field.getKey(), field.getValue(), actual.get(field.getKey()), vary);
                if (problem != null) {
                    return problem;
                }
            }
            return null;
        }
        if (expected.isArray()) {
            if (!actual.isArray()) {
                return path + ": expected an array, got " + abbreviate(actual.toString());
            }
            int shown = expected.size();
            boolean open = shown > 0 && ELLIPSIS.equals(expected.get(shown - 1).asText(null));
            int compare = open ? shown - 1 : shown;
            if (open ? actual.size() < compare : actual.size() != compare) {
                return path + ": expected " + (open ? "at least " : "") + compare + " elements, got " + actual.size();
            }
            for (int i = 0; i < compare; i++) {
                String problem = node(path + "[]", expected.get(i), actual.get(i), vary);
                if (problem != null) {
                    return problem.replace(path + "[]", path + "[" + i + "]");
                }
            }
            return null;
        }
        if (expected.isTextual()) {
            String shown = expected.asText();
            if (actual.isTextual() && (shown.endsWith(ELLIPSIS) ? actual.asText().startsWith(shown.substring(0,
                    shown.length() - 1)) : shown.equals(actual.asText()))) {
                return null;
            }
            return path + ": expected " + expected + " but got " + abbreviate(actual.toString());
        }
        if (expected.isNumber() && actual.isNumber()) {
            return expected.decimalValue().compareTo(actual.decimalValue()) == 0 ? null
                    : path + ": expected " + expected + " but got " + actual;
        }
        return expected.equals(actual) ? null : path + ": expected " + expected + " but got " + abbreviate(actual.toString());
    }

    /** {@code results[].id} names {@code $.results[].id}, whatever the index. */
    private static boolean varies(String path, List<String> vary) {
        String normal = path.replaceAll("\\[\\d+]", "[]");
        for (String v : vary) {
            if (normal.equals("$." + v.strip()) || normal.equals("$" + v.strip())) {
                return true;
            }
        }
        return false;
    }

    private static JsonNode parse(String s) {
        try {
            return s.isBlank() ? null : JSON.readTree(s);
        } catch (JsonProcessingException e) {
            return null;
        }
    }

    private static String abbreviate(String s) {
        return s.length() <= 400 ? s : s.substring(0, 400) + "…";
    }
}
