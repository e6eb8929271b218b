package io.khulasa.api;

/**
 * References to the reusable error responses declared in {@code META-INF/openapi.yaml}, so every endpoint documents
 * its error statuses the same way.
 */
final class ApiResponses {

    static final String BAD_REQUEST = "#/components/responses/BadRequest";
    static final String PROMPT_NOT_FOUND = "#/components/responses/PromptNotFound";
    static final String TOO_LARGE = "#/components/responses/ArticleTooLarge";
    static final String UNSUPPORTED_MEDIA_TYPE = "#/components/responses/UnsupportedMediaType";
    static final String NO_ARTICLE = "#/components/responses/NoArabicArticle";
    static final String LLM_FAILED = "#/components/responses/LlmFailed";
    static final String LLM_UNAVAILABLE = "#/components/responses/LlmUnavailable";
    static final String LLM_TIMEOUT = "#/components/responses/LlmTimeout";
    static final String INVALID_GLOSSARY_FILE = "#/components/responses/InvalidGlossaryFile";
    static final String MISSING_API_KEY = "#/components/responses/MissingApiKey";
    static final String INVALID_API_KEY = "#/components/responses/InvalidApiKey";
    static final String RATE_LIMITED = "#/components/responses/RateLimited";

    private ApiResponses() {
    }
}
