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

    private static final Spans SPANS = new Spans();

    private ResponseSerializers() {
    }

    /** The writers, for the service's {@code ObjectMapper}. */
    public static Module module() {
        SimpleModule module = new SimpleModule("khulasa-responses");
        module.addSerializer(ArticleSpan.class, SPANS);
        module.addSerializer(SummarySentence.class, new Sentences());
        module.addSerializer(RemovedLine.class, new RemovedLines());
        module.addSerializer(RepairedWord.class, new RepairedWords());
        module.addSerializer(FlaggedToken.class, new FlaggedTokens());
        module.addSerializer(CleaningReport.class, new CleaningReports());
        module.addSerializer(Provenance.class, new Provenances());
        module.addSerializer(SummaryResponse.class, new SummaryResponses());
        return module;
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

    static final class SummaryResponses extends StdSerializer<SummaryResponse> {
        SummaryResponses() {
            super(SummaryResponse.class);
        }

        @Override
        public void serialize(SummaryResponse answer, JsonGenerator g, SerializerProvider provider) throws IOException {
            g.writeStartObject(answer);
            g.writeStringField("summary", answer.summary());
            g.writeStringField("title", answer.title());
            list(g, provider, "sentences", answer.sentences());
            provider.defaultSerializeField("provenance", answer.provenance(), g);
            provider.defaultSerializeField("cleaning", answer.cleaning(), g);
            g.writeEndObject();
        }
    }

    static final class Provenances extends StdSerializer<Provenance> {
        Provenances() {
            super(Provenance.class);
        }

        @Override
        public void serialize(Provenance p, JsonGenerator g, SerializerProvider provider) throws IOException {
            g.writeStartObject(p);
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
            g.writeEndObject();
        }
    }

    static final class CleaningReports extends StdSerializer<CleaningReport> {
        CleaningReports() {
            super(CleaningReport.class);
        }

        @Override
        public void serialize(CleaningReport report, JsonGenerator g, SerializerProvider provider) throws IOException {
            g.writeStartObject(report);
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
            g.writeEndObject();
        }
    }

    static final class FlaggedTokens extends StdSerializer<FlaggedToken> {
        FlaggedTokens() {
            super(FlaggedToken.class);
        }

        @Override
        public void serialize(FlaggedToken flagged, JsonGenerator g, SerializerProvider provider) throws IOException {
            g.writeStartObject(flagged);
            g.writeStringField("rule", flagged.rule());
            g.writeStringField("token", flagged.token());
            g.writeStringField("reason", flagged.reason());
            g.writeEndObject();
        }
    }

    static final class Spans extends StdSerializer<ArticleSpan> {
        Spans() {
            super(ArticleSpan.class);
        }

        @Override
        public void serialize(ArticleSpan span, JsonGenerator g, SerializerProvider provider) throws IOException {
            g.writeStartObject(span);
            g.writeNumberField("start", span.start());
            g.writeNumberField("end", span.end());
            g.writeStringField("text", span.text());
            g.writeEndObject();
        }
    }

    static final class Sentences extends StdSerializer<SummarySentence> {
        Sentences() {
            super(SummarySentence.class);
        }

        @Override
        public void serialize(SummarySentence sentence, JsonGenerator g, SerializerProvider provider) throws IOException {
            g.writeStartObject(sentence);
            g.writeStringField("text", sentence.text());
            g.writeBooleanField("supported", sentence.supported());
            g.writeNumberField("score", sentence.score());
            g.writeFieldName("sources");
            List<ArticleSpan> sources = sentence.sources();
            if (sources == null) {
                g.writeNull();
            } else {
                g.writeStartArray(sources, sources.size());
                for (ArticleSpan span : sources) {
                    if (span == null) {
                        g.writeNull();
                    } else {
                        SPANS.serialize(span, g, provider);
                    }
                }
                g.writeEndArray();
            }
            g.writeEndObject();
        }
    }

    static final class RemovedLines extends StdSerializer<RemovedLine> {
        RemovedLines() {
            super(RemovedLine.class);
        }

        @Override
        public void serialize(RemovedLine removed, JsonGenerator g, SerializerProvider provider) throws IOException {
            g.writeStartObject(removed);
            g.writeStringField("rule", removed.rule());
            g.writeStringField("line", removed.line());
            g.writeEndObject();
        }
    }

    static final class RepairedWords extends StdSerializer<RepairedWord> {
        RepairedWords() {
            super(RepairedWord.class);
        }

        @Override
        public void serialize(RepairedWord repaired, JsonGenerator g, SerializerProvider provider) throws IOException {
            g.writeStartObject(repaired);
            g.writeStringField("rule", repaired.rule());
            g.writeStringField("from", repaired.from());
            g.writeStringField("to", repaired.to());
            g.writeEndObject();
        }
    }
}
