package io.khulasa.api;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A batch of articles, e.g. a wire feed: at most {@code khulasa.batch.max-articles}, each with a unique {@code id}.
 *
 * @param articles the articles, each with the fields of the single-article request plus {@code id}
 * @param <T>      the item type of the endpoint
 */
public record BatchRequest<T extends BatchItem>(
        @Schema(description = "The articles; each has the fields of the single-article request plus a unique `id`.",
                required = true) List<T> articles) {
}
