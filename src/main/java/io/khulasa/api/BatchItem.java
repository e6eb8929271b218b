package io.khulasa.api;

/** One article of a batch: the single-article request's fields plus the client's {@code id}. */
public interface BatchItem extends ArticleFields {

    /** The client's id for the article, unique in the batch; results carry it. */
    String id();
}
