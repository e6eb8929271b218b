package io.khulasa.prompts;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One compiled prompt text: literal text, {@code {{name}}} values and {@code {{#name}}…{{/name}}} sections that are
 * rendered only when the value is present. Compiled once at start-up; rendering is a single pass.
 */
public final class TemplateText {

    private static final Pattern TAG = Pattern.compile("\\{\\{\\s*([#/]?)([A-Za-z][A-Za-z0-9_-]*)\\s*}}");

    /**
     * Delimiter tags a value must not be able to close or open: an article containing {@code </article>} would
     * otherwise step outside the delimiters that mark it as data.
     */
    private static final Pattern DELIMITER_TAG = Pattern.compile("</?\\s*(article|title|glossary|names|summary|summaries)\\s*>",
            Pattern.CASE_INSENSITIVE);

    private sealed interface Node permits Literal, Value, Section {
    }

    private record Literal(String text) implements Node {
    }

    private record Value(Placeholder placeholder) implements Node {
    }

    private record Section(Placeholder placeholder, List<Node> body) implements Node {
    }

    private final List<Node> nodes;
    private final Set<Placeholder> used;

    private final int literalLength;

    private TemplateText(List<Node> nodes, Set<Placeholder> used) {
        this.nodes = nodes;
        this.used = used;
        this.literalLength = literalLength(nodes);
    }

    /**
     * Parses a prompt text.
     *
     * @throws IllegalArgumentException naming the first problem: an unknown placeholder, an unclosed section or a
     *         stray {@code {{}
     */
    public static TemplateText parse(String text) {
        Set<Placeholder> used = EnumSet.noneOf(Placeholder.class);
        Deque<List<Node>> stack = new ArrayDeque<>();
        Deque<Placeholder> open = new ArrayDeque<>();
        List<Node> current = new ArrayList<>();
        Matcher m = TAG.matcher(text);
        int last = 0;
        while (m.find()) {
            addLiteral(current, text.substring(last, m.start()));
            last = m.end();
            String name = m.group(2);
            Placeholder p = Placeholder.byKey(name).orElseThrow(() -> new IllegalArgumentException(
                    "unknown placeholder {{" + name + "}}; known: " + knownKeys()));
            used.add(p);
            switch (m.group(1)) {
                case "#" -> {
                    stack.push(current);
                    open.push(p);
                    current = new ArrayList<>();
                }
                case "/" -> {
                    if (open.isEmpty() || open.peek() != p) {
                        throw new IllegalArgumentException("{{/" + name + "}} closes no open {{#" + name + "}}");
                    }
                    open.pop();
                    List<Node> body = current;
                    current = stack.pop();
                    current.add(new Section(p, List.copyOf(body)));
                }
                default -> current.add(new Value(p));
            }
        }
        addLiteral(current, text.substring(last));
        if (!open.isEmpty()) {
            throw new IllegalArgumentException("{{#" + open.peek().key() + "}} is never closed");
        }
        return new TemplateText(List.copyOf(current), used);
    }

    private static void addLiteral(List<Node> nodes, String literal) {
        if (literal.isEmpty()) {
            return;
        }
        if (literal.contains("{{")) {
            int at = literal.indexOf("{{");
            String near = literal.substring(at, Math.min(literal.length(), at + 30)).replace('\n', ' ');
            throw new IllegalArgumentException("malformed placeholder near '" + near + "'");
        }
        nodes.add(new Literal(literal));
    }

    private static List<String> knownKeys() {
        return java.util.Arrays.stream(Placeholder.values()).map(Placeholder::key).toList();
    }

    /** The placeholders this text uses, as values or sections. */
    public Set<Placeholder> placeholders() {
        return used;
    }

    /**
     * Renders with the given values; an absent or blank value renders as nothing and hides its sections.
     * Delimiter tags inside values are neutralised so that data cannot pose as prompt structure.
     */
    public String render(Map<Placeholder, String> values) {
        // sized once for the whole prompt, and UTF-16 from the start when a value is Arabic: grown from a small
        // Latin-1 buffer it was copied (and inflated) several times per article, a sixth of a request's allocation
        int size = literalLength + 64;
        boolean wide = false;
        for (String value : values.values()) {
            if (value != null) {
                size += value.length();
                for (int i = 0; i < value.length() && !wide; i++) {
                    wide = value.charAt(i) > 0xFF;
                }
            }
        }
        StringBuilder out = new StringBuilder(size);
        if (wide) {
            out.append('\u0100').setLength(0); // the builder stays UTF-16 once it has been
        }
        render(nodes, values, out);
        return out.toString();
    }

    private static void render(List<Node> nodes, Map<Placeholder, String> values, StringBuilder out) {
        for (Node node : nodes) {
            switch (node) {
                case Literal l -> out.append(l.text());
                case Value v -> {
                    String value = values.get(v.placeholder());
                    if (value != null) {
                        out.append(neutraliseDelimiters(value));
                    }
                }
                case Section s -> {
                    String value = values.get(s.placeholder());
                    if (value != null && !value.isBlank()) {
                        render(s.body(), values, out);
                    }
                }
            }
        }
    }

    private static int literalLength(List<Node> nodes) {
        int n = 0;
        for (Node node : nodes) {
            n += switch (node) {
                case Literal l -> l.text().length();
                case Value v -> 0;
                case Section s -> literalLength(s.body());
            };
        }
        return n;
    }

    static String neutraliseDelimiters(String value) {
        if (value.indexOf('<') < 0) {
            return value;
        }
        return DELIMITER_TAG.matcher(value).replaceAll(r -> Matcher.quoteReplacement(
                "(" + r.group().substring(1, r.group().length() - 1) + ")"));
    }
}
