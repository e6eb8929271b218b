package io.khulasa.testing;

import java.io.IOException;
import java.io.UncheckedIOException;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.extension.ResponseTransformerV2;
import com.github.tomakehurst.wiremock.http.Response;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;

/**
 * Makes the fake's {@code usage.prompt_tokens} what a real server would count: a stub that leaves it to the server
 * ({@link FakeLlm#SERVER_COUNTED}) gets the request's message characters divided by {@value #CHARS_PER_TOKEN}, the
 * Qwen2 tokenizer's rate on Arabic news. A fake that reported a constant instead would look like a server that cut the
 * prompt to its context window without saying so (Ollama does), which khulasa treats as a failure.
 */
public class ServerCountedUsage implements ResponseTransformerV2 {

    public static final String NAME = "server-counted-usage";
    static final double CHARS_PER_TOKEN = 2.83;
    private static final ObjectMapper JSON = new ObjectMapper();

    @Override
    public Response transform(Response response, ServeEvent serveEvent) {
        String body = response.getBodyAsString();
        String marker = "\"prompt_tokens\":" + FakeLlm.SERVER_COUNTED;
        if (body == null || !body.contains(marker)) {
            return response;
        }
        int tokens = count(serveEvent.getRequest().getBodyAsString());
        return Response.Builder.like(response).but().body(body.replace(marker, "\"prompt_tokens\":" + tokens)).build();
    }

    static int count(String requestBody) {
        try {
            long chars = 0;
            for (JsonNode message : JSON.readTree(requestBody).path("messages")) {
                chars += message.path("content").asText("").length();
            }
            return (int) Math.max(1, Math.round(chars / CHARS_PER_TOKEN));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public boolean applyGlobally() {
        return true;
    }

    @Override
    public String getName() {
        return NAME;
    }
}
