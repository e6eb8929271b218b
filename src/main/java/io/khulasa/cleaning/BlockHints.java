package io.khulasa.cleaning;

import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * What a block's class, id or role says it is: {@code class="share-buttons"} is a share bar, {@code id="comments"} a
 * comment section. Attribute values are split into words on {@code - _}, spaces and lower→upper camelCase boundaries,
 * and each word is looked up whole («adSlot» → ad, «readmore» → readmore; «header» is not «ad»).
 */
final class BlockHints {

    /** The vocabulary, data in {@value Vocabulary#BLOCK_HINTS}; checked when the class is first used. */
    static final Table TABLE = Table.of(Vocabulary.load(Vocabulary.BLOCK_HINTS));

    /** Class/id words → the rule that removes such a block. */
    private static final Map<String, String> WORDS = TABLE.words();

    /** Two class words that name a block together, within one class name («read-more», «readAlso», «fb-post»). */
    private static final Map<String, String> PAIRS = TABLE.pairs();

    /** The words a pair can start with, derived from {@link #PAIRS}. */
    private static final Set<String> PAIR_FIRST_WORDS = TABLE.pairFirstWords();

    /** ARIA landmark roles that are never the article. */
    private static final Map<String, String> ROLES = TABLE.roles();

    /** Elements that are page furniture whatever their class says. */
    private static final Map<String, String> TAGS = TABLE.tags();

    /** The vocabulary of {@value Vocabulary#BLOCK_HINTS}, each map word → rule code. */
    record Table(Map<String, String> words, Map<String, String> pairs, Set<String> pairFirstWords,
            Map<String, String> roles, Map<String, String> tags, String[] namingAttributes) {

        /** @throws IllegalStateException naming the file and the entry when the vocabulary is broken */
        static Table of(Vocabulary.Doc v) {
            Map<String, String> words = v.wordRules("class-words");
            Map<String, String> pairs = v.wordRules("class-word-pairs");
            Set<String> pairFirst = new java.util.LinkedHashSet<>();
            for (String pair : pairs.keySet()) {
                String[] two = pair.split(" ");
                if (two.length != 2 || !pair.equals(pair.toLowerCase(Locale.ROOT))) {
                    throw v.error("class-word-pairs", "has an entry that is not two lower-case words: '" + pair + "'");
                }
                pairFirst.add(two[0]);
            }
            for (String word : words.keySet()) {
                if (word.contains(" ") || !word.equals(word.toLowerCase(Locale.ROOT))) {
                    throw v.error("class-words", "has an entry that is not one lower-case word: '" + word + "'");
                }
            }
            return new Table(words, pairs, java.util.Collections.unmodifiableSet(pairFirst), v.wordRules("roles"),
                    v.wordRules("tags"), v.words("naming-attributes").toArray(String[]::new));
        }
    }

    private BlockHints() {
    }

    /** The rule the element's tag or ARIA role names, or null. */
    static String structural(org.jsoup.nodes.Element e) {
        String rule = TAGS.get(e.normalName());
        if (rule != null) {
            return rule;
        }
        String role = e.attr("role");
        return role.isEmpty() ? null : ROLES.get(role.toLowerCase(Locale.ROOT));
    }

    /** The rule a class or id value names, or null. */
    static String hint(String attr) {
        if (attr.isEmpty()) {
            return null;
        }
        // Split on - _ space and lower→upper camelCase boundaries, without a regex (runs for every element).
        int start = 0;
        int n = attr.length();
        String previous = null;
        for (int i = 0; i <= n; i++) {
            boolean boundary = i == n || attr.charAt(i) == '-' || attr.charAt(i) == '_'
                    || Character.isWhitespace(attr.charAt(i));
            boolean camel = i > start && i < n && Character.isUpperCase(attr.charAt(i))
                    && Character.isLowerCase(attr.charAt(i - 1));
            if (boundary || camel) {
                if (i > start) {
                    String word = attr.substring(start, i).toLowerCase(Locale.ROOT);
                    String rule = WORDS.get(word);
                    if (rule != null) {
                        return rule;
                    }
                    if (previous != null) {
                        rule = PAIRS.get(previous + ' ' + word);
                        if (rule != null) {
                            return rule;
                        }
                    }
                    previous = PAIR_FIRST_WORDS.contains(word) ? word : null;
                }
                start = boundary ? i + 1 : i;
                if (boundary && i < n && Character.isWhitespace(attr.charAt(i))) {
                    previous = null; // «read more» spans one class name, never two
                }
            }
        }
        return null;
    }

    /**
     * Whether the element's class names a picture caption: «wp-caption-text», «img-caption», «image_caption»,
     * «captionText» (a plain substring test: caption class names are glued to other words in every style).
     */
    static boolean namesCaption(org.jsoup.nodes.Element e) {
        String c = e.className();
        return c.length() >= 7 && (c.contains("caption") || c.contains("Caption"));
    }

    /** Attributes whose words say what a block is, besides class and id. */
    private static final String[] NAMING_ATTRIBUTES = TABLE.namingAttributes();

    /**
     * The rule the element's class, id, {@code aria-labelledby}, {@code itemprop} or {@code data-component} /
     * {@code data-testid} names, or null (CSS-in-JS sites have hashed class names; their blocks are named there).
     */
    static String hint(org.jsoup.nodes.Element e) {
        String rule = hint(e.className());
        if (rule == null) {
            rule = hint(e.id());
        }
        if (rule == null && e.attributesSize() > 0) {
            for (String attr : NAMING_ATTRIBUTES) {
                rule = hint(e.attr(attr));
                if (rule != null) {
                    break;
                }
            }
        }
        return rule;
    }

    /** Whether any word of a class/id value is in {@code words}. */
    static boolean anyWord(String attr, Set<String> words) {
        int start = 0;
        int n = attr.length();
        for (int i = 0; i <= n; i++) {
            boolean boundary = i == n || attr.charAt(i) == '-' || attr.charAt(i) == '_'
                    || Character.isWhitespace(attr.charAt(i));
            if (boundary) {
                if (i > start && words.contains(attr.substring(start, i).toLowerCase(Locale.ROOT))) {
                    return true;
                }
                start = i + 1;
            }
        }
        return false;
    }
}
