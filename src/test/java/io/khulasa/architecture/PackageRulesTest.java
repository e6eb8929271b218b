package io.khulasa.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import io.khulasa.architecture.PackageGraph.SourceFile;

/**
 * The architecture's rules, checked on the source: two doors ({@code api}: REST, SSE, filters, OpenAPI; {@code jobs}:
 * job REST, Kafka, stores) over one core; the doors never use each other; JAX-RS stays in the doors and the LLM
 * adapter's REST client; the package graph has no cycle.
 */
class PackageRulesTest {

    private static final Set<String> DOORS = Set.of("api", "jobs");
    /** The LLM adapter's REST client reads the {@code Retry-After} header off the JAX-RS response. */
    private final PackageGraph graph = PackageGraph.read();

    @Test
    void theDoorsNeverUseEachOther() {
        assertThat(classesOf("jobs").filter(f -> f.khulasaPackages().contains("api")).map(SourceFile::name))
                .as("classes of jobs that use api").isEmpty();
        assertThat(classesOf("api").filter(f -> f.khulasaPackages().contains("jobs")).map(SourceFile::name))
                .as("classes of api that use jobs").isEmpty();
    }

    @Test
    void theCoreUsesNoDoor() {
        assertThat(graph.files().stream().filter(f -> !DOORS.contains(f.pkg()))
                .filter(f -> f.khulasaPackages().stream().anyMatch(DOORS::contains))
                .map(f -> f.pkg() + "." + f.name() + " -> " + f.khulasaPackages()))
                .as("core classes that use a door").isEmpty();
    }

    @Test
    void jaxRsStaysInTheDoors() {
        assertThat(graph.files().stream().filter(f -> !DOORS.contains(f.pkg()))
                .filter(f -> f.uses("jakarta.ws.rs"))
                .map(f -> f.pkg() + "." + f.name()))
                .as("classes outside the doors that use jakarta.ws.rs").isEmpty();
    }

    @Test
    void thePackageGraphHasNoCycle() {
        assertThat(graph.cycle()).as("a cycle of the package graph").isEmpty();
    }

    /** The checks above see what they should: a reader that saw nothing would pass them all. */
    @Test
    void theReaderSeesImportsAndQualifiedNamesButNotCommentsOrStrings() {
        SourceFile file = PackageGraph.parse(Path.of("Sample.java"), """
                package io.khulasa.jobs;

                import java.util.List;
                import static io.khulasa.problems.Problems.of;

                /** Not {@link io.khulasa.api.HttpProblems} in a comment. */
                class Sample {
                    String s = "io.khulasa.api.EventStream in a string";
                    Object r = jakarta.ws.rs.core.Response.ok(); // io.khulasa.api.Nothing in a comment
                    io.khulasa.tasks.Provenance p;
                }
                """);
        assertThat(file.pkg()).isEqualTo("jobs");
        assertThat(file.khulasaPackages()).containsExactly("problems", "tasks");
        assertThat(file.uses("jakarta.ws.rs")).isTrue();
        assertThat(graph.edges()).containsKeys("api", "jobs", "articles", "problems", "tasks");
        assertThat(graph.edges().get("api")).contains("articles", "problems");
        assertThat(graph.edges().get("jobs")).contains("articles", "problems");
        assertThat(graph.files().stream().filter(f -> f.uses("jakarta.ws.rs")).map(SourceFile::pkg).distinct().toList())
                .containsAll(List.of("api", "jobs"));
    }

    private java.util.stream.Stream<SourceFile> classesOf(String pkg) {
        return graph.files().stream().filter(f -> f.pkg().equals(pkg));
    }
}
