package io.khulasa.tasks;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.khulasa.glossary.GlossaryEntry;
import io.khulasa.glossary.GlossaryKind;
import io.khulasa.prompts.Placeholder;
import io.khulasa.prompts.PromptFileParser;
import io.khulasa.prompts.PromptSource;
import io.khulasa.prompts.PromptTemplate;

/** What the cache key depends on, and what it does not. */
class ResultCacheKeyTest {

    static PromptTemplate prompt(String task, String version) {
        try {
            Path file = Path.of("prompts", task, version + ".yaml");
            return PromptFileParser.parse(task, version + ".yaml", Files.readAllBytes(file), PromptSource.PACKAGED,
                    file.toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static PreparedCall call(String version, String text, String title, Map<Placeholder, String> choices, String model) {
        return call(version, text, title, choices, model, false);
    }

    static PreparedCall call(String version, String text, String title, Map<Placeholder, String> choices, String model,
            boolean refresh) {
        PromptTemplate t = prompt("summarize", version);
        return new PreparedCall(Task.SUMMARIZE, t.render(t.values(text, title, choices)), model, title != null, List.of(),
                text, refresh, PreparedCall.WHOLE, 0);
    }

    @Test
    void sameInputsSameKeyAndEveryPartChangesIt() {
        String base = ResultCache.key(call("v2", "نص المقال", "عنوان", Map.of(), "m"), "");
        assertThat(ResultCache.key(call("v2", "نص المقال", "عنوان", Map.of(), "m"), "")).isEqualTo(base).hasSize(64);
        assertThat(ResultCache.key(call("v2", "نص المقال", "عنوان", Map.of(), "m", true), ""))
                .as("refresh does not change the key: it replaces the entry").isEqualTo(base);
        assertThat(ResultCache.key(call("v2", "نص آخر", "عنوان", Map.of(), "m"), "")).isNotEqualTo(base);
        assertThat(ResultCache.key(call("v2", "نص المقال", "عنوان آخر", Map.of(), "m"), "")).isNotEqualTo(base);
        assertThat(ResultCache.key(call("v2", "نص المقال", null, Map.of(), "m"), "")).isNotEqualTo(base);
        assertThat(ResultCache.key(call("v1", "نص المقال", "عنوان", Map.of(), "m"), "")).as("prompt file").isNotEqualTo(base);
        assertThat(ResultCache.key(call("v2", "نص المقال", "عنوان", Map.of(), "other"), "")).as("model").isNotEqualTo(base);
        assertThat(ResultCache.key(call("v2", "نص المقال", "عنوان", Map.of(Placeholder.LENGTH, "short"), "m"), ""))
                .as("length").isNotEqualTo(base);
        assertThat(ResultCache.key(call("v2", "نص المقال", "عنوان", Map.of(Placeholder.FORMAT, "bullets"), "m"), ""))
                .as("format").isNotEqualTo(base);
        assertThat(ResultCache.key(call("v2", "نص المقال", "عنوان", Map.of(Placeholder.LENGTH, "medium"), "m"), ""))
                .as("the default choice spelled out is the same request").isEqualTo(base);
    }

    @Test
    void theIdentityOfTheModelAnsweringIsPartOfTheKey() {
        PreparedCall call = call("v2", "نص المقال", "عنوان", Map.of(), "qwen2.5:7b-instruct");
        assertThat(ResultCache.key(call, "qwen2.5:7b-instruct@1732000000"))
                .as("the same name, the model pulled again").isNotEqualTo(ResultCache.key(call, "qwen2.5:7b-instruct@1700000000"))
                .isNotEqualTo(ResultCache.key(call, ""));
    }

    @Test
    void glossaryEntriesArePartOfTheKey() {
        PromptTemplate t = prompt("translate", "v3");
        var rendered = t.render(t.values("نص", null, Map.of()));
        PreparedCall without = new PreparedCall(Task.TRANSLATE, rendered, "m", false, List.of(), "نص", false,
                PreparedCall.WHOLE, 0);
        PreparedCall with = new PreparedCall(Task.TRANSLATE, rendered, "m", false,
                List.of(new GlossaryEntry("قره باغ", "Karabakh", GlossaryKind.PLACE, null)), "نص", false, PreparedCall.WHOLE, 0);
        assertThat(ResultCache.key(with, "")).isNotEqualTo(ResultCache.key(without, ""));
    }
}
