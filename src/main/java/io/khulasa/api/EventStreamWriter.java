package io.khulasa.api;

import java.io.IOException;
import java.io.OutputStream;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;

import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.ext.MessageBodyWriter;
import jakarta.ws.rs.ext.Provider;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.khulasa.articles.ArticleStream;
import io.quarkus.logging.Log;

/**
 * Writes a streamed task ({@link ArticleStream}, the body of {@link EventStream#response}) as Server-Sent Events with
 * the application's JSON mapper, so an endpoint returns the planned work and needs no mapper of its own.
 */
@Provider
@Produces(MediaType.SERVER_SENT_EVENTS)
public class EventStreamWriter implements MessageBodyWriter<ArticleStream> {

    private final ObjectMapper json;

    public EventStreamWriter(ObjectMapper json) {
        this.json = json;
    }

    @Override
    public boolean isWriteable(Class<?> type, Type genericType, Annotation[] annotations, MediaType mediaType) {
        return ArticleStream.class.isAssignableFrom(type);
    }

    @Override
    public void writeTo(ArticleStream work, Class<?> type, Type genericType, Annotation[] annotations,
            MediaType mediaType, MultivaluedMap<String, Object> httpHeaders, OutputStream entityStream) {
        if (!EventStream.write(entityStream, json, work)) {
            // The client went away: the response can no longer be ended. Closed here, its failure expected, the stream
            // is left closed for Quarkus REST, which would otherwise close it again and report the failure as an
            // unexpected 500 (an ERROR log with a stack trace for an editor pressing Stop).
            try {
                entityStream.close();
            } catch (IOException expected) {
                Log.debugf("Event stream's response not ended: the client is gone (%s)", expected.getClass().getSimpleName());
            }
        }
    }
}
