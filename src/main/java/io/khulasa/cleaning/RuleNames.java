package io.khulasa.cleaning;

/**
 * Stable rule names used in {@link CleaningReport} and as metric tags. Kebab-case; never rename.
 */
public final class RuleNames {
    public static final String UNICODE_NFC = "unicode-nfc";
    public static final String PRESENTATION_FORMS = "presentation-forms";
    public static final String FORMAT_CHARACTERS = "format-characters";
    public static final String SPACE_CHARACTERS = "space-characters";
    public static final String PERSIAN_LETTERS = "persian-letters";
    public static final String MOJIBAKE = "mojibake";
    public static final String SPLIT_WORD = "split-word";
    public static final String TATWEEL = "tatweel";
    public static final String DUPLICATE_TITLE = "duplicate-title";
    public static final String BYLINE = "byline";
    public static final String RELATED_LINK = "related-link";
    public static final String FOLLOW_PROMPT = "follow-prompt";
    public static final String ADVERTISEMENT = "advertisement";
    public static final String SEPARATOR_LINE = "separator-line";
    public static final String SOURCE_LINE = "source-line";
    public static final String HTML_BOILERPLATE = "html-boilerplate";
    public static final String WHITESPACE = "whitespace";
    /** Flag only: a dot between two words without tatweel («نص.وهذا»). */
    public static final String DOT_BETWEEN_WORDS = "dot-between-words";

    private RuleNames() {
    }
}
