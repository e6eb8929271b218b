package io.khulasa.prompts;

import java.util.EnumMap;
import java.util.Map;
import java.util.Set;

/**
 * One version of one task's prompt, as loaded from {@code prompts/<task>/<version>.yaml}.
 *
 * @param task            task name, e.g. {@code summarize}
 * @param version         e.g. {@code v2}
 * @param number          the version's number, for ordering
 * @param description     what this version is for
 * @param temperature     sent to the model when set
 * @param maxOutputTokens sent to the model when set
 * @param output          how the completion is read back
 * @param options         texts for option placeholders, e.g. {@code length -> {short -> "…"}}
 * @param sha256          hex SHA-256 of the file's bytes
 * @param source          packaged or external
 * @param location        where the file was read from, for messages
 * @param system          the system message
 * @param user            the user message
 * @param reprompt        the follow-up message after a rejected answer ({@code {{problem}}} only), or null for the
 *                        packaged default
 */
public record PromptTemplate(String task, String version, int number, String description, Double temperature,
        Integer maxOutputTokens, OutputShape output, Map<String, Map<String, String>> options, String sha256,
        PromptSource source, String location, TemplateText system, TemplateText user, TemplateText reprompt) {

    /** The reprompt text of this version, if it has one. */
    public java.util.Optional<TemplateText> repromptText() {
        return java.util.Optional.ofNullable(reprompt);
    }

    /** Renders the system and user messages for the given values. */
    public RenderedPrompt render(Map<Placeholder, String> values) {
        return new RenderedPrompt(this, system.render(values), user.render(values));
    }

    /** Placeholders used anywhere in this prompt. */
    public Set<Placeholder> placeholders() {
        var all = java.util.EnumSet.noneOf(Placeholder.class);
        all.addAll(system.placeholders());
        all.addAll(user.placeholders());
        return all;
    }

    /** Builds the value map from an article and the request's option choices (absent = the default choice). */
    public Map<Placeholder, String> values(String article, String title, Map<Placeholder, String> choices) {
        Map<Placeholder, String> values = new EnumMap<>(Placeholder.class);
        values.put(Placeholder.ARTICLE, article);
        if (title != null && !title.isBlank()) {
            values.put(Placeholder.TITLE, title);
        }
        for (Placeholder p : placeholders()) {
            if (p.fromOptions()) {
                Map<String, String> texts = options.get(p.key());
                String choice = choices.getOrDefault(p, p.defaultChoice());
                String text = texts.get(choice);
                if (text == null) {
                    throw new IllegalArgumentException("option " + p.key() + "=" + choice + " not offered by " + location);
                }
                values.put(p, text);
            }
        }
        return values;
    }
}
