package io.khulasa.prompts;

import java.util.List;

/** A request asked for a prompt version the catalogue does not have. */
public class PromptNotFoundException extends RuntimeException {

    private final String task;
    private final String version;
    private final List<String> available;

    public PromptNotFoundException(String task, String version, List<String> available) {
        super("Prompt version '" + version + "' of task '" + task + "' does not exist; available: " + available);
        this.task = task;
        this.version = version;
        this.available = List.copyOf(available);
    }

    public String task() {
        return task;
    }

    public String version() {
        return version;
    }

    public List<String> available() {
        return available;
    }
}
