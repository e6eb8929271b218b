package io.khulasa.glossary;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

/**
 * Reads a house glossary file, chosen by extension:
 * <ul>
 * <li>{@code .csv}: UTF-8, RFC 4180 (quoted fields, {@code ""} escapes, line breaks inside quotes), header row
 * naming the columns {@code arabic,english,kind,note} (any order; {@code kind} and {@code note} optional);</li>
 * <li>{@code .yaml}/{@code .yml}: a list of mappings with the same keys.</li>
 * </ul>
 * Every entry is then checked by {@link GlossaryValidator}. Errors name the file and the line (CSV) or entry
 * number (YAML).
 */
public final class GlossaryFileLoader {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private GlossaryFileLoader() {
    }

    /** Loads and validates {@code file}. @throws InvalidGlossaryException on any problem, including I/O */
    public static List<GlossaryEntry> load(Path file) {
        String name = file.toString();
        String lower = name.toLowerCase(Locale.ROOT);
        String content;
        try {
            content = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException | RuntimeException e) {
            throw new InvalidGlossaryException("Cannot read glossary " + name + ": " + e.getMessage(), e);
        }
        if (content.startsWith("\uFEFF")) {
            content = content.substring(1);
        }
        List<GlossaryValidator.LocatedEntry> located;
        if (lower.endsWith(".csv")) {
            located = parseCsv(name, content);
        } else if (lower.endsWith(".yaml") || lower.endsWith(".yml")) {
            located = parseYaml(name, content);
        } else {
            throw new InvalidGlossaryException("Glossary " + name + ": unsupported extension (use .csv, .yaml or .yml)");
        }
        return GlossaryValidator.validate(name, located);
    }

    static List<GlossaryValidator.LocatedEntry> parseCsv(String name, String content) {
        List<CsvRecord> records = CsvRecord.parse(name, content);
        if (records.isEmpty()) {
            throw new InvalidGlossaryException("Glossary " + name + ": empty file (expected header arabic,english,kind,note)");
        }
        CsvRecord header = records.get(0);
        Map<String, Integer> columns = new HashMap<>();
        for (int i = 0; i < header.fields().size(); i++) {
            String col = header.fields().get(i).strip().toLowerCase(Locale.ROOT);
            if (!List.of("arabic", "english", "kind", "note").contains(col)) {
                throw new InvalidGlossaryException("Glossary " + name + " line " + header.line() + ": unknown column '" + col
                        + "' (expected arabic,english,kind,note)");
            }
            columns.put(col, i);
        }
        if (!columns.containsKey("arabic") || !columns.containsKey("english")) {
            throw new InvalidGlossaryException("Glossary " + name + " line " + header.line()
                    + ": header must name at least 'arabic' and 'english' (expected arabic,english,kind,note)");
        }
        List<GlossaryValidator.LocatedEntry> out = new ArrayList<>();
        for (CsvRecord r : records.subList(1, records.size())) {
            if (r.fields().size() == 1 && r.fields().get(0).isBlank()) {
                continue; // blank line
            }
            if (r.fields().size() > header.fields().size()) {
                throw new InvalidGlossaryException("Glossary " + name + " line " + r.line() + ": " + r.fields().size()
                        + " fields, header has " + header.fields().size());
            }
            String location = "line " + r.line();
            try {
                out.add(new GlossaryValidator.LocatedEntry(new GlossaryEntry(r.field(columns.get("arabic")),
                        r.field(columns.get("english")), GlossaryKind.parse(r.field(columns.get("kind"))),
                        r.field(columns.get("note"))), location));
            } catch (IllegalArgumentException e) {
                throw new InvalidGlossaryException("Glossary " + name + " " + location + ": " + e.getMessage());
            }
        }
        return out;
    }

