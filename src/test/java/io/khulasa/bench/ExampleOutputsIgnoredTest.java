package io.khulasa.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The files a user makes by following the README's examples in the repository root (the article they save, the
 * evaluation sets they convert, the reports they write) are ignored by git; example data the project ships inside
 * folders is not (issue 22). Asked of git itself, so the answer is the one {@code git status} gives.
 */
class ExampleOutputsIgnoredTest {

    @ParameterizedTest(name = "{0} ignored: {1}")
    @CsvSource({
            "article.txt, true",
            "flores.jsonl, true",
            "bbc.jsonl, true",
            "report.json, true",
            "bbc-report.json, true",
            "docs/examples/article.txt, false",
            "docs/examples/flores.jsonl, false",
            "bench/results/capacity.json, false",
            "src/test/resources/eval/sample.jsonl, false"})
    void exampleOutputsAreIgnored(String path, boolean ignored) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("git", "check-ignore", "--no-index", "-q", path));
        Process git = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(git.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        int exit = git.waitFor();
        assertThat(exit).as("git check-ignore %s (output: %s)", path, output).isIn(0, 1);
        assertThat(exit == 0).as(path).isEqualTo(ignored);
    }
}
