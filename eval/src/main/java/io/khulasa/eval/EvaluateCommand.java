package io.khulasa.eval;

import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

/**
 * Command line for evaluations against a running khulasa, and for preparing datasets. Plain {@code main}, no
 * Quarkus start-up. Run {@code EvaluateCommand help} for usage.
 */
public final class EvaluateCommand {

    static final String USAGE = """
            Usage:
              run DATASET.jsonl TASK VERSION [VERSION...] [options]     (the word 'run' may be omitted)
                  TASK: translate | summarize. The first VERSION is the baseline of comparisons.
                  --base-url URL            khulasa base URL (default http://localhost:8080)
                  --api-key KEY             API key (default: env KHULASA_API_KEY; none if unset)
                  --api-key-header NAME     header carrying the key (default X-API-Key)
                  --limit N                 first N items only
                  --concurrency N           parallel calls (default 2)
                  --timeout SECONDS         per call (default 180)
                  --out FILE                JSON report (default: none, table only)
                  --price-input PRICE       USD per 1M input tokens (default 0)
                  --price-output PRICE      USD per 1M output tokens (default 0)
                  --resamples N             bootstrap resamples (default 1000)
                  --seed N                  bootstrap seed (default 12345)
                  --no-arabic-folding       ROUGE: do not fold alef/yeh/teh marbuta
                  --send-title              also send the item's title (when it has one)
              convert-flores ARB_FILE ENG_FILE OUT.jsonl [--limit N]
              convert-bbc BBC.jsonl OUT.jsonl [--limit N]
              attribution BBC.jsonl [--limit N] [--seed N] [--threshold T] [--out FILE] [--misses]
                  Scores the summary support check in-process (no service, no LLM) on articles with their own
                  summaries (id, title, text, reference_summary): false flags, foreign sentences, changed numbers,
                  swapped names, first links. Exit 3 when a target is missed on the whole set.
            """;

    private static final Set<String> FLAGS = Set.of("--no-arabic-folding", "--send-title", "--misses");
    private static final Set<String> OPTIONS = Set.of("--base-url", "--api-key", "--api-key-header", "--limit",
            "--concurrency", "--timeout", "--out", "--price-input", "--price-output", "--resamples", "--seed", "--threshold");

    private EvaluateCommand() {
    }

    public static void main(String[] args) {
        int code = run(args, System.out, System.err);
        if (code != 0) {
            System.exit(code);
        }
    }

