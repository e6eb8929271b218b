package io.khulasa.prompts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PromptCatalogueTest {

    @TempDir
    Path dir;

    private static String prompt(String description) {
        return "description: " + description + "\nsystem: s\nuser: \"<article>{{article}}</article>\"\n";
    }

    private void write(String task, String file, String content) throws IOException {
        Files.createDirectories(dir.resolve(task));
        Files.writeString(dir.resolve(task).resolve(file), content);
    }

    @Test
    void theHighestVersionIsTheDefaultAndExternalFilesWinOnAClash() throws IOException {
        write("summarize", "v2.yaml", prompt("external v2"));
        write("summarize", "v10.yaml", prompt("external v10"));
        write("translate", "v1.yaml", prompt("external translate v1"));
        write("translate", "README.md", "ignored");
        PromptCatalogue catalogue = new PromptCatalogue(PromptCatalogue.loadPackaged(), Optional.of(dir), Map.of());

        assertThat(catalogue.resolve("summarize", null).version()).isEqualTo("v10");
        assertThat(catalogue.resolve("summarize", "v1").source()).isEqualTo(PromptSource.PACKAGED);
        assertThat(catalogue.resolve("summarize", "v2").description()).isEqualTo("external v2");
        PromptTemplate translate = catalogue.resolve("translate", "v1");
        assertThat(translate.source()).isEqualTo(PromptSource.EXTERNAL);
        assertThat(translate.description()).isEqualTo("external translate v1");
        // (the chunk tasks of long articles have their own folders: only these two tasks are looked at here)
        assertThat(catalogue.all()).filteredOn(t -> t.task().equals("summarize") || t.task().equals("translate"))
                .extracting(PromptTemplate::version).containsExactly("v1", "v2", "v10", "v1", "v2", "v3", "v4");
    }

    @Test
    void aPinnedVersionIsTheDefault() throws IOException {
        write("summarize", "v2.yaml", prompt("v2"));
        PromptCatalogue catalogue = new PromptCatalogue(PromptCatalogue.loadPackaged(), Optional.of(dir), Map.of("summarize", "v1"));
        assertThat(catalogue.resolve("summarize", null).version()).isEqualTo("v1");
        assertThat(catalogue.isDefault(catalogue.resolve("summarize", "v2"))).isFalse();
    }

    @Test
    void aPinToAMissingVersionStopsStartUp() {
        assertThatThrownBy(() -> new PromptCatalogue(PromptCatalogue.loadPackaged(), Optional.empty(), Map.of("summarize", "v9")))
                .hasMessageContaining("khulasa.prompts.summarize.version=v9").hasMessageContaining("[v1, v2]");
    }

    @Test
    void anInvalidExternalFileStopsStartUpNamingIt() throws IOException {
        write("summarize", "v3.yaml", "description: d\nsystem: s\nuser: \"{{articel}}\"\n");
        assertThatThrownBy(() -> new PromptCatalogue(List.of(), Optional.of(dir), Map.of()))
                .isInstanceOf(InvalidPromptException.class)
                .hasMessageContaining(dir.resolve("summarize/v3.yaml").toString())
                .hasMessageContaining("unknown placeholder {{articel}}");
    }

    @Test
    void aMissingFolderStopsStartUp() {
        assertThatThrownBy(() -> new PromptCatalogue(List.of(), Optional.of(dir.resolve("nope")), Map.of()))
                .hasMessageContaining("is not a readable folder");
    }

    @Test
    void anUnknownVersionListsTheAvailableOnes() {
        PromptCatalogue catalogue = new PromptCatalogue(PromptCatalogue.loadPackaged(), Optional.empty(), Map.of());
        assertThatThrownBy(() -> catalogue.resolve("summarize", "v5"))
                .isInstanceOfSatisfying(PromptNotFoundException.class, e -> assertThat(e.available()).containsExactly("v1", "v2"));
    }
}
