package io.khulasa.prompts;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.EnumMap;
import java.util.Map;
import java.util.Properties;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.runtime.Startup;

/**
 * The words of a reprompt, all of them data: a prompt version's own {@code reprompt} text, or for versions without
 * one the packaged default {@value #DEFAULT_REPROMPT}; and what {@code {{problem}}} says for each output guard, from
 * {@value #PROBLEMS}. Both files are read and checked at start-up ({@link Startup}), so a broken one stops the
 * service instead of a request.
 */
@Startup
@ApplicationScoped
public class RepromptTexts {

    static final String DEFAULT_REPROMPT = "prompts-defaults/reprompt.txt";
    static final String PROBLEMS = "prompts-defaults/guard-problems.properties";

    private final TemplateText defaultReprompt;
    private final Properties problems;

    public RepromptTexts() {
        this.defaultReprompt = PromptFileParser.compileReprompt(DEFAULT_REPROMPT, read(DEFAULT_REPROMPT));
        this.problems = new Properties();
        try (InputStream in = resource(PROBLEMS)) {
            problems.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + PROBLEMS, e);
        }
    }

    /**
     * The follow-up user message after a rejected answer.
     *
     * @param template the prompt version that produced the answer (its {@code reprompt}, else the default)
     * @param problem  what was wrong, rendered into {@code {{problem}}}
     */
    public String reprompt(PromptTemplate template, String problem) {
        Map<Placeholder, String> values = new EnumMap<>(Placeholder.class);
        values.put(Placeholder.PROBLEM, problem);
        return template.repromptText().orElse(defaultReprompt).render(values).strip();
    }

    /**
     * What a failed guard means, in words for the model: {@code <code>.<task>}, else {@code <code>}, else the code.
     */
    public String problem(String guardCode, String task) {
        String text = problems.getProperty(guardCode + "." + task);
        if (text == null) {
            text = problems.getProperty(guardCode, guardCode);
        }
        return text.strip();
    }

    private static String read(String name) {
        try (InputStream in = resource(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + name, e);
        }
    }

    private static InputStream resource(String name) {
        InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(name);
        if (in == null) {
            in = RepromptTexts.class.getClassLoader().getResourceAsStream(name);
        }
        if (in == null) {
            throw new IllegalStateException("Packaged resource " + name + " is missing");
        }
        return in;
    }
}
