package io.khulasa.articles;

import java.util.List;

/**
 * A batch of articles, e.g. a wire feed: at most {@code khulasa.batch.max-articles}, each with a unique {@code id}.
 *
 * @param articles the articles, each with the fields of the single-article request plus {@code id}
 * @param <R>      the single-article request type of the endpoint
 */
public record BatchRequest<R extends ArticleFields>(List<BatchItem<R>> articles) {
}
