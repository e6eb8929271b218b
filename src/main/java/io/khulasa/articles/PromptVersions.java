package io.khulasa.articles;

/** The one place the {@code promptVersion} format is defined, shared by validation and OpenAPI. */
final class PromptVersions {

    /** {@code v} and one to six digits: checked before any file is looked up. */
    static final String PATTERN = "^v[0-9]{1,6}$";
    static final String MESSAGE = "must be 'v' followed by digits, e.g. v1";
    static final String EXAMPLE = "v1";

    private static final String SEE_CATALOGUE = "; see GET /v1/prompts. Default: the task's default.";
    /** The OpenAPI description of a request's {@code promptVersion}, per task: only the task's name differs. */
    static final String SUMMARIZE = "Prompt version of task `summarize`" + SEE_CATALOGUE;
    static final String TRANSLATE = "Prompt version of task `translate`" + SEE_CATALOGUE;

    private PromptVersions() {
    }
}
