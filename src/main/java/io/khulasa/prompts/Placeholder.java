package io.khulasa.prompts;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Every placeholder a prompt file may use. A name not listed here is an error at start-up, so a typo such as
 * {@code {{artcle}}} can never reach a model.
 */
public enum Placeholder {
    /** The cleaned article body (required in every prompt's {@code user} or {@code system} text). */
    ARTICLE("article"),
    /** The article title, when one was given or detected. */
    TITLE("title"),
    /**
     * House-style renderings of the glossary entries found in the article, one {@code - arabic → english} line each;
     * empty when none matched, so a {@code {{#glossary}}} section drops out.
     */
    GLOSSARY("glossary"),
    /** The requested summary length; rendered from the prompt's own {@code options.length} texts. */
    LENGTH("length", "medium", "short", "medium", "long"),
    /** The requested summary format; rendered from the prompt's own {@code options.format} texts. */
    FORMAT("format", "paragraph", "paragraph", "bullets"),
    /**
     * Only in a prompt's {@code reprompt} text: what was wrong with the rejected answer, e.g. that it was not in
     * Arabic or had a number the article does not contain.
     */
    PROBLEM("problem"),
    /**
     * Chunked tasks: the article's names and terms, one {@code - name} line each, sent with every chunk so that all
     * chunks spell them the same way; empty when none were found, so a {@code {{#names}}} section drops out.
     */
    NAMES("names"),
    /** Chunked tasks: which part of the article the chunk is, e.g. {@code 2 of 5}. */
    PART("part"),
    /** Chunked tasks: present only for the first chunk, so a {@code {{#first-part}}} section appears only there. */
    FIRST_PART("first-part");

    private final String key;
    private final String defaultChoice;
    private final List<String> choices;

    Placeholder(String key) {
        this(key, null);
    }

    Placeholder(String key, String defaultChoice, String... choices) {
        this.key = key;
        this.defaultChoice = defaultChoice;
        this.choices = List.of(choices);
    }

    /** The name used between braces, e.g. {@code article}. */
    public String key() {
        return key;
    }

    /** Whether the value is one of the prompt file's {@code options.<key>} texts, chosen by the request. */
    public boolean fromOptions() {
        return !choices.isEmpty();
    }

    /** For option placeholders: the choices a prompt file must offer texts for, e.g. short, medium, long. */
    public List<String> choices() {
        return choices;
    }

    /** For option placeholders: the choice used when the request names none. */
    public String defaultChoice() {
        return defaultChoice;
    }

    /** Whether the placeholder may appear in {@code system}/{@code user}; {@link #PROBLEM} belongs to {@code reprompt} only. */
    public boolean inMessages() {
        return this != PROBLEM;
    }

    public static Optional<Placeholder> byKey(String key) {
        return Arrays.stream(values()).filter(p -> p.key.equals(key)).findFirst();
    }
}
