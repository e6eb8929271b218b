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

    /** The description of a list of these, the same wherever a response carries one (translation, digest, checks). */
    static final String LIST = "One entry per paragraph of the translation, in order, with the span of the "
            + "cleaned article it translates (one or more whole article paragraphs; a chunked translation is aligned "
            + "as a whole). A number absent from its source paragraph gives a warning `paragraph-number-mismatch: "
            + "paragraph <i> …`; an article paragraph nothing translates, `untranslated-paragraph: …`";

    static TranslationParagraph of(AlignedParagraph p) {
        return new TranslationParagraph(p.text(), ArticleSpan.of(p.source()));
    }
}
