package io.khulasa.articles;

import java.io.IOException;
import java.util.List;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.Module;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;

import io.khulasa.cleaning.CleaningReport;
import io.khulasa.cleaning.FlaggedToken;
import io.khulasa.cleaning.RemovedLine;
import io.khulasa.cleaning.RepairedWord;
import io.khulasa.tasks.Provenance;

/**
 * Field-by-field writers for a summary's answer: the answer, each summary sentence and its article spans, the
 * provenance, the cleaning report and each removed line, repaired word and flagged token (all but a
 * handful of the reference answer's 90 values). Why: the bean serializer reads every record component through
 * reflection (a method handle per value since JDK 18) and looks a serializer up for it; on a request after an idle
 * spell that was half of writing the answer (issue 20, phase 17). The JSON is exactly the bean serializer's: the
 * components in declaration order, a null as {@code null}, the records' {@code @JsonInclude} rules kept (a null
 * {@code requestId}, {@code traceId}, {@code chunks}, {@code chunkUsage} or cleaned {@code text} left out, an empty
 * {@code cachedParts} too); maps, the token usage and the rarer lists (glossary entries, chunk usage) go to the
 * mapper's own serializers. {@code ResponseSerializersTest} holds each writer to a plain {@code ObjectMapper}'s output. A field
 * added to one of these records must be added here too (the test fails until it is).
 */
public final class ResponseSerializers {

    private ResponseSerializers() {
    }

    /** The writers, for the service's {@code ObjectMapper}. */
    public static Module module() {
        SimpleModule module = new SimpleModule("khulasa-responses");
        add(module, SummaryResponse.class, (answer, g, provider) -> {
            g.writeStringField("summary", answer.summary());
            g.writeStringField("title", answer.title());
            list(g, provider, "sentences", answer.sentences());
            provider.defaultSerializeField("provenance", answer.provenance(), g);
            provider.defaultSerializeField("cleaning", answer.cleaning(), g);
        });
        add(module, SummarySentence.class, (sentence, g, provider) -> {
            g.writeStringField("text", sentence.text());
            g.writeBooleanField("supported", sentence.supported());
            g.writeNumberField("score", sentence.score());
            list(g, provider, "sources", sentence.sources());
        });
        add(module, ArticleSpan.class, (span, g, provider) -> {
            g.writeNumberField("start", span.start());
            g.writeNumberField("end", span.end());
            g.writeStringField("text", span.text());
        });
        add(module, Provenance.class, (p, g, provider) -> {
            if (p.requestId() != null) {
                g.writeStringField("requestId", p.requestId());
            }
            if (p.traceId() != null) {
                g.writeStringField("traceId", p.traceId());
            }
            g.writeStringField("model", p.model());
            provider.defaultSerializeField("prompts", p.prompts(), g);
            provider.defaultSerializeField("promptHashes", p.promptHashes(), g);
            provider.defaultSerializeField("usage", p.usage(), g);
            g.writeNumberField("llmCalls", p.llmCalls());
            g.writeNumberField("durationMs", p.durationMs());
            list(g, provider, "glossary", p.glossary());
            list(g, provider, "warnings", p.warnings());
            g.writeStringField("engine", p.engine());
            g.writeBooleanField("cached", p.cached());
            if (p.chunks() != null) {
                g.writeNumberField("chunks", p.chunks());
            }
            if (p.chunkUsage() != null) {
                list(g, provider, "chunkUsage", p.chunkUsage());
            }
            if (p.cachedParts() != null && !p.cachedParts().isEmpty()) {
                list(g, provider, "cachedParts", p.cachedParts());
            }
        });
        add(module, CleaningReport.class, (report, g, provider) -> {
            g.writeNumberField("charsIn", report.charsIn());
            g.writeNumberField("charsOut", report.charsOut());
            list(g, provider, "removedLines", report.removedLines());
            list(g, provider, "repairedWords", report.repairedWords());
            list(g, provider, "flagged", report.flagged());
            g.writeStringField("source", report.source());
            g.writeStringField("siteName", report.siteName());
            provider.defaultSerializeField("rules", report.rules(), g);
            if (report.text() != null) {
                g.writeStringField("text", report.text());
            }
        });
        add(module, RemovedLine.class, (removed, g, provider) -> {
            g.writeStringField("rule", removed.rule());
            g.writeStringField("line", removed.line());
        });
        add(module, RepairedWord.class, (repaired, g, provider) -> {
            g.writeStringField("rule", repaired.rule());
            g.writeStringField("from", repaired.from());
            g.writeStringField("to", repaired.to());
        });
        add(module, FlaggedToken.class, (flagged, g, provider) -> {
            g.writeStringField("rule", flagged.rule());
            g.writeStringField("token", flagged.token());
            g.writeStringField("reason", flagged.reason());
        });
        return module;
    }

    /** What one record's writer writes between its object's braces. */
    @FunctionalInterface
    private interface Fields<T> {
        void write(T value, JsonGenerator g, SerializerProvider provider) throws IOException;
    }

    /** {@code type}'s writer: an object of the fields {@code fields} writes. */
    private static <T> void add(SimpleModule module, Class<T> type, Fields<T> fields) {
        module.addSerializer(type, new StdSerializer<T>(type) {
            @Override
            public void serialize(T value, JsonGenerator g, SerializerProvider provider) throws IOException {
                g.writeStartObject(value);
                fields.write(value, g, provider);
                g.writeEndObject();
            }
        });
    }

    /** A list of values each written by its type's serializer (a hand-written one when it has one), or null. */
    private static void list(JsonGenerator g, SerializerProvider provider, String name, List<?> values) throws IOException {
        g.writeFieldName(name);
        if (values == null) {
            g.writeNull();
            return;
        }
        g.writeStartArray(values, values.size());
        for (Object value : values) {
            provider.defaultSerializeValue(value, g);
        }
        g.writeEndArray();
    }
}
