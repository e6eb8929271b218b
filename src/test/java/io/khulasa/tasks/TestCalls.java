package io.khulasa.tasks;

import java.util.List;
import java.util.Map;

import io.khulasa.prompts.Placeholder;
import io.khulasa.prompts.PromptTemplate;

/** Prepared calls for unit tests of the task engines, rendered from the packaged prompt files. */
final class TestCalls {

    private TestCalls() {
    }

    /** A {@code translate-chunk} call for one chunk of text. */
    static PreparedCall call(String text, String part, int chunk) {
        PromptTemplate prompt = ResultCacheKeyTest.prompt("translate-chunk", "v1");
        Map<Placeholder, String> values = prompt.values(text, null, Map.of());
        values.put(Placeholder.NAMES, "");
        values.put(Placeholder.PART, part);
        return new PreparedCall(Task.TRANSLATE_CHUNK, prompt.render(values), "m", false, List.of(), text, false, chunk, 0);
    }
}
