package io.khulasa.api;

import java.io.IOException;
import java.io.OutputStream;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.util.function.BooleanSupplier;

import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.ext.Provider;

import org.jboss.resteasy.reactive.server.spi.ResteasyReactiveResourceInfo;
import org.jboss.resteasy.reactive.server.spi.ServerMessageBodyWriter;
import org.jboss.resteasy.reactive.server.spi.ServerRequestContext;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.khulasa.articles.ArticleStream;
import io.quarkus.logging.Log;

/**
 * Writes a streamed task ({@link ArticleStream}, the body of {@link EventStream#response}) as Server-Sent Events with
 * the application's JSON mapper, so an endpoint returns the planned work and needs no mapper of its own.
 * <p>
 * A Quarkus REST writer rather than a plain JAX-RS one for one thing JAX-RS does not give: whether the client is still
 * connected. A write to a connection the client has closed does not fail at once (the bytes are dropped), so a stream
 * whose editor pressed Stop could run its model call on; now each event first asks the response whether its
 * connection is closed, and the stream stops at the next piece of the answer, closing the model's connection with it.
 * (When the request's thread is interrupted instead, the LLM gateway stops the call the same way.)
 */
@Provider
@Produces(MediaType.SERVER_SENT_EVENTS)
public class EventStreamWriter implements ServerMessageBodyWriter<ArticleStream> {

    private final ObjectMapper json;

    public EventStreamWriter(ObjectMapper json) {
        this.json = json;
    }

    @Override
    public boolean isWriteable(Class<?> type, Type genericType, ResteasyReactiveResourceInfo target, MediaType mediaType) {
        return ArticleStream.class.isAssignableFrom(type);
    }

    @Override
    public void writeResponse(ArticleStream work, Type genericType, ServerRequestContext context) {
        write(work, context.getOrCreateOutputStream(), context.serverResponse()::closed);
    }

    @Override
    public boolean isWriteable(Class<?> type, Type genericType, Annotation[] annotations, MediaType mediaType) {
        return ArticleStream.class.isAssignableFrom(type);
    }

    @Override
    public void writeTo(ArticleStream work, Class<?> type, Type genericType, Annotation[] annotations,
            MediaType mediaType, MultivaluedMap<String, Object> httpHeaders, OutputStream entityStream) {
        write(work, entityStream, () -> false); // not through Quarkus REST's server: no connection to ask
    }

    private void write(ArticleStream work, OutputStream out, BooleanSupplier clientGone) {
        if (!EventStream.write(out, json, work, clientGone)) {
            // The client went away: the response can no longer be ended. Closed here, its failure expected, the stream
            // is left closed for Quarkus REST, which would otherwise close it again and report the failure as an
            // unexpected 500 (an ERROR log with a stack trace for an editor pressing Stop).
            try {
                out.close();
            } catch (IOException expected) {
                Log.debugf("Event stream's response not ended: the client is gone (%s)", expected.getClass().getSimpleName());
            }
        }
    }
}
