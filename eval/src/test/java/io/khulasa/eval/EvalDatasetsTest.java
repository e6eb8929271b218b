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
    void convertsThePublicSetsFormats() throws IOException {
        // The public sets themselves are not shipped (see the README); these files have their exact formats:
        // FLORES-200 devtest is two line-aligned files, the ANT BBC set one JSON object per line.
        Path ar = Files.writeString(dir.resolve("arb_Arab.devtest"), "قال الوزير إن المحادثات ستستأنف.\nارتفعت أسعار النفط.\n");
        Path en = Files.writeString(dir.resolve("eng_Latn.devtest"), "The minister said talks would resume.\nOil prices rose.\n");
        List<EvalItem> flores = EvalDatasets.fromFlores(ar, en);
        assertThat(flores).extracting(EvalItem::id).containsExactly("flores-devtest-0001", "flores-devtest-0002");
        assertThat(flores.get(1).text()).isEqualTo("ارتفعت أسعار النفط.");
        assertThat(flores.get(1).reference()).isEqualTo("Oil prices rose.");
        Path shortEnglish = Files.writeString(dir.resolve("eng_short.devtest"), "The minister said talks would resume.\n");
        assertThatThrownBy(() -> EvalDatasets.fromFlores(ar, shortEnglish)).hasMessageContaining("not line-aligned");

        Path bbc = Files.writeString(dir.resolve("bbc.jsonl"), """
                {"id": "BB-middleEast-1-20180218", "title": "عنوان الخبر", "text": "الفقرة الأولى.\\nالفقرة الثانية.", "reference_summary": "ملخص الخبر."}
                {"id": "BB-middleEast-2-20180219", "text": "نص آخر.", "reference_summary": "ملخص آخر."}
                """);
        List<EvalItem> items = EvalDatasets.fromBbc(bbc);
        assertThat(items).extracting(EvalItem::id).containsExactly("BB-middleEast-1-20180218", "BB-middleEast-2-20180219");
        assertThat(items.get(0).title()).isEqualTo("عنوان الخبر");
        assertThat(items.get(0).text()).isEqualTo("الفقرة الأولى.\nالفقرة الثانية.");
        assertThat(items.get(0).reference()).isEqualTo("ملخص الخبر.");
        assertThat(items.get(1).title()).isNull();
        Path noSummary = Files.writeString(dir.resolve("bad.jsonl"), "{\"id\": \"x\", \"text\": \"نص\"}\n");
        assertThatThrownBy(() -> EvalDatasets.fromBbc(noSummary)).hasMessageContaining("reference_summary");
    }

    static PrintStream quiet() {
        return new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
    }
}
