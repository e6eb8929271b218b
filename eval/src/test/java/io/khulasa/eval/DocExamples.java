package io.khulasa.eval;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The runnable examples of a Markdown document, as a reader meets them.
 * <p>
 * A fenced block whose info string is {@code bash run} is an example a reader can paste into a shell from the
 * repository's top folder, with the service running on {@code localhost:8080}. Attributes after {@code run}:
 * {@code service=NAME} (the block needs the service started with the settings {@link DocsExamplesIT} names so, e.g.
 * API keys), {@code exit=N} (the block is meant to end with that exit code). What the block prints may be shown in two
 * ways, and then it is compared:
 * <ul>
 * <li>a {@code # → EXPECTED} comment at the end of a command line: that command's output;</li>
 * <li>a {@code json output} block right after the run block: the block's whole output, as JSON. Fields the output may
 * have beyond those shown are allowed (answers are shown shortened); a string shown ending in {@code …} matches any
 * string it starts; the fields that legitimately vary are named with {@code vary=a.b,c[].d} and only their presence
 * is checked.</li>
 * </ul>
 */
record DocExamples(Path file, List<Example> examples) {

    /** One runnable block: where it starts (1-based line of its opening fence), its script, what it should print. */
    record Example(Path file, int line, String script, Map<String, String> attributes, List<LineCheck> lineChecks,
            Expected expected) {

        String where() {
            return file + ":" + line;
        }

        String service() {
            return attributes.getOrDefault("service", "default");
        }

        int exitCode() {
            return Integer.parseInt(attributes.getOrDefault("exit", "0"));
        }
    }

    /** A {@code # → value} comment: the command of that (logical) line must print {@code expected}. */
    record LineCheck(int line, String command, String expected) {
    }

    /** A {@code json output} block: the JSON the run block prints, with the fields that vary. */
    record Expected(int line, String json, List<String> vary) {
    }

    private static final Pattern FENCE = Pattern.compile("^(\\s*)(`{3,}|~{3,})\\s*([^`]*)$");
    static final String ARROW = "# →";

    static DocExamples read(Path file) throws IOException {
        return parse(file, Files.readString(file, StandardCharsets.UTF_8));
    }

    static DocExamples parse(Path file, String markdown) {
        String[] lines = markdown.split("\n", -1);
        List<Example> examples = new ArrayList<>();
        int i = 0;
        while (i < lines.length) {
            Matcher open = FENCE.matcher(lines[i]);
            if (!open.matches()) {
                i++;
                continue;
            }
            String fence = open.group(2);
            String[] info = open.group(3).trim().split("\\s+");
            int start = i;
            StringBuilder body = new StringBuilder();
            i++;
            while (i < lines.length && !lines[i].trim().startsWith(fence)) {
                body.append(lines[i]).append('\n');
                i++;
            }
            if (i >= lines.length) {
                throw new IllegalArgumentException(file + ":" + (start + 1) + ": the fenced block is never closed");
            }
            i++; // past the closing fence
            if (info.length < 2 || !info[0].equals("bash") || !info[1].equals("run")) {
                continue;
            }
            Map<String, String> attributes = attributes(file, start, info);
            Expected expected = null;
            int next = skipBlank(lines, i);
            if (next < lines.length) {
                Matcher out = FENCE.matcher(lines[next]);
                if (out.matches()) {
                    String[] outInfo = out.group(3).trim().split("\\s+");
                    if (outInfo.length >= 2 && outInfo[0].equals("json") && outInfo[1].equals("output")) {
                        String outFence = out.group(2);
                        StringBuilder json = new StringBuilder();
                        int j = next + 1;
                        while (j < lines.length && !lines[j].trim().startsWith(outFence)) {
                            json.append(lines[j]).append('\n');
                            j++;
                        }
                        Map<String, String> outAttributes = attributes(file, next, outInfo);
                        List<String> vary = outAttributes.containsKey("vary")
                                ? List.of(outAttributes.get("vary").split(","))
                                : List.of();
                        expected = new Expected(next + 1, json.toString(), vary);
                        i = j + 1;
                    }
                }
            }
            String script = body.toString();
            examples.add(new Example(file, start + 1, script, attributes, lineChecks(script, start + 2), expected));
        }
        return new DocExamples(file, List.copyOf(examples));
    }

    private static int skipBlank(String[] lines, int i) {
        while (i < lines.length && lines[i].isBlank()) {
            i++;
        }
        return i;
    }

    private static Map<String, String> attributes(Path file, int line, String[] info) {
        Map<String, String> attributes = new LinkedHashMap<>();
        for (int k = 2; k < info.length; k++) {
            int eq = info[k].indexOf('=');
            if (eq <= 0) {
                throw new IllegalArgumentException(file + ":" + (line + 1) + ": block attribute '" + info[k]
                        + "' is not name=value");
            }
            attributes.put(info[k].substring(0, eq), info[k].substring(eq + 1));
        }
        return attributes;
    }

    /**
     * The {@code # →} comments of a script, each with its logical line (continuation lines ending in {@code \} joined),
     * so that the runner can check that one command's output.
     */
    static List<LineCheck> lineChecks(String script, int firstLine) {
        List<LineCheck> checks = new ArrayList<>();
        String[] lines = script.split("\n", -1);
        StringBuilder logical = new StringBuilder();
        int logicalStart = -1;
        for (int k = 0; k < lines.length; k++) {
            String line = lines[k];
            if (logicalStart < 0) {
                logicalStart = k;
            }
            if (line.endsWith("\\")) {
                logical.append(line, 0, line.length() - 1).append(' ');
                continue;
            }
            logical.append(line);
            String whole = logical.toString();
            int arrow = whole.indexOf(ARROW);
            if (arrow >= 0) {
                checks.add(new LineCheck(firstLine + logicalStart, stripComment(whole.substring(0, arrow)),
                        whole.substring(arrow + ARROW.length()).trim()));
            }
            logical.setLength(0);
            logicalStart = -1;
        }
        return List.copyOf(checks);
    }

    /** The command without a trailing plain comment ({@code # …}) left before the arrow. */
    private static String stripComment(String command) {
        return command.strip();
    }
}
