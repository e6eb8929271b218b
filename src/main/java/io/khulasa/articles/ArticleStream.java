package io.khulasa.articles;

import io.khulasa.tasks.DeltaSink;

/**
 * A streamed task, checked, cleaned and planned: everything that can fail with a plain error response has already
 * happened when one exists. Running it streams the answer into the sink and returns the closing {@link StreamDone};
 * a failure while it runs is thrown, and the door reports it in the stream (the HTTP door as an {@code error} event).
 */
@FunctionalInterface
public interface ArticleStream {

    StreamDone run(DeltaSink sink);
}
