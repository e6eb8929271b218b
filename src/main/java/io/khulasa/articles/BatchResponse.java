package io.khulasa.articles;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A batch's outcome: one result per article, in the order the articles were sent.
 *
 * @param results   one per article, in input order
 * @param succeeded how many articles succeeded
 * @param failed    how many failed
 */
@Schema(name = "BatchResponse")
public record BatchResponse(List<BatchResult> results, int succeeded, int failed) {
}
