package io.khulasa.api;

/** The OpenAPI texts of the operations and their longer examples, kept out of the resources so that those show only the mapping. */
final class OperationDocs {

    static final String SUMMARY = "Cleans the article, renders the `summarize` prompt (default or `promptVersion`) and asks the "
            + "configured LLM for a neutral summary in Modern Standard Arabic that keeps names and numbers as "
            + "written. The answer carries the provenance (model, prompt version, tokens, time) and the "
            + "cleaner's report.\n\n"
            + "A long article (over `khulasa.chunking.max-input-tokens` estimated tokens) is summarised by "
            + "map-reduce: each chunk with `summarize-chunk`, concurrently, then one summary of the chunk "
            + "summaries with `summarize-reduce` (same length and format options); `provenance.chunks` and "
            + "`provenance.chunkUsage` then describe the chunks.\n\n"
            + "With `Accept: text/event-stream` the summary is streamed as Server-Sent Events: `delta` events "
            + "(`{\"text\": \"...\"}`), then `done` (`{\"title\", \"sentences\", \"provenance\", \"cleaning\"}`) or `error` (a "
            + "problem). For a long article the chunk summaries are computed first and the final summary is "
            + "streamed. Bad input is refused with a normal error response before the stream opens.\n\n"
            + "Every answer passes the output guards (Arabic, numbers from the article, not empty; one reprompt "
            + "on a failure, then 502 with the guard's code): the whole answer, each chunk summary and the final "
            + "summary of a long article, and a streamed answer when it ends. Streamed text already sent cannot "
            + "be asked again: a streamed answer that fails a guard ends with an `error` event carrying the guard's "
            + "code, never `done`, and a client should mark or withdraw the text it displayed. Answers are cached by cleaned text, prompt, model and "
            + "options (`provenance.cached`; `Cache-Control: no-cache` asks again). With `allowExtractive: true`, "
            + "an unavailable LLM (unreachable, timeout, 5xx, rate-limited, saturated, circuit open) is answered "
            + "by the extractive summary, marked `provenance.engine: extractive` with a warning.\n\n"
            + "Every sentence is traced to the cleaned article (`sentences`, in the `done` event too; see "
            + "docs/traceability.md); an unsupported one is a warning `unsupported-sentence`, or with "
            + "`requireSupport: true` a hard guard `output-unsupported` (one reprompt naming it, then 502; streamed, "
            + "an `error` event).";

    static final String TRANSLATION = "Cleans the article, renders the `translate` prompt (default or `promptVersion`) and asks the "
            + "configured LLM for a complete, faithful English translation in news register, paragraphs kept. "
            + "When a title is given or detected, `title` is its English translation. Glossary entries (house glossary "
            + "and the request's `glossary`) found in the article are given to the model; they are listed in "
            + "`provenance.glossary`, and a rendering missing from the translation is a warning in "
            + "`provenance.warnings` (`output-missing-names`).\n\n"
            + "A long article (over `khulasa.chunking.max-input-tokens` estimated tokens) is split at paragraph, "
            + "then sentence boundaries and translated in chunks concurrently with the `translate-chunk` prompt, "
            + "the title and the article's names travelling with every chunk; `provenance.chunks` and "
            + "`provenance.chunkUsage` then describe the chunks.\n\n"
            + "With `Accept: text/event-stream` the translation is streamed as Server-Sent Events while the "
            + "model writes it: `delta` events (`{\"text\": \"...\"}`; their concatenation is the translation), "
            + "`chunk` markers (`{\"index\": 0, \"of\": 5}`) for a long article, emitted in article order, and a "
            + "final `done` event (`{\"title\", \"paragraphs\", \"provenance\", \"cleaning\"}`) or `error` event (a problem). "
            + "Bad input is refused with a normal error response before the stream opens.\n\n"
            + "Every answer passes the output guards (English, not the Arabic given back, numbers from the "
            + "article, not empty; one reprompt on a failure, then 502 with the guard's code and, for a long "
            + "article, the `chunk` that failed): the whole answer, each chunk, and a streamed answer when it ends "
            + "(a chunk not yet sent is still asked again once). A streamed answer that fails a guard after its "
            + "text was sent ends with an `error` event carrying the guard's code, never `done`; a client should "
            + "mark or withdraw the text it displayed. Answers are cached by "
            + "cleaned text, prompt, model and glossary entries (`provenance.cached`; `Cache-Control: no-cache` "
            + "asks again).\n\n"
            + "Every paragraph of the translation is aligned to the article paragraph(s) it translates "
            + "(`paragraphs`, in the `done` event too; a long article's translation is aligned as a whole), with "
            + "warnings `paragraph-number-mismatch` and `untranslated-paragraph`.";

