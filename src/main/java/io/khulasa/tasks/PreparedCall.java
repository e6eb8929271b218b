package io.khulasa.tasks;

import java.util.List;

import io.khulasa.glossary.GlossaryEntry;
import io.khulasa.llm.LlmCall;
import io.khulasa.prompts.OutputShape;
import io.khulasa.prompts.PromptTemplate;
import io.khulasa.prompts.RenderedPrompt;

/**
 * One LLM call ready to send: its prompt resolved and rendered, its model chosen, what its answer is checked against.
 * Every call of a request is prepared before the first is sent, so bad input (an unknown prompt version or option)
 * never costs a call.
 *
 * @param task         the prompt's task, e.g. {@code summarize} or {@code translate-chunk}
 * @param prompt       the rendered prompt (with its template)
 * @param model        the model name to send
 * @param titleSent    whether a title went into the prompt (decides how a title-then-body answer is read)
 * @param glossary     glossary entries rendered into the prompt (empty when none, or when the prompt has no
 *                     {@code {{glossary}}}); the answer is checked against them
 * @param guardSource  what the output guards check the answer against: the Arabic text the call was given (title
 *                     line first when one was sent)
 * @param refreshCache true to skip the result cache and store the fresh answer ({@code Cache-Control: no-cache})
 * @param chunk        0-based index of the article chunk this call is for; -1 for a whole-article or reduce call
 * @param promptTokens the prompt's estimated tokens (0: not estimated), to tell a server that cut it silently
 * @param support      strict mode of a whole summary (one call or the reduce step): the answer's sentences must be
 *                     supported by the article; null otherwise
 */
public record PreparedCall(Task task, RenderedPrompt prompt, String model, boolean titleSent,
        List<GlossaryEntry> glossary, String guardSource, boolean refreshCache, int chunk, int promptTokens,
        SupportCheck support) {

    public PreparedCall {
        glossary = glossary == null ? List.of() : List.copyOf(glossary);
    }

    /** A call without the support check. */
    public PreparedCall(Task task, RenderedPrompt prompt, String model, boolean titleSent, List<GlossaryEntry> glossary,
            String guardSource, boolean refreshCache, int chunk, int promptTokens) {
        this(task, prompt, model, titleSent, glossary, guardSource, refreshCache, chunk, promptTokens, null);
    }

    /** The same call, its answer held to {@code check} (null: no support check). */
    PreparedCall withSupport(SupportCheck check) {
        return check == null ? this : new PreparedCall(task, prompt, model, titleSent, glossary, guardSource,
                refreshCache, chunk, promptTokens, check);
    }

    /** Not a chunk of an article. */
    static final int WHOLE = -1;

    PromptTemplate template() {
        return prompt.template();
    }

    /** The Arabic title this call was given to translate, or null. */
    String sentTitle() {
        if (!titleSent) {
            return null;
        }
        int nl = guardSource.indexOf('\n');
        return nl < 0 ? guardSource : guardSource.substring(0, nl);
    }

    /** Whether the answer starts with a title line to hold back and return apart. */
    boolean answersTitleFirst() {
        return titleSent && template().output() == OutputShape.TITLE_THEN_BODY;
    }

    /** The LLM call. */
    LlmCall llmCall() {
        PromptTemplate template = template();
        return new LlmCall(task.id(), model, prompt.system(), prompt.user(), template.temperature(),
                template.maxOutputTokens(), promptTokens);
    }
}
