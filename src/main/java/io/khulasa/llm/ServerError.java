package io.khulasa.llm;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * What an OpenAI-protocol server said in an error answer (an HTTP error body or a stream's error chunk), in the shapes
 * the servers khulasa meets send:
 * <ul>
 * <li>OpenAI, llama.cpp: {@code {"error": {"message": "…", "type": "…", "code": …}}}; llama.cpp adds
 * {@code n_prompt_tokens} and {@code n_ctx} to a context overflow ({@code type: exceed_context_size_error});</li>
 * <li>vLLM: {@code {"object": "error", "message": "…", "type": "BadRequestError", "code": 400}};</li>
 * <li>Ollama: {@code {"error": "…"}} or the OpenAI shape on {@code /v1};</li>
 * <li>anything else: the body's text.</li>
 * </ul>
 *
 * @param message       the server's message, sanitised (one line, no control characters, keys masked, no article
 *                      text, at most {@value #MAX_MESSAGE} characters); null when it said nothing
 * @param type          its error type, when given
 * @param code          its error code, when given (a string or a number)
 * @param promptTokens  the prompt's tokens, when the server counted them for a context overflow
 * @param contextWindow the server's context window, when it said so
 */
public record ServerError(String message, String type, String code, Integer promptTokens, Integer contextWindow) {

    /** Longest server message kept: enough to say what happened, not enough to echo a prompt. */
    public static final int MAX_MESSAGE = 300;

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ServerError NOTHING = new ServerError(null, null, null, null, null);
    private static final Pattern CONTROL = Pattern.compile("[\\p{Cntrl}\\p{Cf}\\s]+");
    private static final Pattern KEY = Pattern.compile("\\b(sk-|gsk_|hf_|key-)[A-Za-z0-9_\\-]{6,}");
    // "maximum context length is 8192 tokens. However, your messages resulted in 9000 tokens" (OpenAI);
    // "maximum context length is 4096 tokens. However, you requested 5000 tokens (4000 in the messages, …" (vLLM);
    // "request (24669 tokens) exceeds the available context size (8192 tokens)" (llama.cpp)
    private static final Pattern WINDOW = Pattern.compile(
            "(?:maximum (?:context|model) length (?:is|of) |context size \\()(\\d+)");
    private static final java.util.List<Pattern> PROMPT = java.util.List.of(
            Pattern.compile("\\((\\d+) in the messages"), Pattern.compile("resulted in (\\d+) tokens"),
            Pattern.compile("request \\((\\d+) tokens\\)"), Pattern.compile("prompt \\(length (\\d+)\\)"));
    private static final Pattern CONTEXT_EXCEEDED = Pattern.compile(
            "context[_ ]length[_ ]exceeded|maximum context length|exceeds? the (?:available )?context size"
                    + "|longer than the maximum model length|prompt is too long|too many tokens in the prompt");
    // Only what local servers say when their slots or queue are full, or a model is loading: a generic "overloaded"
    // or "unavailable" may as well be a proxy in front of a server that is down (an outage).
    private static final Pattern AT_CAPACITY = Pattern.compile(
            "context size has been exceeded|server busy|maximum pending requests|no (?:free |available )?slots? available"
                    + "|all slots are (?:busy|full)|loading model|model is loading");
    /** Arabic script, and what runs between its words: an error that echoes the prompt quotes the article. */
    private static final Pattern ARABIC_RUN = Pattern.compile(
            "[\\p{InArabic}\\p{InArabic_Presentation_Forms_A}\\p{InArabic_Presentation_Forms_B}]"
                    + "(?:[\\p{InArabic}\\p{InArabic_Presentation_Forms_A}\\p{InArabic_Presentation_Forms_B}\\s\\p{P}\\p{N}]*"
                    + "[\\p{InArabic}\\p{InArabic_Presentation_Forms_A}\\p{InArabic_Presentation_Forms_B}])?");

    /** Reads an error body; never fails (an unreadable body is its own text). */
    public static ServerError parse(String body) {
        if (body == null || body.isBlank()) {
            return NOTHING;
        }
        try {
            JsonNode root = JSON.readTree(body);
            if (root != null && root.isObject()) {
                JsonNode error = root.get("error");
                JsonNode source = error != null && error.isObject() ? error : root;
                String message = error != null && error.isTextual() ? error.asText() : text(source, "message");
                if (message == null) {
                    message = text(root, "detail");
                }
                return new ServerError(sanitise(message), text(source, "type"), text(source, "code"),
                        number(source, "n_prompt_tokens"), number(source, "n_ctx")).withNumbersFromMessage();
            }
        } catch (Exception notJson) {
            // a plain-text or HTML error page: its text is the message
        }
        return new ServerError(sanitise(body), null, null, null, null);
    }

    /** {@code ": <message>"} to append to a detail, or empty when the server said nothing. */
    public String quoted() {
        return message == null || message.isEmpty() ? "" : ": " + message;
    }

    /** A prompt over the model's context window (HTTP 400, in one of the known wordings). */
    public boolean contextExceeded() {
        return "exceed_context_size_error".equals(type) || "context_length_exceeded".equals(code)
                || matches(CONTEXT_EXCEEDED);
    }

    /**
     * The server is full, not down: llama.cpp's slots and KV cache taken by parallel requests ({@code "Context size
     * has been exceeded."}), Ollama's queue full ({@code "server busy … maximum pending requests exceeded"}), a model
     * still loading.
     */
    public boolean atCapacity() {
        return matches(AT_CAPACITY);
    }

    private boolean matches(Pattern pattern) {
        return message != null && pattern.matcher(message.toLowerCase(Locale.ROOT)).find();
    }

    /** OpenAI and vLLM give the numbers only in the message. */
    private ServerError withNumbersFromMessage() {
        if (message == null || promptTokens != null && contextWindow != null) {
            return this;
        }
        Integer window = contextWindow;
        Integer prompt = promptTokens;
        Matcher w = WINDOW.matcher(message);
        if (window == null && w.find()) {
            window = Integer.valueOf(w.group(1));
        }
        for (Pattern pattern : PROMPT) {
            Matcher p = pattern.matcher(message);
            if (prompt == null && p.find()) {
                prompt = Integer.valueOf(p.group(1));
            }
        }
        return new ServerError(message, type, code, prompt, window);
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() || value.isContainerNode() ? null : value.asText();
    }

    private static Integer number(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value != null && value.canConvertToInt() ? value.asInt() : null;
    }

    /**
     * One line, no control or format characters, API keys masked, article text withheld (a server that quotes the
     * prompt would put embargoed news into logs), at most {@value #MAX_MESSAGE} characters.
     */
    static String sanitise(String message) {
        if (message == null) {
            return null;
        }
        String line = CONTROL.matcher(message).replaceAll(" ").strip();
        line = KEY.matcher(line).replaceAll("$1…");
        line = ARABIC_RUN.matcher(line).replaceAll("[article text]");
        if (line.isEmpty()) {
            return null;
        }
        return line.length() <= MAX_MESSAGE ? line : line.substring(0, MAX_MESSAGE - 1) + "…";
    }
}
