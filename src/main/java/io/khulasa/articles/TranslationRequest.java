package io.khulasa.articles;

import java.util.List;

import jakarta.validation.constraints.Pattern;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.khulasa.tasks.TranslationOptions;

/**
 * {@code POST /v1/translations}: an Arabic article to translate into English.
 *
 * @param text          the article as plain text; exclusive with {@code html}
 * @param html          the article as HTML; exclusive with {@code text}
 * @param title         optional title; translated too
 * @param promptVersion optional prompt version, e.g. {@code v1}
 * @param glossary      optional entries for this article, added to the house glossary (they win on a clash)
 * @param includeCleanedText true to get the cleaned article back as {@code cleaning.text}
 */
@Schema(name = "TranslationRequest", description = ArticleFields.DESCRIPTION)
public record TranslationRequest(
        @Schema(description = ArticleFields.TEXT_DESCRIPTION) String text,
        @Schema(description = ArticleFields.HTML_DESCRIPTION)
        String html,
        @Schema(description = ArticleFields.TRANSLATED_TITLE_DESCRIPTION) String title,
        @Schema(description = PromptVersions.TRANSLATE, pattern = PromptVersions.PATTERN, examples = PromptVersions.EXAMPLE)
        @Pattern(regexp = PromptVersions.PATTERN, message = PromptVersions.MESSAGE) String promptVersion,
        @Schema(description = GlossaryEntryJson.REQUEST_DESCRIPTION) List<GlossaryEntryJson> glossary,
        @Schema(description = ArticleFields.INCLUDE_CLEANED_TEXT) Boolean includeCleanedText) implements ArticleFields {

    /** The options, the glossary validated (400 {@code invalid-glossary} before anything else is looked at). */
    static TranslationOptions options(TranslationRequest request) {
        return request == null ? new TranslationOptions(null, List.of())
                : new TranslationOptions(request.promptVersion(), GlossaryEntryJson.validated(request.glossary()));
    }
}