    static final String DIGEST = "Cleans the article once, then runs the summary and the translation concurrently. If one part "
            + "fails and the other succeeds, the answer is 200 with the part that succeeded and `errors` naming "
            + "the failed part with its problem. Only when both parts fail is the answer an error, with the "
            + "status of the summary's failure and both problems in `errors`. The translation uses the glossary as "
            + "POST /v1/translations does (`glossary`, `provenance.glossary`, `provenance.warnings`). Both parts "
            + "pass the output guards and use the result cache as the single-task endpoints do; with "
            + "`allowExtractive: true` the summary part falls back to the extractive summary when the LLM is "
            + "unavailable (`provenance.engine`: `extractive`, or `mixed` when the translation still came from "
            + "the LLM).";

    static final String BATCH = "Up to `khulasa.batch.max-articles` articles (default 50), each with the fields of "
            + "the single-article request plus an `id` that is unique in the batch. The articles are processed "
            + "concurrently under the global limit on in-flight LLM calls. The answer is 200 with one entry per "
            + "article in input order: `{\"id\", \"status\", \"result\"}` or `{\"id\", \"status\", \"problem\"}`. One bad "
            + "article (invalid fields 400, no Arabic text 422, unknown prompt version 404, LLM failure 502/503/504) "
            + "never fails the batch; only a malformed batch does (no or empty `articles`, a missing or duplicate "
            + "`id`, an unknown field: 400; too many articles: 413 `batch-too-large`).";

    static final String BATCH_EXAMPLE = """
            {"results": [
              {"id": "wire-1", "status": 200, "result": {"summary": "…", "title": null, "provenance": {"model": "qwen2.5:7b-instruct", "prompts": {"summarize": "v2"}, "llmCalls": 1}, "cleaning": {}}},
              {"id": "wire-2", "status": 422, "problem": {"type": "urn:khulasa:problem:no-arabic-text", "title": "No Arabic article in the input", "status": 422, "detail": "…", "code": "no-arabic-text"}}
            ], "succeeded": 1, "failed": 1}
            """;

    static final String SUMMARY_EVENTS = """
            event: delta
            data: {"text":"أجرى مسؤولون روس وأتراك"}

            event: delta
            data: {"text":" محادثات جديدة في أنقرة"}

            event: done
            data: {"title":"محادثات روسية تركية جديدة","sentences":[{"text":"أجرى مسؤولون روس وأتراك محادثات جديدة في أنقرة.","supported":true,"score":0.91,"sources":[{"start":0,"end":53,"text":"أجرى مسؤولون روس وأتراك اليوم محادثات جديدة في أنقرة."}]}],"provenance":{"model":"qwen2.5:7b-instruct","prompts":{"summarize":"v1"},"llmCalls":1},"cleaning":{}}
            """;

    static final String TRANSLATION_EVENTS = """
            event: chunk
            data: {"index":0,"of":2}

            event: delta
            data: {"text":"Russian and Turkish"}

            event: delta
            data: {"text":" officials met in Ankara"}

            event: chunk
            data: {"index":1,"of":2}

            event: delta
            data: {"text":"\\n\\nThe talks will resume next week."}

            event: done
            data: {"title":"New Russian-Turkish talks on Syria","paragraphs":[{"text":"Russian and Turkish officials met in Ankara","source":{"start":0,"end":53,"text":"أجرى مسؤولون روس وأتراك اليوم محادثات جديدة في أنقرة."}},{"text":"The talks will resume next week.","source":{"start":54,"end":91,"text":"وستستأنف المحادثات في الأسبوع المقبل."}}],"provenance":{"model":"qwen2.5:7b-instruct","prompts":{"translate-chunk":"v1"},"chunks":2,"chunkUsage":[{"task":"translate-chunk","index":0,"inputTokens":2950,"outputTokens":1200,"durationMs":41000,"llmCalls":1},{"task":"translate-chunk","index":1,"inputTokens":2100,"outputTokens":800,"durationMs":30000,"llmCalls":1}]},"cleaning":{}}
            """;

