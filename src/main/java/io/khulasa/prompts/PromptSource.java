package io.khulasa.prompts;

/** Where a prompt version came from. */
public enum PromptSource {
    /** Shipped inside the application from the repository's top-level {@code prompts/} folder. */
    PACKAGED,
    /** Read at start-up from {@code khulasa.prompts.dir}; wins over a packaged file of the same task and version. */
    EXTERNAL
}
