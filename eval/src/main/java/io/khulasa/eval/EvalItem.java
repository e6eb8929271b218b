package io.khulasa.eval;

/**
 * One evaluation item, one JSONL line: {@code {"id": "...", "text": "...", "reference": "...", "title": "..."}}.
 *
 * @param id        unique within the dataset
 * @param text      Arabic source sent to khulasa
 * @param reference English translation or Arabic summary it is scored against
 * @param title     optional article title
 */
public record EvalItem(String id, String text, String reference, String title) {
}
