package io.khulasa.guards;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

/**
 * The number guard's word tables (number words, scales, ordinals, month names), kept as data in
 * {@value #RESOURCE} and read once. A table maps a word to its value; the file lists, per value, its words.
 *
 * @param englishNumbers     "zero" … "nineteen", "twenty" … "ninety"
 * @param englishScales      "hundred" … "trillion"
 * @param englishCountNouns  words after which a lone "one" in an output is a count, not a pronoun
 * @param arabicNumbers      Arabic number words and counted duals («عامين» = 2)
 * @param arabicScales       «ألف», «مليون», …: multiply the number before them
 * @param arabicPluralScales scales that do not start a number («آلاف المدنيين»)
 * @param arabicPronounLike  «واحد», «أحد», …: alone in an output, not a number
 * @param arabicSourceOnly   ordinals and month names, read in the source only
 * @param scalesAfterDigits  scale words after digits («5 ملايين», "5 million"), either language, lower case
 */
record NumberWords(Map<String, Long> englishNumbers, Map<String, Long> englishScales, Set<String> englishCountNouns,
        Map<String, Long> arabicNumbers, Map<String, Long> arabicScales, Set<String> arabicPluralScales,
        Set<String> arabicPronounLike, Map<String, Long> arabicSourceOnly, Map<String, Long> scalesAfterDigits) {

    /** The packaged tables (listed in {@code quarkus.native.resources.includes}). */
    static final String RESOURCE = "guards/number-words.yaml";

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory())
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION); // a value written twice is an error, not a loss

    /** The packaged tables. @throws IllegalStateException when the file is missing or inconsistent */
    static NumberWords load() {
        try (InputStream in = NumberWords.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + RESOURCE);
            }
            return parse(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
    }

    /** Reads and checks tables in the format of {@value #RESOURCE}. @throws IllegalStateException naming the entry */
    static NumberWords parse(InputStream yaml) throws IOException {
        JsonNode root;
        try {
            root = YAML.readTree(yaml);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(RESOURCE + ": " + e.getOriginalMessage(), e);
        }
        JsonNode en = section(root, "english");
        JsonNode ar = section(root, "arabic");
        Map<String, Long> arabicNumbers = new HashMap<>();
        addTable(arabicNumbers, section(ar, "numbers"), "arabic.numbers");
        addTable(arabicNumbers, section(ar, "counted-duals"), "arabic.counted-duals");
        NumberWords words = new NumberWords(table(section(en, "numbers"), "english.numbers"),
                table(section(en, "scales"), "english.scales"), words(section(en, "count-nouns"), "english.count-nouns"),
                Collections.unmodifiableMap(arabicNumbers), table(section(ar, "scales"), "arabic.scales"),
                words(section(ar, "plural-scales"), "arabic.plural-scales"),
                words(section(ar, "pronoun-like"), "arabic.pronoun-like"),
                table(section(ar, "source-only"), "arabic.source-only"),
                table(section(root, "scales-after-digits"), "scales-after-digits"));
        words.checkConsistent();
        return words;
    }

    private void checkConsistent() {
        requireSubset(arabicPluralScales, arabicScales.keySet(), "arabic.plural-scales", "arabic.scales");
        requireSubset(arabicPronounLike, arabicNumbers.keySet(), "arabic.pronoun-like", "arabic.numbers");
        // The guard looks a word up as a scale first and as a source-only word only when it is no number.
        requireDisjoint(arabicNumbers.keySet(), arabicScales.keySet(), "arabic.numbers", "arabic.scales");
        requireDisjoint(arabicSourceOnly.keySet(), arabicNumbers.keySet(), "arabic.source-only", "arabic.numbers");
        requireDisjoint(arabicSourceOnly.keySet(), arabicScales.keySet(), "arabic.source-only", "arabic.scales");
        requireDisjoint(englishNumbers.keySet(), englishScales.keySet(), "english.numbers", "english.scales");
    }

    private static JsonNode section(JsonNode parent, String name) {
        JsonNode node = parent == null ? null : parent.get(name);
        if (node == null || node.isNull()) {
            throw new IllegalStateException(RESOURCE + ": no '" + name + "' table");
        }
        return node;
    }

    private static Map<String, Long> table(JsonNode node, String path) {
        Map<String, Long> table = new HashMap<>();
        addTable(table, node, path);
        return Collections.unmodifiableMap(table);
    }

    /** {@code value: [word, ...]} entries into {@code table}; a word may have one value only. */
    private static void addTable(Map<String, Long> table, JsonNode node, String path) {
        if (!node.isObject()) {
            throw new IllegalStateException(RESOURCE + ": '" + path + "' must map numbers to lists of words");
        }
        for (Map.Entry<String, JsonNode> entry : node.properties()) {
            long value;
            try {
                value = Long.parseLong(entry.getKey());
            } catch (NumberFormatException e) {
                throw new IllegalStateException(RESOURCE + ": '" + path + "' has a key that is no whole number: '"
                        + entry.getKey() + "'");
            }
            for (String word : words(entry.getValue(), path + "." + value)) {
                Long before = table.putIfAbsent(word, value);
                if (before != null) {
                    throw new IllegalStateException(RESOURCE + ": '" + word + "' stands under " + before + " and " + value
                            + " in " + path);
                }
            }
        }
    }

    private static Set<String> words(JsonNode node, String path) {
        if (!node.isArray() || node.isEmpty()) {
            throw new IllegalStateException(RESOURCE + ": '" + path + "' must be a list of words");
        }
        Set<String> words = new LinkedHashSet<>();
        for (JsonNode word : node) {
            if (!word.isTextual() || word.asText().isBlank() || word.asText().strip().contains(" ")) {
                throw new IllegalStateException(RESOURCE + ": '" + path + "' has an entry that is no single word: " + word);
            }
            if (!words.add(word.asText().strip())) {
                throw new IllegalStateException(RESOURCE + ": '" + word.asText() + "' is listed twice in " + path);
            }
        }
        return Collections.unmodifiableSet(words);
    }

    private static void requireSubset(Set<String> part, Set<String> whole, String partName, String wholeName) {
        for (String word : part) {
            if (!whole.contains(word)) {
                throw new IllegalStateException(RESOURCE + ": '" + word + "' of " + partName + " is not in " + wholeName);
            }
        }
    }

    private static void requireDisjoint(Set<String> a, Set<String> b, String aName, String bName) {
        for (String word : a) {
            if (b.contains(word)) {
                throw new IllegalStateException(RESOURCE + ": '" + word + "' is in both " + aName + " and " + bName);
            }
        }
    }
}
