package io.khulasa.tasks;

import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

import io.khulasa.glossary.GlossaryEntry;
import io.khulasa.llm.LlmResult;
import io.khulasa.llm.Usage;
import io.khulasa.prompts.PromptTemplate;

/**
 * What one prompted call produced, once its answer passed the output guards (or the extractive summary standing in
 * for it).
 *
 * @param task     the prompt's task, e.g. {@code translate} or {@code translate-chunk}
 * @param text     the answer (summary, translation body, chunk answer)
 * @param title    the answer's title line when the prompt asked for one (translated title), else null
 * @param prompt   the prompt version used; null for an extractive summary
 * @param llm      the call's model, usage and timing; null for an extractive summary
 * @param glossary glossary entries that were in the prompt (empty when none)
 * @param warnings findings that did not fail the call, e.g. a missing glossary rendering (empty when none)
 * @param cached   true when the answer came from the result cache (no LLM call for this request)
 * @param engine   what wrote the answer
 */
public record CallOutcome(Task task, String text, String title, PromptTemplate prompt, LlmResult llm,
        List<GlossaryEntry> glossary, List<String> warnings, boolean cached, Engine engine) {

    /** What wrote an answer. */
    public enum Engine {
        /** The language model. */
        LLM,
        /** The deterministic extractive summary (LLM unavailable, the request allowed it). */
        EXTRACTIVE;

        /** As provenance reports it: {@code llm}, {@code extractive}. */
        public String label() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public CallOutcome {
        glossary = glossary == null ? List.of() : List.copyOf(glossary);
        warnings = warnings == null ? List.of() : List.copyOf(warnings);
        engine = engine == null ? Engine.LLM : engine;
    }

    /**
     * A fresh LLM answer, accepted by the guards, read back in the shape the prompt asked for. A title-then-body
     * answer whose first line is not a title ({@link TitleLine}) has no title: better none than the first paragraph in
     * its place.
     */
    static CallOutcome of(PreparedCall call, LlmResult result, List<String> warnings) {
        String title = null;
        String body = result.text();
        if (call.answersTitleFirst()) {
            int nl = body.indexOf('\n');
            if (nl > 0 && !body.substring(nl + 1).isBlank()
                    && TitleLine.looksLikeTitle(body.substring(0, nl), call.sentTitle())) {
                title = body.substring(0, nl).strip();
                body = body.substring(nl + 1).strip();
            } else {
                warnings = Stream.concat(warnings.stream(), Stream.of(TitleLine.warning())).toList();
            }
        }
        return new CallOutcome(call.task(), body, title, call.template(), result, call.glossary(), warnings, false,
                Engine.LLM);
    }

    /**
     * This outcome served again from the cache: no LLM call, no tokens and no time were spent on it by this request;
     * the model and prompt that produced it stay.
     */
    CallOutcome fromCache() {
        LlmResult reused = llm == null ? null : new LlmResult(llm.text(), llm.model(), Usage.NONE, 0, 0);
        return new CallOutcome(task, text, title, prompt, reused, glossary, warnings, true, engine);
    }
}
