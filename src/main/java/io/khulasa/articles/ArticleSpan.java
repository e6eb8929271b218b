package io.khulasa.articles;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.khulasa.attribution.SourceSpan;

/**
 * A span of the cleaned article, as answers show it.
 *
 * @param start UTF-16 offset of its first char in the cleaned text ({@code POST /v1/clean}'s {@code text},
 *              {@code cleaning.text} with {@code includeCleanedText})
 * @param end   UTF-16 offset just after its last char
 * @param text  that substring, as written
 */
@Schema(name = "ArticleSpan", description = "A span of the cleaned article: `start`/`end` are UTF-16 offsets (what "
        + "Java's String and JavaScript count) into the cleaned text, exactly the `text` POST /v1/clean returns for the "
        + "same input (`cleaning.text` with `includeCleanedText`); `text` is that substring")
public record ArticleSpan(
        @Schema(examples = "0") int start,
        @Schema(examples = "58") int end,
        @Schema(examples = "أعلنت وزارة الصحة اليوم تسجيل 120 إصابة جديدة بالفيروس.") String text) {

    static ArticleSpan of(SourceSpan span) {
        return new ArticleSpan(span.start(), span.end(), span.text());
    }
}
