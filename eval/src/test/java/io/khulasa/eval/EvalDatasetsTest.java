package io.khulasa.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EvalDatasetsTest {

    @TempDir
    Path dir;

    @Test
    void convertsFloresLineAlignedFiles() throws IOException {
        Path ar = Files.writeString(dir.resolve("arb_Arab.devtest"), "جملة أولى.\nجملة ثانية.\n");
        Path en = Files.writeString(dir.resolve("eng_Latn.devtest"), "First sentence.\nSecond sentence.\n");
        Path out = dir.resolve("flores.jsonl");
        int code = EvaluateCommand.run(new String[] {"convert-flores", ar.toString(), en.toString(), out.toString()},
                quiet(), quiet());
        assertThat(code).isZero();
        List<EvalItem> items = EvalDatasets.read(out);
        assertThat(items).containsExactly(
                new EvalItem("flores-devtest-0001", "جملة أولى.", "First sentence.", null),
                new EvalItem("flores-devtest-0002", "جملة ثانية.", "Second sentence.", null));
    }

    @Test
    void floresFilesMustBeAligned() throws IOException {
        Path ar = Files.writeString(dir.resolve("a"), "أ\nب\n");
        Path en = Files.writeString(dir.resolve("e"), "a\n");
        assertThatThrownBy(() -> EvalDatasets.fromFlores(ar, en)).hasMessageContaining("not line-aligned");
    }

    @Test
    void convertsBbcSummariesWithLimit() throws IOException {
        Path bbc = Files.writeString(dir.resolve("bbc.jsonl"), """
                {"id": "BB-1", "title": "عنوان", "text": "فقرة أولى\\nفقرة ثانية", "reference_summary": "ملخص"}
                {"id": "BB-2", "title": "عنوان 2", "text": "نص", "reference_summary": "ملخص 2"}
                """);
        Path out = dir.resolve("bbc-eval.jsonl");
        assertThat(EvaluateCommand.run(new String[] {"convert-bbc", bbc.toString(), out.toString(), "--limit", "1"},
                quiet(), quiet())).isZero();
        assertThat(EvalDatasets.read(out)).containsExactly(new EvalItem("BB-1", "فقرة أولى\nفقرة ثانية", "ملخص", "عنوان"));
    }

    @Test
    void readRejectsMissingFieldsAndDuplicateIdsNamingTheLine() throws IOException {
        Path missing = Files.writeString(dir.resolve("m.jsonl"), "{\"id\":\"1\",\"text\":\"نص\",\"reference\":\"r\"}\n{\"id\":\"2\",\"text\":\"نص\"}\n");
        assertThatThrownBy(() -> EvalDatasets.read(missing)).hasMessageContaining("line 2").hasMessageContaining("reference");
        Path dup = Files.writeString(dir.resolve("d.jsonl"), "{\"id\":\"1\",\"text\":\"a\",\"reference\":\"r\"}\n\n{\"id\":\"1\",\"text\":\"b\",\"reference\":\"r\"}\n");
        assertThatThrownBy(() -> EvalDatasets.read(dup)).hasMessageContaining("line 3").hasMessageContaining("duplicate id");
    }

    @Test
    void convertsTheSharedPublicSetsWhenPresent() throws IOException {
        // The public sets are not shipped; they sit in the workplace's shared/ folder beside the checkout
        // (eval/pom.xml passes <checkout>/../shared/eval as khulasa.shared.eval).
        Path shared = Path.of(System.getProperty("khulasa.shared.eval", "../../shared/eval"));
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.isDirectory(shared), "no shared/eval beside the checkout: " + shared);
        List<EvalItem> flores = EvalDatasets.fromFlores(shared.resolve("flores200-devtest/arb_Arab.devtest"),
                shared.resolve("flores200-devtest/eng_Latn.devtest"));
        assertThat(flores).hasSize(1012);
        List<EvalItem> bbc = EvalDatasets.fromBbc(shared.resolve("ant-bbc-summaries/bbc-middleeast-100.jsonl"));
        assertThat(bbc).hasSize(100).allSatisfy(i -> assertThat(i.title()).isNotBlank());
    }

    static PrintStream quiet() {
        return new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
    }
}
