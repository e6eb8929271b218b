package io.khulasa.tasks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

import io.khulasa.guards.OutputGuards;

/** The task names clients, prompt folders, provenance and metrics use, and what each task is a step of. */
class TaskTest {

    @ParameterizedTest
    @CsvSource({
            "SUMMARIZE,        summarize,        SUMMARIZE, SUMMARY",
            "SUMMARIZE_CHUNK,  summarize-chunk,  SUMMARIZE, SUMMARY",
            "SUMMARIZE_REDUCE, summarize-reduce, SUMMARIZE, SUMMARY",
            "TRANSLATE,        translate,        TRANSLATE, TRANSLATION",
            "TRANSLATE_CHUNK,  translate-chunk,  TRANSLATE, TRANSLATION" })
    void eachTaskHasItsNameItsWholeTaskAndItsGuard(Task task, String id, Task stepOf, OutputGuards.Task guard) {
        assertThat(task.id()).isEqualTo(id);
        assertThat(task).hasToString(id);
        assertThat(Task.of(id)).isSameAs(task);
        assertThat(task.stepOf()).isSameAs(stepOf);
        assertThat(task.guard()).isSameAs(guard);
        assertThat(task.answerFollowsInput()).isEqualTo(guard == OutputGuards.Task.TRANSLATION);
    }

    /** A task without a prompt folder could never be planned. */
    @ParameterizedTest
    @EnumSource(Task.class)
    void everyTaskHasAPromptFolder(Task task) {
        assertThat(Path.of("prompts", task.id())).isDirectory();
    }

    @Test
    void everyPromptFolderIsATask() throws java.io.IOException {
        try (var folders = Files.list(Path.of("prompts"))) {
            assertThat(folders.filter(Files::isDirectory).map(p -> p.getFileName().toString()))
                    .containsExactlyInAnyOrderElementsOf(Arrays.stream(Task.values()).map(Task::id).toList());
        }
    }

    @Test
    void anUnknownNameIsNoTask() {
        assertThatThrownBy(() -> Task.of("digest")).isInstanceOf(IllegalArgumentException.class);
    }
}
