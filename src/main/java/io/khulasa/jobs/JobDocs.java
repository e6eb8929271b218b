package io.khulasa.jobs;

/** The OpenAPI texts and examples of the jobs operations, kept out of {@link JobResource} so that it shows the mapping. */
final class JobDocs {

    static final String DESCRIPTION = "A job runs one task (`summary`, `translation` or `digest`) on up to "
            + "`khulasa.jobs.max-articles` articles (default 1,000), each given exactly as the task's batch endpoint takes "
            + "it (an `id` unique in the job plus the single request's fields). The answer is 202 as soon as the job is "
            + "recorded and, with Kafka, every article is acknowledged on the topic `khulasa-requests`; then poll "
            + "`GET /v1/jobs/{id}` (the `Location` header). Each finished article is in `results` exactly as a batch "
            + "item: `{\"id\", \"status\", \"result\"}` or `{\"id\", \"status\", \"problem\"}`; an invalid article is its own "
            + "4xx problem and the others still run. An LLM outage (503/504) does not fail articles: work pauses and "
            + "they are tried again. The whole job is one HTTP body, so `quarkus.http.limits.max-body-size` bounds it "
            + "too. Jobs expire `khulasa.jobs.ttl` (24 h) after their last change.";

    static final String REQUEST_EXAMPLE = """
            {"task": "summary", "articles": [
              {"id": "afp-1", "text": "بحث وزير الدفاع التركي خلوصي آكار ونظيره الروسي سيرغي شويغو في اتصال هاتفي التطورات في سوريا.", "length": "short"},
              {"id": "afp-2", "html": "<article><h1>أسعار النفط</h1><p>ارتفعت أسعار النفط اليوم بنسبة 2 في المئة.</p></article>"}
            ]}
            """;

    static final String ACCEPTED_EXAMPLE = """
            {"id": "5b0c2f4e-8d7a-4b55-9b8e-0f3c2a61d0aa", "task": "summary", "status": "queued",
             "counts": {"succeeded": 0, "failed": 0, "pending": 2, "cancelled": 0}, "results": [],
             "createdAt": "2026-11-29T10:15:30Z", "expiresAt": "2026-11-30T10:15:30Z"}
            """;

    static final String DONE_EXAMPLE = """
            {"id": "5b0c2f4e-8d7a-4b55-9b8e-0f3c2a61d0aa", "task": "summary", "status": "done",
             "counts": {"succeeded": 1, "failed": 1, "pending": 0, "cancelled": 0},
             "results": [
               {"id": "afp-1", "status": 200, "result": {"summary": "…", "title": null, "provenance": {"model": "qwen2.5:7b-instruct", "prompts": {"summarize": "v2"}, "llmCalls": 1}, "cleaning": {}}},
               {"id": "afp-2", "status": 422, "problem": {"type": "urn:khulasa:problem:no-arabic-text", "title": "No Arabic article in the input", "status": 422, "detail": "…", "code": "no-arabic-text"}}
             ],
             "createdAt": "2026-11-29T10:15:30Z", "expiresAt": "2026-11-30T10:16:02Z"}
            """;

    static final String STATUS_DESCRIPTION = "`status` is `queued` (no article started), `running`, `done` (every "
            + "article has a result or a problem) or `cancelled`. `results` lists the finished articles in input order, "
            + "each exactly as a batch item; `counts.pending` says how many are still to come.";

    static final String CANCEL_DESCRIPTION = "Articles not started yet are cancelled (each listed with a 409 "
            + "`job-cancelled` problem and counted in `counts.cancelled`); articles already running finish and keep "
            + "their results. The job's status becomes `cancelled`. Cancelling twice is harmless. A job already `done` has "
            + "nothing left to cancel: it is answered unchanged (200, status `done`).";

    private JobDocs() {
    }
}
