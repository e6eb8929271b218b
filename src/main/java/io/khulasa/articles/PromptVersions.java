package io.khulasa.articles;

/** The one place the {@code promptVersion} format is defined, shared by validation and OpenAPI. */
final class PromptVersions {

    /** {@code v} and one to six digits: checked before any file is looked up. */
    static final String PATTERN = "^v[0-9]{1,6}$";
    static final String MESSAGE = "must be 'v' followed by digits, e.g. v1";

    private PromptVersions() {
    }
}
