package io.khulasa.prompts;

/** The two messages a prompt version produced for one article, ready for the model. */
public record RenderedPrompt(PromptTemplate template, String system, String user) {
}
