package io.khulasa.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** How the documents' runnable examples are read, made ready and compared. */
class DocExamplesTest {

    static final Path DOC = Path.of("doc.md");

    @Test
    void onlyBashRunBlocksRunAndAJsonOutputBlockAfterOneIsItsExpectedOutput() {
        String md = """
                # Title

                ```bash
                ./mvnw -B verify
                ```

                ```bash run
                curl -s localhost:8080/v1/prompts | jq .defaults.summarize   # → "v2"
                ```

                ```bash run service=keys exit=22
                curl -sf localhost:8080/v1/summaries \\
                     -d '{}' | jq .code
                ```

                ```json output vary=provenance.requestId,results[].id
                {"code": "x"}
                ```

                ```json
                {"not": "an output"}
                ```
                """;
        DocExamples doc = DocExamples.parse(DOC, md);
        assertThat(doc.examples()).hasSize(2);
        DocExamples.Example first = doc.examples().get(0);
        assertThat(first.line()).isEqualTo(7);
        assertThat(first.service()).isEqualTo("default");
        assertThat(first.lineChecks()).containsExactly(new DocExamples.LineCheck(8,
                "curl -s localhost:8080/v1/prompts | jq .defaults.summarize", "\"v2\""));
        assertThat(first.expected()).isNull();
        DocExamples.Example second = doc.examples().get(1);
        assertThat(second.service()).isEqualTo("keys");
        assertThat(second.exitCode()).isEqualTo(22);
        assertThat(second.expected().json()).isEqualTo("{\"code\": \"x\"}\n");
        assertThat(second.expected().vary()).containsExactly("provenance.requestId", "results[].id");
    }

    @Test
    void aContinuedCommandIsCheckedAsOneLineAndKeepsItsPipes() {
        String md = """
                ```bash run
                A=1
                curl -s x \\
                  | jq .a   # → 1
                echo done
                ```
                """;
        DocExamples.Example example = DocExamples.parse(DOC, md).examples().get(0);
        assertThat(example.lineChecks()).containsExactly(new DocExamples.LineCheck(3, "curl -s x    | jq .a", "1"));
        String script = DocScript.withChecks(example, Path.of("/tmp/c"));
        assertThat(script).isEqualTo("A=1\n{ curl -s x \\\n  | jq .a\n} | tee '/tmp/c/line-3.out'\necho done\n\n");
    }

    @Test
    void anUnclosedBlockOrABadAttributeIsTheDocumentsError() {
        assertThatThrownBy(() -> DocExamples.parse(DOC, "```bash run\necho\n")).hasMessageContaining("doc.md:1");
        assertThatThrownBy(() -> DocExamples.parse(DOC, "```bash run fast\necho\n```\n"))
                .hasMessageContaining("'fast' is not name=value");
    }

    @ParameterizedTest(name = "{0} vs {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '^', value = {
            "\"UP\"                                   | \"UP\"                                          | true",
            "\"UP\"                                   | \"DOWN\"                                        | false",
            "{\"summarize\": \"v2\"}                  | {\"summarize\": \"v2\", \"translate\": \"v4\"}  | true",
            "{\"summarize\": \"v1\"}                  | {\"summarize\": \"v2\"}                         | false",
            "{\"a\": {\"b\": 1}}                      | {\"a\": {}}                                     | false",
            "{\"s\": \"بحث وزير …\"}                  | {\"s\": \"بحث وزير الدفاع\"}                    | true",
            "{\"s\": \"بحث وزير …\"}                  | {\"s\": \"قال\"}                                | false",
            "[1, 2, \"…\"]                            | [1, 2, 3, 4]                                    | true",
            "[1, 2]                                   | [1, 2, 3]                                       | false",
            "{\"n\": 2819}                            | {\"n\": 2819.0}                                 | true",
            "plain words…                             | plain words and more                            | true",
            "plain words                              | other words                                     | false",
            "{\"x\": 1}                               | not json                                        | false",
    })
    void shownOutputIsASubsetWithPrefixesAndOpenArrays(String shown, String actual, boolean matches) {
        assertThat(OutputMatch.mismatch(shown, actual, List.of()) == null).as(OutputMatch.mismatch(shown, actual,
                List.of())).isEqualTo(matches);
    }

    @Test
    void variableFieldsNeedOnlyBePresent() {
        List<String> vary = List.of("provenance.requestId", "results[].id");
        assertThat(OutputMatch.mismatch("{\"provenance\": {\"requestId\": \"6f1c…\"}, \"results\": [{\"id\": \"a\"}]}",
                "{\"provenance\": {\"requestId\": \"zz\"}, \"results\": [{\"id\": \"b\"}]}", vary)).isNull();
        assertThat(OutputMatch.mismatch("{\"provenance\": {\"requestId\": \"x\"}}", "{\"provenance\": {}}", vary))
                .contains("$.provenance.requestId is missing");
    }
}