    /** Runs the command; returns the process exit code (0 ok, 1 evaluation error, 2 usage error). */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        try {
            List<String> positional = new ArrayList<>();
            Map<String, String> options = new HashMap<>();
            parse(args, positional, options);
            if (positional.isEmpty() || positional.get(0).equals("help") || options.containsKey("--help")) {
                out.print(USAGE);
                return positional.isEmpty() && !options.containsKey("--help") ? 2 : 0;
            }
            String sub = positional.get(0);
            int limit = Integer.parseInt(options.getOrDefault("--limit", "0"));
            switch (sub) {
                case "convert-flores" -> {
                    need(positional, 4, "convert-flores ARB_FILE ENG_FILE OUT.jsonl");
                    List<EvalItem> items = limit(EvalDatasets.fromFlores(Path.of(positional.get(1)), Path.of(positional.get(2))), limit);
                    EvalDatasets.write(Path.of(positional.get(3)), items);
                    out.println("wrote " + items.size() + " items to " + positional.get(3));
                    return 0;
                }
                case "convert-bbc" -> {
                    need(positional, 3, "convert-bbc BBC.jsonl OUT.jsonl");
                    List<EvalItem> items = limit(EvalDatasets.fromBbc(Path.of(positional.get(1))), limit);
                    EvalDatasets.write(Path.of(positional.get(2)), items);
                    out.println("wrote " + items.size() + " items to " + positional.get(2));
                    return 0;
                }
                case "attribution" -> {
                    need(positional, 2, "attribution BBC.jsonl");
                    Path dataset = Path.of(positional.get(1));
                    requireFile(dataset);
                    List<EvalItem> items = limit(EvalDatasets.fromBbc(dataset), limit);
                    AttributionEvaluation.Report report = new AttributionEvaluation(Double.parseDouble(
                            options.getOrDefault("--threshold", String.valueOf(io.khulasa.attribution.Attribution.DEFAULT_THRESHOLD))))
                            .run(dataset.toString(), items, Long.parseLong(options.getOrDefault("--seed", "21")), err::println);
                    if (options.containsKey("--misses")) {
                        report.misses().stream().sorted(java.util.Comparator.comparing(AttributionEvaluation.Miss::kind))
                                .forEach(m -> err.println(m.kind() + "\t" + m.id() + "\t" + m.score() + "\t" + m.sentence()));
                    }
                    if (options.containsKey("--out")) {
                        Path outFile = Path.of(options.get("--out"));
                        new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(outFile.toFile(), report);
                        err.println("report written to " + outFile);
                    }
                    out.print(AttributionEvaluation.format(report));
                    return report.all().meets() ? 0 : 3;
                }
                default -> {
                    List<String> runArgs = sub.equals("run") ? positional.subList(1, positional.size()) : positional;
                    need(runArgs, 3, "run DATASET.jsonl TASK VERSION [VERSION...]");
                    return evaluate(runArgs, options, limit, out, err);
                }
            }
        } catch (IllegalArgumentException e) {
            err.println("error: " + e.getMessage());
            err.print(USAGE);
            return 2;
        } catch (IOException e) {
            err.println("error: " + e);
            return 1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            err.println("interrupted");
            return 1;
        }
    }

    private static int evaluate(List<String> runArgs, Map<String, String> options, int limit, PrintStream out, PrintStream err)
            throws IOException, InterruptedException {
        Path dataset = Path.of(runArgs.get(0));
        requireFile(dataset);
        EvalTask task = EvalTask.parse(runArgs.get(1));
        List<String> versions = runArgs.subList(2, runArgs.size());
        String baseUrl = options.getOrDefault("--base-url", "http://localhost:8080");
        String apiKey = options.getOrDefault("--api-key", System.getenv("KHULASA_API_KEY"));
        KhulasaClient client = new KhulasaClient(URI.create(baseUrl), options.getOrDefault("--api-key-header", "X-API-Key"),
                apiKey, Duration.ofSeconds(Long.parseLong(options.getOrDefault("--timeout", "180"))));
        EvaluationRunner.Options runOptions = new EvaluationRunner.Options(task, List.copyOf(versions), limit,
                Integer.parseInt(options.getOrDefault("--concurrency", "2")),
                new EvaluationReport.Pricing(Double.parseDouble(options.getOrDefault("--price-input", "0")),
                        Double.parseDouble(options.getOrDefault("--price-output", "0"))),
                Integer.parseInt(options.getOrDefault("--resamples", String.valueOf(PairedBootstrap.DEFAULT_RESAMPLES))),
                Long.parseLong(options.getOrDefault("--seed", "12345")),
                !options.containsKey("--no-arabic-folding"), options.containsKey("--send-title"));
        List<EvalItem> items = EvalDatasets.read(dataset);
        EvaluationReport report = new EvaluationRunner(client, err::println).run(dataset.toString(), baseUrl, items, runOptions);
        if (options.containsKey("--out")) {
            Path outFile = Path.of(options.get("--out"));
            new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(outFile.toFile(), report);
            err.println("report written to " + outFile);
        }
        out.print(formatTable(report));
        return 0;
    }

    /** The human-readable summary printed after a run. */
    public static String formatTable(EvaluationReport report) {
        StringBuilder sb = new StringBuilder();
        List<String> metrics = new ArrayList<>(report.versions().get(0).corpusScores().keySet());
        sb.append("task ").append(report.task()).append(", ").append(report.items()).append(" items, ").append(report.dataset()).append('\n');
        StringBuilder header = new StringBuilder(String.format(Locale.ROOT, "%-12s", "version"));
        metrics.forEach(m -> header.append(String.format(Locale.ROOT, " %8s", m)));
        header.append(String.format(Locale.ROOT, " %6s %6s %8s %8s %9s %9s %10s  %s", "len", "failed", "p50 ms", "p95 ms",
                "in tok", "out tok", "cost/item", "failures"));
        sb.append(header).append('\n');
        for (EvaluationReport.VersionSummary v : report.versions()) {
            sb.append(String.format(Locale.ROOT, "%-12s", v.version()));
            metrics.forEach(m -> sb.append(String.format(Locale.ROOT, " %8.2f", v.corpusScores().get(m))));
            sb.append(String.format(Locale.ROOT, " %6s %6d %8s %8s %9d %9d %10s  %s",
                    v.lengthRatio() == null ? "-" : String.format(Locale.ROOT, "%.3f", v.lengthRatio()), v.failed(),
                    v.latencyP50Ms() == null ? "-" : v.latencyP50Ms(), v.latencyP95Ms() == null ? "-" : v.latencyP95Ms(),
                    v.inputTokens(), v.outputTokens(),
                    v.estimatedCostPerItem() == null ? "-" : String.format(Locale.ROOT, "%.6f", v.estimatedCostPerItem()),
                    v.failuresByCode().isEmpty() ? "" : v.failuresByCode().toString()));
            sb.append('\n');
        }
        if (!report.comparisons().isEmpty()) {
            sb.append("paired differences vs ").append(report.comparisons().get(0).baseline())
                    .append(" (per-item scores, bootstrap 95% CI)\n");
            for (EvaluationReport.MetricComparison c : report.comparisons()) {
                PairedBootstrap.Result r = c.bootstrap();
                sb.append(String.format(Locale.ROOT, "  %-10s %-8s %+7.2f  [%+7.2f, %+7.2f]  p=%.3f%s%n", c.candidate(),
                        c.metric(), r.meanDifference(), r.ciLow(), r.ciHigh(), r.pValue(), r.significant() ? "  *" : ""));
            }
        }
        return sb.toString();
    }

    private static void parse(String[] args, List<String> positional, Map<String, String> options) {
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            if (a.equals("--help") || a.equals("-h")) {
                options.put("--help", "");
            } else if (FLAGS.contains(a)) {
                options.put(a, "");
            } else if (a.startsWith("--")) {
                String name = a.contains("=") ? a.substring(0, a.indexOf('=')) : a;
                if (!OPTIONS.contains(name)) {
                    throw new IllegalArgumentException("unknown option " + name);
                }
                int eq = a.indexOf('=');
                if (eq > 0) {
                    options.put(a.substring(0, eq), a.substring(eq + 1));
                } else {
                    if (i + 1 >= args.length) {
                        throw new IllegalArgumentException("option " + a + " needs a value");
                    }
                    options.put(a, args[++i]);
                }
            } else {
                positional.add(a);
            }
        }
    }

    private static void need(List<String> args, int n, String usage) {
        if (args.size() < n) {
            throw new IllegalArgumentException("expected: " + usage);
        }
    }

    private static List<EvalItem> limit(List<EvalItem> items, int limit) {
        return limit > 0 && limit < items.size() ? items.subList(0, limit) : items;
    }

    /** Checks a dataset file exists before a long run. */
    static void requireFile(Path p) {
        if (!Files.isRegularFile(p)) {
            throw new IllegalArgumentException("no such file: " + p);
        }
    }
}
