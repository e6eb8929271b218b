package io.khulasa.articles;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.khulasa.attribution.AlignedParagraph;

/**
 * One paragraph of a translation and the article paragraphs it translates.
 *
 * @param text   the translation paragraph
 * @param source the span of one or more whole article paragraphs
 */
@Schema(name = "TranslationParagraph", description = "One paragraph of the translation, in order, aligned to the "
        + "article paragraph(s) it translates")
public record TranslationParagraph(
        @Schema(examples = "The Ministry of Health announced 120 new cases of the virus today.") String text,
        @Schema(description = "The span of the cleaned article it translates: one or more whole article paragraphs")
        ArticleSpan source) {

    static TranslationParagraph of(AlignedParagraph p) {
        return new TranslationParagraph(p.text(), ArticleSpan.of(p.source()));
    }
}