    static final String CLEAN = "Removes HTML, site boilerplate (repeated title, byline, «اقرأ أيضاً» links, share "
            + "prompts), repairs words split to evade filters («الصـ.ـراع» → «الصراع») and invisible characters, and "
            + "reports every change. Display-safe: no spelling folding, no diacritic stripping. No LLM call.";

    static final String CHECK = "Holds a summary and/or a translation that someone else wrote (an editor's rewrite, "
            + "another tool's output, a wire service's English version) to the checks an LLM answer passes, against "
            + "the article (`text` or `html`, cleaned as POST /v1/clean cleans it). Answers the summary's "
            + "`sentences` with their source spans, the translation's `paragraphs` aligned to the article, and "
            + "`findings`: every check that failed, none of them an error of the request. No LLM call.";

    static final String CHECK_REQUEST_EXAMPLE = """
            {"text": "أعلنت وزارة الصحة اليوم تسجيل 120 إصابة جديدة بالفيروس.\\nوقال الوزير إن المستشفيات مستعدة.",
             "summary": "سجلت وزارة الصحة 120 إصابة جديدة. ورفعت الحكومة أسعار الوقود.",
             "translation": "The Ministry of Health announced 130 new cases of the virus today."}""";

    static final String CHECK_RESPONSE_EXAMPLE = """
            {"sentences": [
               {"text": "سجلت وزارة الصحة 120 إصابة جديدة.", "supported": true, "score": 0.855,
                "sources": [{"start": 0, "end": 55, "text": "أعلنت وزارة الصحة اليوم تسجيل 120 إصابة جديدة بالفيروس."}]},
               {"text": "ورفعت الحكومة أسعار الوقود.", "supported": false, "score": 0.0, "sources": []}],
             "paragraphs": [
               {"text": "The Ministry of Health announced 130 new cases of the virus today.",
                "source": {"start": 0, "end": 89,
                           "text": "أعلنت وزارة الصحة اليوم تسجيل 120 إصابة جديدة بالفيروس.\\nوقال الوزير إن المستشفيات مستعدة."}}],
             "findings": [
               {"code": "output-unsupported", "detail": "sentence 1 «ورفعت الحكومة أسعار الوقود.» (of 2) is not supported by the article"},
               {"code": "output-number-mismatch", "detail": "numbers not in the source: 130"},
               {"code": "paragraph-number-mismatch", "detail": "paragraph 0 has numbers not in its source: 130"}],
             "cleaning": {"charsIn": 89, "charsOut": 89, "removedLines": [], "repairedWords": [], "flagged": [],
               "source": null, "siteName": null, "rules": {}}}""";

    static final String PROMPTS = "Every task and version: description, SHA-256 of the file, where it came from "
            + "(`packaged` in the application or `external` from KHULASA_PROMPTS_DIR) and which version is each task's "
            + "default.";

    static final String GLOSSARY = "The glossary file (KHULASA_GLOSSARY_FILE, or null when none is configured) and the "
            + "entries in use. Translations look these entries up in the article (with prefixes such as و, ب, ل, ال "
            + "and spelling variants) and give the ones found to the model.";

    static final String GLOSSARY_RELOAD = "Reads the glossary file now and answers the glossary in use. If the file is "
            + "invalid, the previous glossary stays in use and the answer is 422 `invalid-glossary` naming the line or "
            + "entry. Without a configured file there is nothing to read: the answer is the empty glossary. The file "
            + "is also re-read on its own when it changes (checked every KHULASA_GLOSSARY_CHECK_INTERVAL).";

    private OperationDocs() {
    }
}
