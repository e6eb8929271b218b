package io.khulasa.config;

import java.time.Duration;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * House glossary settings ({@code khulasa.glossary.*}). No file means an empty glossary.
 */
@ConfigMapping(prefix = "khulasa.glossary")
public interface GlossaryConfig {

    /** CSV ({@code .csv}) or YAML ({@code .yaml}/{@code .yml}) house glossary (env {@code KHULASA_GLOSSARY_FILE}). */
    Optional<String> file();

    /**
     * How often, at most, the file's modification time and size are compared with the loaded version;
     * {@code 0s} turns the check off (then only {@link io.khulasa.glossary.GlossaryStore#reload()} re-reads it).
     */
    @WithDefault("30s")
    Duration checkInterval();
}
