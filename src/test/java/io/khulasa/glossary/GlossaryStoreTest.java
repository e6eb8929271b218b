package io.khulasa.glossary;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GlossaryStoreTest {

    static final String CSV = """
            arabic,english,kind,note
            قره باغ,Nagorno-Karabakh,place,
            خلوصي آكار,Hulusi Akar,person,"Turkish defence minister, 2018-2023"
            هيئة تحرير الشام,Hayat Tahrir al-Sham (HTS),organisation,"first mention in full; ""HTS"" after"
            """;

    static final String YAML = """
            - arabic: قره باغ
              english: Nagorno-Karabakh
              kind: place
            - arabic: خلوصي آكار
              english: Hulusi Akar
              kind: person
              note: Turkish defence minister
            - arabic: هيئة تحرير الشام
              english: Hayat Tahrir al-Sham (HTS)
              kind: organization
            """;

    @TempDir
    Path dir;

    @Test
    void loadsCsvWithQuotedFields() throws IOException {
        Path f = write("g.csv", CSV);
        List<GlossaryEntry> entries = GlossaryFileLoader.load(f);
        assertThat(entries).hasSize(3);
        assertThat(entries.get(1)).isEqualTo(new GlossaryEntry("خلوصي آكار", "Hulusi Akar", GlossaryKind.PERSON,
                "Turkish defence minister, 2018-2023"));
        assertThat(entries.get(2).note()).isEqualTo("first mention in full; \"HTS\" after");
        assertThat(entries.get(0).note()).isNull();
    }

    @Test
    void loadsCsvWithCrlfBomAndMultilineField() throws IOException {
        Path f = write("g.csv", "\uFEFFenglish,arabic\r\n\"Nagorno-\nKarabakh\",قره باغ\r\n\r\nIdlib,إدلب\r\n");
        assertThat(GlossaryFileLoader.load(f)).extracting(GlossaryEntry::english).containsExactly("Nagorno-\nKarabakh", "Idlib");
    }

    @Test
    void loadsYaml() throws IOException {
        List<GlossaryEntry> entries = GlossaryFileLoader.load(write("g.yaml", YAML));
        assertThat(entries).extracting(GlossaryEntry::kind)
                .containsExactly(GlossaryKind.PLACE, GlossaryKind.PERSON, GlossaryKind.ORGANISATION);
    }

    @Test
    void exactRepeatIsDroppedButConflictingRenderingIsAnError() throws IOException {
        assertThat(GlossaryFileLoader.load(write("ok.csv", "arabic,english\nقره باغ,Nagorno-Karabakh\nقرة باغ,Nagorno-Karabakh\n")))
                .hasSize(1);
        Path bad = write("bad.csv", "arabic,english\nقره باغ,Nagorno-Karabakh\nإدلب,Idlib\nقرة باغ,Karabakh\n");
        assertThatThrownBy(() -> GlossaryFileLoader.load(bad))
                .isInstanceOf(InvalidGlossaryException.class)
                .hasMessageContaining("bad.csv").hasMessageContaining("line 4").hasMessageContaining("line 2")
                .hasMessageContaining("Karabakh");
    }

    @Test
    void invalidFilesNameFileAndLineOrEntry() throws IOException {
        assertInvalid("blank.csv", "arabic,english,kind,note\nقره باغ,,place,\n", "line 2", "blank 'english'");
        assertInvalid("blank2.csv", "arabic,english\n,Idlib\n", "line 2", "blank 'arabic'");
        assertInvalid("kind.csv", "arabic,english,kind\nإدلب,Idlib,city\n", "line 2", "unknown kind 'city'");
        assertInvalid("header.csv", "ar,en\nإدلب,Idlib\n", "line 1", "unknown column");
        assertInvalid("quote.csv", "arabic,english\n\"إدلب,Idlib\n", "line 2", "unterminated");
        assertInvalid("extra.csv", "arabic,english\nإدلب,Idlib,x\n", "line 2", "3 fields");
        assertInvalid("noletters.csv", "arabic,english\n---,Idlib\n", "line 2", "no letters");
        assertInvalid("blank.yaml", "- arabic: إدلب\n  english: Idlib\n- arabic: قره باغ\n", "entry 2", "blank 'english'");
        assertInvalid("dup.yaml", "- {arabic: إدلب, english: Idlib}\n- {arabic: ادلب, english: Edlib}\n", "entry 2", "entry 1");
        assertInvalid("key.yaml", "- {arabic: إدلب, english: Idlib, rendering: x}\n", "entry 1", "unknown key");
        assertInvalid("map.yaml", "arabic: إدلب\n", "map.yaml", "expected a YAML list");
        assertInvalid("broken.yaml", "- {arabic: [\n", "broken.yaml", "invalid YAML");
        assertInvalid("g.txt", "x", "g.txt", "unsupported extension");
    }

    private void assertInvalid(String name, String content, String where, String what) throws IOException {
        Path f = write(name, content);
        assertThatThrownBy(() -> GlossaryFileLoader.load(f))
                .isInstanceOf(InvalidGlossaryException.class)
                .hasMessageContaining(name).hasMessageContaining(where).hasMessageContaining(what);
    }

    @Test
    void noFileMeansEmptyGlossary() {
        GlossaryStore store = new GlossaryStore(Optional.empty(), Duration.ofSeconds(30), System::nanoTime);
        assertThat(store.current().entries()).isEmpty();
        assertThat(store.matcher().findMatches("قره باغ")).isEmpty();
        assertThat(store.reload()).isZero();
    }

    @Test
    void invalidFileStopsStartUpNamingTheFile() throws IOException {
        Path f = write("house.csv", "arabic,english\nقره باغ,\n");
        assertThatThrownBy(() -> new GlossaryStore(Optional.of(f), Duration.ZERO, System::nanoTime))
                .isInstanceOf(InvalidGlossaryException.class).hasMessageContaining("house.csv");
        Path missing = dir.resolve("missing.yaml");
        assertThatThrownBy(() -> new GlossaryStore(Optional.of(missing), Duration.ZERO, System::nanoTime))
                .isInstanceOf(InvalidGlossaryException.class).hasMessageContaining("missing.yaml");
    }

    @Test
    void reloadKeepsOldGlossaryWhenNewFileIsInvalid() throws IOException {
        Path f = write("house.csv", CSV);
        GlossaryStore store = new GlossaryStore(Optional.of(f), Duration.ZERO, System::nanoTime);
        assertThat(store.current().entries()).hasSize(3);

        Files.writeString(f, "arabic,english\nإدلب,Idlib\n");
        assertThat(store.reload()).isEqualTo(1);
        assertThat(store.matcher().findMatches("في إدلب")).hasSize(1);

        Files.writeString(f, "arabic,english\nإدلب,\n");
        assertThatThrownBy(store::reload).isInstanceOf(InvalidGlossaryException.class).hasMessageContaining("house.csv");
        assertThat(store.matcher().findMatches("في إدلب")).hasSize(1);
    }

    @Test
    void modifiedFileIsPickedUpAfterCheckInterval() throws IOException {
        AtomicLong clock = new AtomicLong(0);
        Path f = write("house.yaml", YAML);
        GlossaryStore store = new GlossaryStore(Optional.of(f), Duration.ofSeconds(10), clock::get);
        assertThat(store.current().entries()).hasSize(3);

        Files.writeString(f, "- {arabic: إدلب, english: Idlib}\n");
        Files.setLastModifiedTime(f, FileTime.fromMillis(System.currentTimeMillis() + 5_000));
        clock.set(Duration.ofSeconds(5).toNanos());
        assertThat(store.current().entries()).hasSize(3);          // not yet due
        clock.set(Duration.ofSeconds(11).toNanos());
        assertThat(store.current().entries()).hasSize(1);          // due: stamp changed → reloaded

        Files.writeString(f, "- {arabic: إدلب}\n");                 // invalid: kept, not thrown
        Files.setLastModifiedTime(f, FileTime.fromMillis(System.currentTimeMillis() + 10_000));
        clock.set(Duration.ofSeconds(22).toNanos());
        assertThat(store.current().entries()).extracting(GlossaryEntry::english).containsExactly("Idlib");
    }

    @Test
    void requestGlossaryIsValidated() {
        assertThatThrownBy(() -> GlossaryValidator.validateRequestEntries(
                List.of(new GlossaryEntry("إدلب", "Idlib", null, null), new GlossaryEntry("ادلب", "Edlib", null, null))))
                .isInstanceOf(InvalidGlossaryException.class).hasMessageContaining("entry 2");
    }

    private Path write(String name, String content) throws IOException {
        return Files.writeString(dir.resolve(name), content);
    }
}
