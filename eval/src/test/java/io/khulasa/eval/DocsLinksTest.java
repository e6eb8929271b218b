package io.khulasa.eval;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

/**
 * No link of README.md or docs/ is broken: every relative link names a file of the repository, and every {@code #anchor}
 * a heading of the page it points to (GitHub's anchor rules). Links into code blocks are not links.
 */
class DocsLinksTest {

    static final Path ROOT = Path.of(System.getProperty("khulasa.repo.root", "..")).toAbsolutePath().normalize();
    private static final Pattern LINK = Pattern.compile("(?<!\\\\)\\[[^\\]]*]\\(([^)\\s]+)\\)");
    private static final Pattern HEADING = Pattern.compile("^#{1,6} (.+)$");

    @Test
    void everyRelativeLinkAndAnchorResolves() throws IOException {
        List<String> broken = new ArrayList<>();
        List<Path> documents = DocsExamplesIT.documents();
        for (Path document : documents) {
            for (String target : links(Files.readString(document, StandardCharsets.UTF_8))) {
                if (target.matches("^[a-z][a-z0-9+.-]*:.*")) {
                    continue; // https:, mailto:
                }
                int hash = target.indexOf('#');
                String file = hash < 0 ? target : target.substring(0, hash);
                Path resolved = file.isEmpty() ? document : document.getParent().resolve(file).normalize();
                if (!Files.exists(resolved)) {
                    broken.add(ROOT.relativize(document) + ": " + target + " (no such file)");
                    continue;
                }
                if (hash >= 0 && resolved.toString().endsWith(".md")
                        && !anchors(Files.readString(resolved, StandardCharsets.UTF_8)).contains(target.substring(hash + 1))) {
                    broken.add(ROOT.relativize(document) + ": " + target + " (no such heading)");
                }
            }
        }
        assertThat(documents).hasSizeGreaterThan(10);
        assertThat(broken).isEmpty();
    }

    @Test
    void theReadmeStaysShort() throws IOException {
        assertThat(Files.readAllLines(ROOT.resolve("README.md"))).as("README.md lines").hasSizeLessThanOrEqualTo(250);
    }

    /** Issue 22: the batch and jobs pages once said 1M where the service's default is 16M. */
    @Test
    void theBodyLimitIsStatedAsTheServiceHasIt() throws IOException {
        Matcher configured = Pattern.compile("(?m)^quarkus\\.http\\.limits\\.max-body-size=(\\S+)$").matcher(
                Files.readString(ROOT.resolve("src/main/resources/application.properties")));
        assertThat(configured.find()).as("quarkus.http.limits.max-body-size in application.properties").isTrue();
        Pattern stated = Pattern.compile("`QUARKUS_HTTP_LIMITS_MAX_BODY_SIZE` \\(([0-9]+[KMG]?)\\)");
        List<String> wrong = new ArrayList<>();
        int seen = 0;
        for (Path document : DocsExamplesIT.documents()) {
            Matcher m = stated.matcher(Files.readString(document, StandardCharsets.UTF_8));
            while (m.find()) {
                seen++;
                if (!m.group(1).equals(configured.group(1))) {
                    wrong.add(ROOT.relativize(document) + ": " + m.group());
                }
            }
        }
        assertThat(seen).as("places that state the body limit").isGreaterThan(0);
        assertThat(wrong).as("body limits unlike the service's " + configured.group(1)).isEmpty();
    }

    /**
     * Issue 22: {@code -Dkhulasa.llm.model."qwen2.5:7b-instruct".max-in-flight=2} as printed lost its quotes in the
     * shell and stopped the service from starting; a per-model property on a command line is single-quoted whole.
     */
    @Test
    void perModelPropertiesOnACommandLineKeepTheirQuotes() throws IOException {
        Pattern option = Pattern.compile("(.)-Dkhulasa\\.[a-z.-]*model\\.\"");
        List<String> unquoted = new ArrayList<>();
        for (Path document : DocsExamplesIT.documents()) {
            Matcher m = option.matcher(Files.readString(document, StandardCharsets.UTF_8));
            while (m.find()) {
                if (!m.group(1).equals("'")) {
                    unquoted.add(ROOT.relativize(document) + ": " + m.group());
                }
            }
        }
        assertThat(unquoted).isEmpty();
        assertThat(option.matcher("java '-Dkhulasa.llm.model.\"m\".max-in-flight=2' -jar x").find()).isTrue();
    }

    @Test
    void anchorsFollowGitHubsRules() {
        assertThat(anchors("## Whole news pages (`html`)\n### Behind a reverse proxy, and CORS\n## Editor's desk\n"))
                .contains("whole-news-pages-html", "behind-a-reverse-proxy-and-cors", "editors-desk");
    }

    static List<String> links(String markdown) {
        List<String> links = new ArrayList<>();
        boolean code = false;
        for (String line : markdown.split("\n")) {
            if (line.strip().startsWith("```")) {
                code = !code;
                continue;
            }
            if (code) {
                continue;
            }
            Matcher m = LINK.matcher(line.replaceAll("`[^`]*`", ""));
            while (m.find()) {
                links.add(m.group(1));
            }
        }
        return links;
    }

    static Set<String> anchors(String markdown) {
        Set<String> anchors = new HashSet<>();
        boolean code = false;
        for (String line : markdown.split("\n")) {
            if (line.strip().startsWith("```")) {
                code = !code;
                continue;
            }
            Matcher m = HEADING.matcher(line);
            if (!code && m.matches()) {
                anchors.add(m.group(1).strip().toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}\\- _]", "")
                        .replace(' ', '-'));
            }
        }
        return anchors;
    }
}
