package io.khulasa.tasks;

import java.util.List;

import io.khulasa.chunking.ArticleChunker;
import io.khulasa.chunking.Chunk;
import io.khulasa.cleaning.CleanedArticle;
import io.khulasa.glossary.GlossaryEntry;
import io.khulasa.prompts.PromptTemplate;

/**
 * A long article ready to be processed in chunks: prompts resolved, chunks cut, nothing sent yet. Planning before the
 * first call means an unknown prompt version or option never costs an LLM call.
 *
 * @param article     the cleaned article
 * @param chunkPrompt the chunk prompt ({@code translate-chunk} or {@code summarize-chunk})
 * @param model       the model the chunk calls use
 * @param chunker     the chunker, with the budget the chunks were cut to (used again to split a cut chunk)
 * @param chunks      the chunks, in article order
 * @param names       the article's names list, {@code - name} lines (empty when none or not used)
 * @param glossary    the request's own glossary entries (translation only; the house glossary is added per chunk)
 */
public record ChunkPlan(CleanedArticle article, PromptTemplate chunkPrompt, String model, ArticleChunker chunker,
        List<Chunk> chunks, String names, List<GlossaryEntry> glossary) {

    public ChunkPlan {
        chunks = List.copyOf(chunks);
        glossary = glossary == null ? List.of() : List.copyOf(glossary);
    }
}
