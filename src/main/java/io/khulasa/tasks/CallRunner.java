package io.khulasa.tasks;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.khulasa.llm.LlmResult;
import io.khulasa.prompts.PromptTemplate;

/**
 * Runs one prepared call, blocking: answers from the {@link ResultCache} when it can, else calls the LLM and guards
 * the answer ({@link GuardedCompletion}: wrappers stripped, one reprompt on a hard failure), and reads it back in the
 * shape the prompt asked for.
 */
@ApplicationScoped
public class CallRunner {

    private final GuardedCompletion guarded;
    private final ResultCache cache;

    public CallRunner(GuardedCompletion guarded, ResultCache cache) {
        this.guarded = guarded;
        this.cache = cache;
    }

    /**
     * @throws io.khulasa.llm.LlmException when the call failed
     * @throws io.khulasa.guards.OutputRejectedException when the answer failed a hard guard, reprompt included
     */
    CallOutcome run(PreparedCall call) {
        return cache.get(call, () -> {
            GuardedCompletion.Answer answer = guarded.complete(call);
            return outcomeOf(call, answer.result(), answer.warnings());
        });
    }

    /**
     * Reads an accepted answer back in the shape the prompt asked for. A title-then-body answer whose first line is
     * not a title ({@link TitleLine}) has no title: better none than the first paragraph in its place.
     */
    static CallOutcome outcomeOf(PreparedCall call, LlmResult result, List<String> warnings) {
        PromptTemplate template = call.template();
        String title = null;
        String body = result.text();
        if (call.answersTitleFirst()) {
            int nl = body.indexOf('\n');
            if (nl > 0 && !body.substring(nl + 1).isBlank()
                    && TitleLine.looksLikeTitle(body.substring(0, nl), call.sentTitle())) {
                title = body.substring(0, nl).strip();
                body = body.substring(nl + 1).strip();
            } else {
                warnings = java.util.stream.Stream.concat(warnings.stream(), java.util.stream.Stream.of(TitleLine.warning()))
                        .toList();
            }
        }
        return CallOutcome.fromLlm(call.task(), body, title, template, result, call.glossary(), warnings);
    }
}