    static List<GlossaryValidator.LocatedEntry> parseYaml(String name, String content) {
        JsonNode root;
        try {
            root = YAML.readTree(content);
        } catch (IOException e) {
            throw new InvalidGlossaryException("Glossary " + name + ": invalid YAML: " + e.getMessage().lines().findFirst().orElse(""), e);
        }
        if (root == null || root.isMissingNode() || root.isNull()) {
            return List.of();
        }
        if (!root.isArray()) {
            throw new InvalidGlossaryException("Glossary " + name + ": expected a YAML list of entries");
        }
        List<GlossaryValidator.LocatedEntry> out = new ArrayList<>();
        for (int i = 0; i < root.size(); i++) {
            JsonNode node = root.get(i);
            String location = "entry " + (i + 1);
            if (!node.isObject()) {
                throw new InvalidGlossaryException("Glossary " + name + " " + location + ": expected a mapping with arabic, english");
            }
            var names = node.fieldNames();
            while (names.hasNext()) {
                String f = names.next();
                if (!List.of("arabic", "english", "kind", "note").contains(f)) {
                    throw new InvalidGlossaryException("Glossary " + name + " " + location + ": unknown key '" + f + "'");
                }
            }
            try {
                out.add(new GlossaryValidator.LocatedEntry(new GlossaryEntry(text(node, "arabic"), text(node, "english"),
                        GlossaryKind.parse(node.hasNonNull("kind") ? node.get("kind").asText() : null),
                        node.hasNonNull("note") ? node.get("note").asText() : null), location));
            } catch (IllegalArgumentException e) {
                throw new InvalidGlossaryException("Glossary " + name + " " + location + ": " + e.getMessage());
            }
        }
        return out;
    }

    private static String text(JsonNode node, String field) {
        return node.hasNonNull(field) ? node.get(field).asText() : "";
    }

    /** One CSV record and the line it starts on. */
    record CsvRecord(int line, List<String> fields) {

        String field(Integer index) {
            return index == null || index >= fields.size() ? "" : fields.get(index);
        }

        /** RFC 4180 parser (also accepts LF-only line ends). */
        static List<CsvRecord> parse(String name, String s) {
            List<CsvRecord> records = new ArrayList<>();
            List<String> fields = new ArrayList<>();
            StringBuilder field = new StringBuilder();
            int line = 1;
            int recordLine = 1;
            boolean inQuotes = false;
            boolean quotedField = false;
            int i = 0;
            while (i < s.length()) {
                char c = s.charAt(i);
                if (inQuotes) {
                    if (c == '"') {
                        if (i + 1 < s.length() && s.charAt(i + 1) == '"') {
                            field.append('"');
                            i += 2;
                            continue;
                        }
                        inQuotes = false;
                    } else {
                        if (c == '\n') {
                            line++;
                        }
                        field.append(c);
                    }
                    i++;
                    continue;
                }
                switch (c) {
                    case '"' -> {
                        if (!field.isEmpty() || quotedField) {
                            throw new InvalidGlossaryException("Glossary " + name + " line " + line
                                    + ": quote inside an unquoted field (quote the whole field and double inner quotes)");
                        }
                        inQuotes = true;
                        quotedField = true;
                    }
                    case ',' -> {
                        fields.add(field.toString());
                        field.setLength(0);
                        quotedField = false;
                    }
                    case '\r' -> {
                        // part of CRLF; a lone CR is ignored
                    }
                    case '\n' -> {
                        fields.add(field.toString());
                        records.add(new CsvRecord(recordLine, List.copyOf(fields)));
                        fields.clear();
                        field.setLength(0);
                        quotedField = false;
                        line++;
                        recordLine = line;
                    }
                    default -> {
                        if (quotedField) {
                            throw new InvalidGlossaryException("Glossary " + name + " line " + line
                                    + ": text after a closing quote");
                        }
                        field.append(c);
                    }
                }
                i++;
            }
            if (inQuotes) {
                throw new InvalidGlossaryException("Glossary " + name + " line " + recordLine + ": unterminated quoted field");
            }
            if (!field.isEmpty() || !fields.isEmpty() || quotedField) {
                fields.add(field.toString());
                records.add(new CsvRecord(recordLine, List.copyOf(fields)));
            }
            return records;
        }
    }
}
