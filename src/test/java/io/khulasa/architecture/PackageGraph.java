package io.khulasa.architecture;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The packages of {@code src/main/java/io/khulasa} and what each class uses, read from the source: its imports and the
 * fully qualified names in its code (comments and string literals left out, so a name in a sentence is no dependency).
 * Read from the source rather than the class files because the compiler inlines constants (a class that only reads
 * {@code RequestIds.MDC_KEY} would show no dependency in its bytecode).
 */
final class PackageGraph {

    static final String BASE = "io.khulasa";
    static final Path SOURCES = Path.of("src/main/java/io/khulasa");

    /**
     * One source file.
     *
     * @param pkg        its package below {@code io.khulasa}, e.g. {@code api}
     * @param name       its class name
     * @param lines      its number of lines
     * @param references every fully qualified name it uses (imports and names in code), e.g. {@code jakarta.ws.rs.GET}
     */
    record SourceFile(String pkg, String name, int lines, Set<String> references) {

        /** The packages below {@code io.khulasa} it uses, its own left out. */
        Set<String> khulasaPackages() {
            Set<String> packages = new TreeSet<>();
            for (String ref : references) {
                if (ref.startsWith(BASE + ".")) {
                    String pkg = ref.substring(BASE.length() + 1).split("\\.")[0];
                    if (!pkg.equals(this.pkg)) {
                        packages.add(pkg);
                    }
                }
            }
            return packages;
        }

        boolean uses(String prefix) {
            return references.stream().anyMatch(r -> r.equals(prefix) || r.startsWith(prefix + "."));
        }
    }

    private static final Pattern PACKAGE = Pattern.compile("^package\\s+([\\w.]+);", Pattern.MULTILINE);
    private static final Pattern IMPORT = Pattern.compile("^import\\s+(?:static\\s+)?([\\w.]+)(?:\\.\\*)?;", Pattern.MULTILINE);
    /** A qualified name in code: lower-case segments, then a type, e.g. {@code jakarta.ws.rs.core.Response}. */
    private static final Pattern QUALIFIED = Pattern.compile("(?<![\\w.])((?:[a-z][a-z0-9_]*\\.){2,}[A-Z]\\w*)");
    private static final Pattern COMMENT_OR_STRING = Pattern.compile(
            "/\\*.*?\\*/|//[^\\n]*|\"\"\".*?\"\"\"|\"(?:\\\\.|[^\"\\\\])*\"|'(?:\\\\.|[^'\\\\])+'", Pattern.DOTALL);

    private final List<SourceFile> files;

    private PackageGraph(List<SourceFile> files) {
        this.files = files;
    }

    static PackageGraph read() {
        return read(SOURCES);
    }

    static PackageGraph read(Path root) {
        try (Stream<Path> paths = Files.walk(root)) {
            List<SourceFile> files = new ArrayList<>();
            for (Path path : paths.filter(p -> p.toString().endsWith(".java")).sorted().toList()) {
                files.add(parse(path, Files.readString(path)));
            }
            return new PackageGraph(files);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static SourceFile parse(Path path, String source) {
        Matcher pkg = PACKAGE.matcher(source);
        if (!pkg.find() || !pkg.group(1).startsWith(BASE + ".")) {
            throw new IllegalStateException(path + " is not in a package below " + BASE);
        }
        String name = path.getFileName().toString().replaceFirst("\\.java$", "");
        Set<String> references = new TreeSet<>();
        Matcher imports = IMPORT.matcher(source);
        while (imports.find()) {
            references.add(imports.group(1));
        }
        String code = COMMENT_OR_STRING.matcher(IMPORT.matcher(source).replaceAll("")).replaceAll(" ");
        Matcher qualified = QUALIFIED.matcher(code);
        while (qualified.find()) {
            references.add(qualified.group(1));
        }
        String below = pkg.group(1).substring(BASE.length() + 1).split("\\.")[0];
        return new SourceFile(below, name, (int) source.lines().count(), references);
    }

    List<SourceFile> files() {
        return files;
    }

    /** Every package below {@code io.khulasa}, each with the packages it uses. */
    Map<String, Set<String>> edges() {
        Map<String, Set<String>> edges = new TreeMap<>();
        for (SourceFile file : files) {
            edges.computeIfAbsent(file.pkg(), p -> new TreeSet<>()).addAll(file.khulasaPackages());
        }
        return edges;
    }

    /** Lines of Java per package. */
    Map<String, Integer> lines() {
        Map<String, Integer> lines = new TreeMap<>();
        files.forEach(f -> lines.merge(f.pkg(), f.lines(), Integer::sum));
        return lines;
    }

    /** Java files per package. */
    Map<String, Integer> fileCounts() {
        Map<String, Integer> counts = new TreeMap<>();
        files.forEach(f -> counts.merge(f.pkg(), 1, Integer::sum));
        return counts;
    }

    /** A cycle of the package graph ({@code a, b, a}), or an empty list when there is none. */
    List<String> cycle() {
        Map<String, Set<String>> edges = edges();
        Map<String, Integer> state = new TreeMap<>(); // 1 on the path, 2 done
        for (String start : edges.keySet()) {
            List<String> path = new ArrayList<>();
            List<String> found = visit(start, edges, state, path);
            if (!found.isEmpty()) {
                return found;
            }
        }
        return List.of();
    }

    private static List<String> visit(String pkg, Map<String, Set<String>> edges, Map<String, Integer> state,
            List<String> path) {
        Integer seen = state.get(pkg);
        if (seen != null && seen == 2) {
            return List.of();
        }
        if (seen != null) {
            List<String> cycle = new ArrayList<>(path.subList(path.indexOf(pkg), path.size()));
            cycle.add(pkg);
            return cycle;
        }
        state.put(pkg, 1);
        path.add(pkg);
        for (String next : edges.getOrDefault(pkg, Set.of())) {
            List<String> found = visit(next, edges, state, path);
            if (!found.isEmpty()) {
                return found;
            }
        }
        path.remove(path.size() - 1);
        state.put(pkg, 2);
        return List.of();
    }
}
