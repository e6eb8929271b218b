package io.khulasa.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import io.khulasa.problems.ProblemType;

/** The README's error table lists exactly the problems the service can answer: {@link ProblemType}. */
class ProblemTypeReadmeTest {

    private static final Pattern ROW = Pattern.compile("^\\| (\\d{3}) \\| ((?:`[a-z0-9-]+`(?:, )?)+) \\|");
    private static final Pattern CODE = Pattern.compile("`([a-z0-9-]+)`");

    @Test
    void theErrorTableAndTheListOfProblemTypesAgree() throws IOException {
        String readme = Files.readString(Path.of("README.md"));
        String errors = readme.substring(readme.indexOf("\n## Errors"));
        errors = errors.substring(0, errors.indexOf("\n## ", 1));
        Set<String> documented = new TreeSet<>();
        for (String line : errors.lines().toList()) {
            Matcher row = ROW.matcher(line);
            if (row.find()) {
                Matcher code = CODE.matcher(row.group(2));
                while (code.find()) {
                    documented.add(row.group(1) + " " + code.group(1));
                }
            }
        }
        Set<String> listed = Arrays.stream(ProblemType.values()).map(t -> t.status() + " " + t.code())
                .collect(Collectors.toCollection(TreeSet::new));
        assertThat(documented).isEqualTo(listed);
    }
}
