package io.khulasa.api;

/** OpenAPI texts shared by the batch endpoints. */
final class BatchDocs {

    static final String DESCRIPTION = "Up to `khulasa.batch.max-articles` articles (default 50), each with the fields of "
            + "the single-article request plus an `id` that is unique in the batch. The articles are processed "
            + "concurrently under the global limit on in-flight LLM calls. The answer is 200 with one entry per "
            + "article in input order: `{\"id\", \"status\", \"result\"}` or `{\"id\", \"status\", \"problem\"}`. One bad "
            + "article (invalid fields 400, no Arabic text 422, unknown prompt version 404, LLM failure 502/503/504) "
            + "never fails the batch; only a malformed batch does (no or empty `articles`, a missing or duplicate "
            + "`id`: 400; too many articles: 413 `batch-too-large`).";

    static final String EXAMPLE = """
            {"results": [
              {"id": "wire-1", "status": 200, "result": {"summary": "…", "title": null, "provenance": {"model": "qwen2.5:7b-instruct", "prompts": {"summarize": "v1"}, "llmCalls": 1}, "cleaning": {}}},
              {"id": "wire-2", "status": 422, "problem": {"type": "urn:khulasa:problem:no-arabic-text", "title": "No Arabic article in the input", "status": 422, "detail": "…", "code": "no-arabic-text"}}
            ], "succeeded": 1, "failed": 1}
            """;

    private BatchDocs() {
    }
}
