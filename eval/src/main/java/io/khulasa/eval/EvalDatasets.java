package io.khulasa.eval;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Reads and writes evaluation datasets (JSONL, UTF-8, one {@link EvalItem} per line) and converts the two public
 * sets: FLORES-200 devtest (line-aligned {@code arb_Arab} / {@code eng_Latn} files) and the BBC Arabic
 * summaries JSONL ({@code id, title, text, reference_summary}).
 */
public final class EvalDatasets {

    private static final ObjectMapper JSON = new ObjectMapper();

    private EvalDatasets() {
    }

    /** Reads a dataset; blank lines are skipped. @throws IllegalArgumentException naming file and line */
    public static List<EvalItem> read(Path file) throws IOException {
        Set<String> ids = new HashSet<>();
        return readJsonLines(file, (node, lineNo) -> {
            EvalItem item = new EvalItem(required(node, "id", file, lineNo), required(node, "text", file, lineNo),
                    required(node, "reference", file, lineNo), optional(node, "title"));
            if (!ids.add(item.id())) {
                throw new IllegalArgumentException(file + " line " + lineNo + ": duplicate id '" + item.id() + "'");
            }
            return item;
        });
    }

    /** Turns one JSON line into an item; {@code lineNo} is 1-based, for messages. */
    private interface LineToItem {
        EvalItem item(JsonNode node, int lineNo);
    }

    /** Every non-blank line of a JSONL file as an item. @throws IllegalArgumentException naming file and line */
    private static List<EvalItem> readJsonLines(Path file, LineToItem toItem) throws IOException {
        List<EvalItem> items = new ArrayList<>();
        int lineNo = 0;
        try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String line;
            while ((line = r.readLine()) != null) {
                lineNo++;
                if (line.isBlank()) {
                    continue;
                }
                JsonNode node;
                try {
                    node = JSON.readTree(line);
                } catch (JsonProcessingException e) {
                    throw new IllegalArgumentException(file + " line " + lineNo + ": invalid JSON: " + e.getOriginalMessage());
                }
                items.add(toItem.item(node, lineNo));
            }
        }
        return items;
    }

    private static String optional(JsonNode node, String field) {
        return node.hasNonNull(field) ? node.get(field).asText() : null;
    }

    private static String required(JsonNode node, String field, Path file, int lineNo) {
        if (node == null || !node.isObject() || !node.hasNonNull(field) || node.get(field).asText().isBlank()) {
            throw new IllegalArgumentException(file + " line " + lineNo + ": missing or blank '" + field + "'");
        }
        return node.get(field).asText();
    }

    /** Writes items as JSONL ({@code title} only when present). */
    public static void write(Path file, List<EvalItem> items) throws IOException {
        try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            for (EvalItem item : items) {
                ObjectNode node = JSON.createObjectNode();
                node.put("id", item.id());
                if (item.title() != null) {
                    node.put("title", item.title());
                }
                node.put("text", item.text());
                node.put("reference", item.reference());
                w.write(JSON.writeValueAsString(node));
                w.write('\n');
            }
        }
    }

    /**
     * FLORES-200: line {@code i} of the Arabic file is the source, line {@code i} of the English file the
     * reference; ids are {@code flores-devtest-0001}, ... (1-based line number).
     */
    public static List<EvalItem> fromFlores(Path arabic, Path english) throws IOException {
        List<String> ar = Files.readAllLines(arabic, StandardCharsets.UTF_8);
        List<String> en = Files.readAllLines(english, StandardCharsets.UTF_8);
        if (ar.size() != en.size()) {
            throw new IllegalArgumentException("FLORES files are not line-aligned: " + arabic + " has " + ar.size()
                    + " lines, " + english + " has " + en.size());
        }
        List<EvalItem> items = new ArrayList<>(ar.size());
        for (int i = 0; i < ar.size(); i++) {
            if (ar.get(i).isBlank() || en.get(i).isBlank()) {
                throw new IllegalArgumentException("FLORES line " + (i + 1) + " is blank in " + (ar.get(i).isBlank() ? arabic : english));
            }
            items.add(new EvalItem("flores-devtest-%04d".formatted(i + 1), ar.get(i).strip(), en.get(i).strip(), null));
        }
        return items;
    }

    /** BBC Arabic summaries: {@code reference_summary} becomes {@code reference}; id, title and text are kept. */
    public static List<EvalItem> fromBbc(Path jsonl) throws IOException {
        return readJsonLines(jsonl, (node, lineNo) -> new EvalItem(required(node, "id", jsonl, lineNo),
                required(node, "text", jsonl, lineNo), required(node, "reference_summary", jsonl, lineNo),
                optional(node, "title")));
    }
}
