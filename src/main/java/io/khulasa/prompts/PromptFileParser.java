package io.khulasa.prompts;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

/**
 * Reads and validates one prompt file. Every problem is an {@link InvalidPromptException} naming the file: bad YAML,
 * an unknown field, a missing {@code {{article}}}, an unknown placeholder, an option placeholder without its texts.
 */
public final class PromptFileParser {

    /** A version file name: {@code v1.yaml}, {@code v12.yml}. */
    public static final Pattern VERSION_FILE = Pattern.compile("v([0-9]{1,6})\\.ya?ml");
    /** A task folder name: {@code summarize}, {@code translate-chunk}. */
    public static final Pattern TASK_NAME = Pattern.compile("[a-z][a-z0-9-]{0,39}");

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);

    /** The fields of a prompt file, as written. Registered for reflection: the native image reads YAML into it. */
    @io.quarkus.runtime.annotations.RegisterForReflection
    record PromptFile(String description, Double temperature,
            @JsonProperty("max-output-tokens") Integer maxOutputTokens, OutputShape output,
            Map<String, LinkedHashMap<String, String>> options, String system, String user) {
    }

    private PromptFileParser() {
    }

    /**
     * Parses one file.
     *
     * @param task     the folder name
     * @param fileName e.g. {@code v1.yaml}
     * @param bytes    the file's content
     * @param source   packaged or external
     * @param location a path or resource name, used in messages
     */
    public static PromptTemplate parse(String task, String fileName, byte[] bytes, PromptSource source, String location) {
        if (!TASK_NAME.matcher(task).matches()) {
            throw new InvalidPromptException(location, "task folder '" + task + "' must match " + TASK_NAME.pattern());
        }
        Matcher name = VERSION_FILE.matcher(fileName);
        if (!name.matches()) {
            throw new InvalidPromptException(location, "file name must be v<number>.yaml");
        }
        if (new String(bytes, StandardCharsets.UTF_8).isBlank()) {
            throw new InvalidPromptException(location, "the file is empty");
        }
        PromptFile file;
        try {
            file = YAML.readValue(new String(bytes, StandardCharsets.UTF_8), PromptFile.class);
        } catch (Exception e) {
            throw new InvalidPromptException(location, "not a valid prompt YAML document: " + firstLine(e.getMessage()), e);
        }
        if (file == null) {
            throw new InvalidPromptException(location, "the file is empty");
        }
        require(location, "description", file.description());
        require(location, "system", file.system());
        require(location, "user", file.user());
        if (file.temperature() != null && (file.temperature() < 0 || file.temperature() > 2)) {
            throw new InvalidPromptException(location, "temperature must be between 0 and 2");
        }
        if (file.maxOutputTokens() != null && file.maxOutputTokens() < 1) {
            throw new InvalidPromptException(location, "max-output-tokens must be positive");
        }
        TemplateText system = compile(location, "system", file.system());
        TemplateText user = compile(location, "user", file.user());
        Set<Placeholder> used = new TreeSet<>(system.placeholders());
        used.addAll(user.placeholders());
        if (!used.contains(Placeholder.ARTICLE)) {
            throw new InvalidPromptException(location, "{{article}} is required (in system or user)");
        }
        Map<String, Map<String, String>> options = file.options() == null ? Map.of() : Map.copyOf(file.options());
        for (String optionName : options.keySet()) {
            Placeholder p = Placeholder.byKey(optionName).filter(Placeholder::fromOptions).orElseThrow(
                    () -> new InvalidPromptException(location, "options." + optionName + " is not an option placeholder"));
            if (!used.contains(p)) {
                throw new InvalidPromptException(location, "options." + optionName + " is defined but {{" + optionName
                        + "}} is never used");
            }
        }
        for (Placeholder p : used) {
            if (p.fromOptions()) {
                Map<String, String> texts = options.get(p.key());
                if (texts == null || !new TreeSet<>(texts.keySet()).equals(new TreeSet<>(p.choices()))) {
                    throw new InvalidPromptException(location, "{{" + p.key() + "}} needs options." + p.key()
                            + " with exactly the keys " + p.choices());
                }
                texts.forEach((k, v) -> require(location, "options." + p.key() + "." + k, v));
            }
        }
        return new PromptTemplate(task, "v" + Integer.parseInt(name.group(1)), Integer.parseInt(name.group(1)),
                file.description().strip(), file.temperature(), file.maxOutputTokens(),
                file.output() == null ? OutputShape.TEXT : file.output(), options, sha256(bytes), source, location,
                system, user);
    }

    private static TemplateText compile(String location, String field, String text) {
        try {
            return TemplateText.parse(text);
        } catch (IllegalArgumentException e) {
            throw new InvalidPromptException(location, field + ": " + e.getMessage());
        }
    }

    private static void require(String location, String field, String value) {
        if (value == null || value.isBlank()) {
            throw new InvalidPromptException(location, "'" + field + "' is required and must not be blank");
        }
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "unreadable";
        }
        int nl = message.indexOf('\n');
        return nl < 0 ? message : message.substring(0, nl);
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is always available", e);
        }
    }
}
