package io.khulasa.prompts;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.khulasa.config.KhulasaConfig;
import io.quarkus.logging.Log;
import io.quarkus.runtime.Startup;

/**
 * The catalogue of versioned prompt files: the packaged {@code prompts/<task>/<version>.yaml} files plus those of the
 * external folder {@code khulasa.prompts.dir} (which win on a clash). Loaded and validated once at start-up; any
 * invalid file stops start-up with a message naming it.
 */
@Startup
@ApplicationScoped
public class PromptCatalogue {

    /** Lists the packaged files; written at build time because a jar or native image cannot list a folder. */
    static final String PACKAGED_INDEX = "prompts/index.txt";

    private final Map<String, TreeMap<Integer, PromptTemplate>> byTask;
    private final Map<String, PromptTemplate> defaults;

    @Inject
    public PromptCatalogue(KhulasaConfig config) {
        this(loadPackaged(), config.prompts().dir().map(Path::of), pins(config));
    }

    /** For tests: explicit packaged templates, external folder and pinned versions. */
    PromptCatalogue(List<PromptTemplate> packaged, Optional<Path> externalDir, Map<String, String> pinned) {
        Map<String, TreeMap<Integer, PromptTemplate>> tasks = new TreeMap<>();
        packaged.forEach(t -> tasks.computeIfAbsent(t.task(), k -> new TreeMap<>()).put(t.number(), t));
        externalDir.ifPresent(dir -> loadExternal(dir).forEach(
                t -> tasks.computeIfAbsent(t.task(), k -> new TreeMap<>()).put(t.number(), t)));
        Map<String, PromptTemplate> chosen = new TreeMap<>();
        tasks.forEach((task, versions) -> chosen.put(task, versions.lastEntry().getValue()));
        pinned.forEach((task, version) -> {
            TreeMap<Integer, PromptTemplate> versions = tasks.get(task);
            PromptTemplate pin = versions == null ? null
                    : versions.values().stream().filter(t -> t.version().equals(version)).findFirst().orElse(null);
            if (pin == null) {
                throw new IllegalStateException("khulasa.prompts." + task + ".version=" + version
                        + " names no prompt file; available: " + (versions == null ? List.of() : names(versions)));
            }
            chosen.put(task, pin);
        });
        this.byTask = tasks;
        this.defaults = chosen;
        Log.infof("Prompt catalogue: %s", summary());
    }

    /**
     * The template for a task, in the requested version or the task's default.
     *
     * @throws PromptNotFoundException when the version does not exist (the exception lists the available ones)
     */
    public PromptTemplate resolve(String task, String version) {
        TreeMap<Integer, PromptTemplate> versions = byTask.get(task);
        if (versions == null) {
            throw new PromptNotFoundException(task, version == null ? "default" : version, List.of());
        }
        if (version == null) {
            return defaults.get(task);
        }
        return versions.values().stream().filter(t -> t.version().equals(version)).findFirst()
                .orElseThrow(() -> new PromptNotFoundException(task, version, names(versions)));
    }

    /** Every task and version, tasks alphabetically, versions in ascending order. */
    public List<PromptTemplate> all() {
        return byTask.values().stream().flatMap(v -> v.values().stream()).toList();
    }

    public boolean isDefault(PromptTemplate template) {
        return defaults.get(template.task()) == template;
    }

    private String summary() {
        StringBuilder sb = new StringBuilder();
        byTask.forEach((task, versions) -> sb.append(task).append(' ').append(names(versions)).append(" default ")
                .append(defaults.get(task).version()).append("; "));
        return sb.toString();
    }

    private static List<String> names(TreeMap<Integer, PromptTemplate> versions) {
        return versions.values().stream().map(PromptTemplate::version).toList();
    }

    private static Map<String, String> pins(KhulasaConfig config) {
        Map<String, String> pins = new TreeMap<>();
        config.prompts().task().forEach((task, p) -> p.version().ifPresent(v -> pins.put(task, v)));
        return pins;
    }

    static List<PromptTemplate> loadPackaged() {
        ClassLoader cl = Thread.currentThread().getContextClassLoader();
        List<PromptTemplate> templates = new ArrayList<>();
        try (InputStream index = cl.getResourceAsStream(PACKAGED_INDEX)) {
            if (index == null) {
                throw new IllegalStateException(PACKAGED_INDEX + " is missing from the application: rebuild with ./mvnw package");
            }
            for (String line : new String(index.readAllBytes(), StandardCharsets.UTF_8).split("\\R")) {
                String entry = line.strip();
                if (entry.isEmpty()) {
                    continue;
                }
                String resource = "prompts/" + entry;
                try (InputStream in = cl.getResourceAsStream(resource)) {
                    if (in == null) {
                        throw new InvalidPromptException(resource, "listed in " + PACKAGED_INDEX + " but not packaged");
                    }
                    int slash = entry.indexOf('/');
                    templates.add(PromptFileParser.parse(entry.substring(0, slash), entry.substring(slash + 1),
                            in.readAllBytes(), PromptSource.PACKAGED, "classpath:" + resource));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read packaged prompts", e);
        }
        return templates;
    }

    static List<PromptTemplate> loadExternal(Path dir) {
        if (!Files.isDirectory(dir)) {
            throw new IllegalStateException("khulasa.prompts.dir=" + dir + " is not a readable folder");
        }
        List<PromptTemplate> templates = new ArrayList<>();
        try (Stream<Path> taskDirs = Files.list(dir)) {
            for (Path taskDir : taskDirs.filter(Files::isDirectory).sorted().toList()) {
                try (Stream<Path> files = Files.list(taskDir)) {
                    for (Path file : files.filter(Files::isRegularFile).sorted(Comparator.naturalOrder()).toList()) {
                        String name = file.getFileName().toString();
                        if (!name.endsWith(".yaml") && !name.endsWith(".yml")) {
                            Log.debugf("Ignoring %s: not a .yaml prompt file", file);
                            continue;
                        }
                        templates.add(PromptFileParser.parse(taskDir.getFileName().toString(), name,
                                Files.readAllBytes(file), PromptSource.EXTERNAL, file.toString()));
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read prompt folder " + dir, e);
        }
        return templates;
    }
}
