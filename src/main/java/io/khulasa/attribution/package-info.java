/**
 * Sentence-level traceability of LLM outputs, on the CPU and with no model: which sentences of the cleaned article
 * support each sentence of a summary ({@link io.khulasa.attribution.Attribution#summary}) and which article
 * paragraphs each paragraph of a translation renders ({@link io.khulasa.attribution.Attribution#translation}).
 * <p>
 * Plain Java, no JAX-RS and no CDI: the doors map these records to their JSON. Offsets are UTF-16 indexes into
 * the cleaned text exactly as given (what {@code POST /v1/clean} returns as {@code text}); folding (clitics,
 * alef/yeh/teh-marbuta, diacritics, tatweel) is done on copies of words for matching only, and never reaches an
 * output. Never log article text from here.
 */
package io.khulasa.attribution;
