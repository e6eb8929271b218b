package io.khulasa.cleaning;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

/**
 * The cleaner's vocabulary files ({@code src/main/resources/cleaning/*.yaml}): phrase lists, agency and credit names,
 * class-name hints. Each rule class reads its file once, when the class is first used (ArticleCleaner touches them
 * all at start), and every error names the file and the entry: a broken file stops start-up instead of quietly
 * dropping a rule.
 * <p>
 * Phrase lists are regular-expression alternatives. The rules' quick first-word and first-letter checks are derived
 * from them ({@link #firstWords}), never kept by hand, so a phrase cannot be added that its check would never let
 * through.
 */
final class Vocabulary {

    static final String PAGE_FURNITURE = "cleaning/page-furniture.yaml";
    static final String BOILERPLATE_LINES = "cleaning/boilerplate-lines.yaml";
    static final String BLOCK_HINTS = "cleaning/block-hints.yaml";

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory())
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION); // a key written twice is an error, not a loss

    /** One parsed file; its accessors throw {@link IllegalStateException} naming the file and the entry. */
    record Doc(String file, JsonNode root) {

        /** A non-empty list of distinct, non-blank strings. */
        List<String> strings(String path) {
            JsonNode node = node(path);
            if (!node.isArray() || node.isEmpty()) {
                throw error(path, "must be a non-empty list");
            }
            Set<String> out = new LinkedHashSet<>();
            for (JsonNode e : node) {
                if (!e.isTextual() || e.asText().isBlank()) {
                    throw error(path, "has an entry that is no text: " + e);
                }
                if (!out.add(e.asText())) {
                    throw error(path, "lists '" + e.asText() + "' twice");
                }
            }
            return List.copyOf(out);
        }

        /** A list of single words (no space), as a set. */
        Set<String> words(String path) {
            Set<String> out = new LinkedHashSet<>();
            for (String w : strings(path)) {
                if (w.strip().contains(" ") || !w.equals(w.strip())) {
                    throw error(path, "has an entry that is no single word: '" + w + "'");
                }
                out.add(w);
            }
            return Collections.unmodifiableSet(out);
        }

        /** One non-blank text. */
        String text(String path) {
            JsonNode node = node(path);
            if (!node.isTextual() || node.asText().isBlank()) {
                throw error(path, "must be a text");
            }
            return node.asText();
        }

        /** A list of regular-expression alternatives, each compiled alone to check it. */
        List<String> alternatives(String path) {
            List<String> alts = strings(path);
            for (String alt : alts) {
                try {
                    Pattern.compile(alt);
                } catch (PatternSyntaxException e) {
                    throw error(path, "has an entry that is no regular expression: '" + alt + "' ("
                            + e.getDescription() + ")");
                }
            }
            return alts;
        }

        /** {@code (?:a|b|…)} of {@link #alternatives}. */
        String anyOf(String path) {
            return "(?:" + String.join("|", alternatives(path)) + ")";
        }

        /** A map {@code rule: [word, …]} read as word → rule; every rule a known rule code, every word under one rule. */
        Map<String, String> wordRules(String path) {
            JsonNode node = node(path);
            if (!node.isObject() || node.isEmpty()) {
                throw error(path, "must map rule codes to lists of words");
            }
            Map<String, String> out = new LinkedHashMap<>();
            for (Map.Entry<String, JsonNode> e : node.properties()) {
                if (!RuleNames.ALL.contains(e.getKey())) {
                    throw error(path, "names no rule code: '" + e.getKey() + "'");
                }
                for (String word : strings(path + "." + e.getKey())) {
                    String before = out.putIfAbsent(word, e.getKey());
                    if (before != null) {
                        throw error(path, "'" + word + "' stands under " + before + " and " + e.getKey());
                    }
                }
            }
            return Collections.unmodifiableMap(out);
        }

        /** The keys of a map, in file order. */
        List<String> keys(String path) {
            JsonNode node = node(path);
            if (!node.isObject() || node.isEmpty()) {
                throw error(path, "must be a map");
            }
            List<String> out = new ArrayList<>();
            node.fieldNames().forEachRemaining(out::add);
            return out;
        }

        private JsonNode node(String path) {
            JsonNode node = root;
            for (String part : path.split("\\.")) {
                node = node == null ? null : node.get(part);
            }
            if (node == null || node.isNull()) {
                throw error(path, "is missing");
            }
            return node;
        }

        IllegalStateException error(String path, String what) {
            return new IllegalStateException(file + ": '" + path + "' " + what);
        }
    }

    private Vocabulary() {
    }

    /** Reads a packaged vocabulary file. @throws IllegalStateException naming the file when missing or not YAML */
    static Doc load(String resource) {
        try (InputStream in = Vocabulary.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + resource);
            }
            return parse(resource, in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resource, e);
        }
    }

    /** Parses a vocabulary file. @throws IllegalStateException naming {@code file} when it is not a YAML map */
    static Doc parse(String file, InputStream yaml) throws IOException {
        JsonNode root;
        try {
            root = YAML.readTree(yaml);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(file + ": " + e.getOriginalMessage(), e);
        }
        if (root == null || !root.isObject()) {
            throw new IllegalStateException(file + ": not a YAML map");
        }
        return new Doc(file, root);
    }

    /**
     * The words a phrase (a regular-expression alternative) can start with: its leading letters, expanded over
     * {@code (?:a|b)} groups (optional ones too), {@code [ab]} classes and an optional last letter ({@code tags?}),
     * up to the first thing that is not a letter ({@code \s}, a space, a separator, the end).
     *
     * @throws IllegalArgumentException when the first word cannot be read off (it starts with {@code .}, {@code \S},
     *                                  a negated class, or a repeated letter)
     */
    static Set<String> firstWords(String phrase) {
        Set<String> out = new LinkedHashSet<>();
        lead(phrase, 0, new StringBuilder(), out, phrase);
        return out;
    }

    private static void lead(String re, int i, StringBuilder word, Set<String> out, String phrase) {
        if (i >= re.length() || !startsLetter(re, i)) {
            if (word.isEmpty()) {
                throw new IllegalArgumentException("no first word can be read off '" + phrase + "'");
            }
            out.add(word.toString());
            return;
        }
        char c = re.charAt(i);
        if (re.startsWith("(?:", i)) {
            int close = closing(re, i);
            boolean optional = close + 1 < re.length() && re.charAt(close + 1) == '?';
            String rest = re.substring(close + (optional ? 2 : 1));
            if (close + 1 < re.length() && "*+{".indexOf(re.charAt(close + 1)) >= 0) {
                // a repeated group is allowed only after the word: every branch starts with a non-letter («(?:\\s+\\S+){0,2}»)
                for (String branch : topLevel(re.substring(i + 3, close))) {
                    if (branch.isEmpty() || startsLetter(branch, 0)) {
                        throw new IllegalArgumentException("a repeated group in the first word of '" + phrase + "'");
                    }
                }
                lead(re, re.length(), word, out, phrase);
                return;
            }
            for (String branch : topLevel(re.substring(i + 3, close))) {
                lead(branch + rest, 0, new StringBuilder(word), out, phrase);
            }
            if (optional) {
                lead(rest, 0, new StringBuilder(word), out, phrase);
            }
            return;
        }
        if (c == '[') {
            int close = re.indexOf(']', i);
            if (re.charAt(i + 1) == '^' || close < 0) {
                throw new IllegalArgumentException("a negated class in the first word of '" + phrase + "'");
            }
            checkNotRepeated(re, close + 1, phrase);
            for (char k : re.substring(i + 1, close).toCharArray()) {
                lead(re, close + 1, new StringBuilder(word).append(k), out, phrase);
            }
            return;
        }
        int next = i + 1;
        if (next < re.length() && re.charAt(next) == '?') {
            lead(re, next + 1, new StringBuilder(word), out, phrase); // without the optional letter
            lead(re, next + 1, new StringBuilder(word).append(c), out, phrase);
            return;
        }
        checkNotRepeated(re, next, phrase);
        lead(re, next, word.append(c), out, phrase);
    }

    /** Whether position i starts a letter of the word: a letter, a group, a class (a mark or © counts as a letter). */
    private static boolean startsLetter(String re, int i) {
        char c = re.charAt(i);
        return c == '(' || c == '[' || c == '©' || Character.isLetterOrDigit(c) || Character.getType(c) == Character.NON_SPACING_MARK;
    }

    private static void checkNotRepeated(String re, int i, String phrase) {
        if (i < re.length() && "*+{".indexOf(re.charAt(i)) >= 0) {
            throw new IllegalArgumentException("a repeated letter in the first word of '" + phrase + "'");
        }
    }

    /** What {@link #walk} tells: one {@code (}, {@code )} or {@code |}, and the group depth once it is read. */
    @FunctionalInterface
    private interface Structure {
        /** @return true to stop the walk there */
        boolean at(int i, char c, int depth);
    }

    /**
     * Walks a regex's structure from {@code from}, skipping escapes and character classes (where {@code (}, {@code )}
     * and {@code |} are plain characters), and tells each group bracket and branch bar.
     *
     * @return the index where {@code visit} stopped the walk, or -1
     */
    private static int walk(String re, int from, Structure visit) {
        int depth = 0;
        boolean inClass = false;
        for (int i = from; i < re.length(); i++) {
            char c = re.charAt(i);
            if (c == '\\') {
                i++;
            } else if (inClass) {
                inClass = c != ']';
            } else if (c == '[') {
                inClass = true;
            } else if (c == '(' || c == ')' || c == '|') {
                depth += c == '(' ? 1 : c == ')' ? -1 : 0;
                if (visit.at(i, c, depth)) {
                    return i;
                }
            }
        }
        return -1;
    }

    private static int closing(String re, int open) {
        int close = walk(re, open, (i, c, depth) -> c == ')' && depth == 0);
        if (close < 0) {
            throw new IllegalArgumentException("unbalanced group in '" + re + "'");
        }
        return close;
    }

    /** The top-level {@code |} branches of a group's body. */
    static List<String> topLevel(String body) {
        List<String> out = new ArrayList<>();
        int[] start = {0};
        walk(body, 0, (i, c, depth) -> {
            if (c == '|' && depth == 0) {
                out.add(body.substring(start[0], i));
                start[0] = i + 1;
            }
            return false;
        });
        out.add(body.substring(start[0]));
        return out;
    }

    /** {@link #firstWords} of every phrase, or an error naming the file and list of the phrase that has none. */
    static Set<String> firstWords(Doc doc, String path, List<String> phrases) {
        Set<String> out = new LinkedHashSet<>();
        for (String p : phrases) {
            try {
                out.addAll(firstWords(p));
            } catch (IllegalArgumentException e) {
                throw doc.error(path, e.getMessage());
            }
        }
        return out;
    }
}
