package io.khulasa.articles;

import java.io.IOException;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.BeanProperty;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.deser.ContextualDeserializer;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * One article of a batch or job: the single-article request's fields, flat, plus the client's {@code id}
 * ({@code {"id": "afp-1", "text": "…", "length": "short"}}). Read as the id and the single-article request, so the
 * request's own rules apply unchanged (unknown fields, types, validation); the OpenAPI schema of each item type is
 * the request's schema plus {@code id} ({@code api.OpenApiDocument}).
 *
 * @param id      the client's id for the article, unique in the batch; results carry it
 * @param request the single-article request
 * @param <R>     the single-article request type
 */
@JsonDeserialize(using = BatchItem.Reader.class)
public record BatchItem<R extends ArticleFields>(String id, R request) {

    /** Reads {@code id} off the object and the rest as the request type of the item. */
    static final class Reader extends JsonDeserializer<BatchItem<?>> implements ContextualDeserializer {

        private final JavaType requestType;

        Reader() {
            this(null);
        }

        private Reader(JavaType requestType) {
            this.requestType = requestType;
        }

        @Override
        public JsonDeserializer<?> createContextual(DeserializationContext ctxt, BeanProperty property) {
            JavaType type = ctxt.getContextualType() != null ? ctxt.getContextualType() : property.getType();
            return new Reader(type.containedType(0));
        }

        @Override
        public BatchItem<?> deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            if (p.currentToken() != JsonToken.START_OBJECT) {
                return (BatchItem<?>) ctxt.handleUnexpectedToken(BatchItem.class, p);
            }
            ObjectNode node = ctxt.readTree(p).deepCopy();
            JsonNode id = node.remove("id");
            if (id != null && !id.isNull() && !id.isTextual()) {
                MismatchedInputException wrongType = MismatchedInputException.from(p, String.class,
                        "'id' must be a string");
                wrongType.prependPath(node, "id");
                throw wrongType;
            }
            ArticleFields request = ctxt.readTreeAsValue(node, requestType);
            return new BatchItem<>(id == null || id.isNull() ? null : id.asText(), request);
        }
    }
}
