package io.khulasa.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Batch endpoints ({@code khulasa.batch.*}). */
@ConfigMapping(prefix = "khulasa.batch")
public interface BatchConfig {

    /** Most articles in one batch request; more is a 413 {@code batch-too-large} problem. */
    @WithDefault("50")
    int maxArticles();
}
