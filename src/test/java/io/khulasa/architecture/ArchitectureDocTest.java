package io.khulasa.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

/**
 * {@code docs/architecture.md} shows the real package graph: its diagram is generated from the source
 * ({@link PackageGraph}) and this test fails when the committed one differs, so the picture cannot drift from the code.
 * The line counts beside it are a snapshot, rewritten with the diagram. To regenerate both:
 *
 * <pre>
 * ./mvnw -B -o -q test -Dtest=ArchitectureDocTest -Dkhulasa.architecture.write=true
 * </pre>
 */
class ArchitectureDocTest {

    static final Path DOC = Path.of("docs/architecture.md");
    static final String REGENERATE = "./mvnw -B -o -q test -Dtest=ArchitectureDocTest -Dkhulasa.architecture.write=true";

    /** What each package is for; a new package needs a line here (and so in the document). */
    static final Map<String, String> ROLES = new LinkedHashMap<>();
    static {
        ROLES.put("api", "door: REST and SSE endpoints, HTTP filters, OpenAPI document");
        ROLES.put("jobs", "door: job REST endpoints, Kafka feed, job stores, the article worker");
        ROLES.put("articles", "core: article requests and responses, intake, batch and job validation, the task entry point");
        ROLES.put("problems", "core: the problem model (RFC 9457) and the one failure-to-problem mapping; the request id");
        ROLES.put("tasks", "core: planning and running summary, translation and digest over the LLM");
        ROLES.put("cleaning", "core: article cleaning and HTML extraction");
        ROLES.put("prompts", "core: versioned prompt files");
        ROLES.put("llm", "core: the LLM adapter (OpenAI-compatible chat, errors, limits)");
        ROLES.put("guards", "core: output checks on every answer");
        ROLES.put("glossary", "core: house glossary and request glossaries");
        ROLES.put("chunking", "core: splitting long articles");
        ROLES.put("extractive", "core: the extractive summary fallback");
        ROLES.put("security", "core: API keys and rate limits");
        ROLES.put("config", "core: configuration mappings");
    }
    private static final Set<String> DOORS = Set.of("api", "jobs");

    @Test
    void everyPackageHasARole() {
        assertThat(ROLES.keySet()).as("packages with a role in docs/architecture.md")
                .containsExactlyInAnyOrderElementsOf(PackageGraph.read().edges().keySet());
    }

    @Test
    void theCommittedDiagramIsTheGeneratedOne() throws IOException {
        PackageGraph graph = PackageGraph.read();
        String committed = Files.readString(DOC);
        String generated = replace(replace(committed, "package-graph", mermaid(graph)), "package-lines", lines(graph));
        if (Boolean.getBoolean("khulasa.architecture.write")) {
            Files.writeString(DOC, generated);
        }
        assertThat(block(committed, "package-graph")).as("the package graph in " + DOC + "; regenerate it with: "
                + REGENERATE).isEqualTo(block(generated, "package-graph"));
        assertThat(block(committed, "package-lines")).as("the package table of " + DOC).isNotBlank();
    }

    /** The graph as a mermaid flowchart: the doors on top, the core below, one arrow per package used. */
    static String mermaid(PackageGraph graph) {
        Map<String, Set<String>> edges = graph.edges();
        StringBuilder out = new StringBuilder("```mermaid\nflowchart TD\n");
        out.append("    subgraph doors\n");
        edges.keySet().stream().filter(DOORS::contains).forEach(p -> out.append("        ").append(p).append('\n'));
        out.append("    end\n    subgraph core\n");
        edges.keySet().stream().filter(p -> !DOORS.contains(p)).forEach(p -> out.append("        ").append(p).append('\n'));
        out.append("    end\n");
        edges.forEach((from, to) -> new TreeSet<>(to).forEach(t -> out.append("    ").append(from).append(" --> ")
                .append(t).append('\n')));
        return out.append("```\n").toString();
    }

    /** Files and lines of Java per package, doors first. */
    static String lines(PackageGraph graph) {
        StringBuilder out = new StringBuilder("| package | role | uses | files | lines |\n|---|---|---|---:|---:|\n");
        Map<String, Integer> lines = graph.lines();
        Map<String, Integer> files = graph.fileCounts();
        Map<String, Set<String>> edges = graph.edges();
        int total = 0;
        for (String pkg : ROLES.keySet()) {
            if (!lines.containsKey(pkg)) {
                continue;
            }
            total += lines.get(pkg);
            out.append("| `").append(pkg).append("` | ").append(ROLES.get(pkg)).append(" | ")
                    .append(edges.get(pkg).isEmpty() ? "—" : String.join(", ", edges.get(pkg))).append(" | ").append(files.get(pkg)).append(" | ")
                    .append(lines.get(pkg)).append(" |\n");
        }
        return out.append("| all | | | ").append(graph.files().size()).append(" | ").append(total).append(" |\n")
                .toString();
    }

    private static Pattern marker(String name) {
        return Pattern.compile("(<!-- " + name + ":begin[^>]*-->\\n)(.*?)(<!-- " + name + ":end -->)", Pattern.DOTALL);
    }

    static String block(String doc, String name) {
        Matcher m = marker(name).matcher(doc);
        if (!m.find()) {
            throw new AssertionError(DOC + " has no block " + name + " (<!-- " + name + ":begin --> … <!-- " + name
                    + ":end -->)");
        }
        return m.group(2);
    }

    static String replace(String doc, String name, String content) {
        block(doc, name);
        return marker(name).matcher(doc).replaceFirst(m -> Matcher.quoteReplacement(m.group(1) + content + m.group(3)));
    }
}
