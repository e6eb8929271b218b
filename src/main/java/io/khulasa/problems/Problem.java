package io.khulasa.problems;

import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * An RFC 9457 problem detail, the body of every error response ({@code application/problem+json}), with a stable
 * {@code code} clients can switch on. Extension members (e.g. {@code available}, {@code violations}) are flattened
 * into the object, as the RFC describes. Built only by the one failure→problem mapping, {@link Problems}.
 */
@RegisterForReflection
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({ "type", "title", "status", "detail", "code" })
@Schema(name = "Problem", description = "RFC 9457 problem details with a stable `code`; extension members such as "
        + "`task`, `available`, `violations` or `errors` may follow.", additionalProperties = Schema.True.class)
public final class Problem {

    /** Problem type URIs are {@code urn:khulasa:problem:<code>}: stable, and never mistaken for a fetchable page. */
    public static final String TYPE_PREFIX = "urn:khulasa:problem:";
    public static final String MEDIA_TYPE = "application/problem+json";

    @Schema(description = "Problem type URI", examples = "urn:khulasa:problem:no-arabic-text", required = true)
    private final String type;
    @Schema(description = "Short summary of the problem type", examples = "No Arabic article in the input", required = true)
    private final String title;
    @Schema(description = "HTTP status code", examples = "422", required = true)
    private final int status;
    @Schema(description = "What went wrong with this request", examples = "The input has 0 Arabic letters; an Arabic news article is expected.")
    private final String detail;
    @Schema(description = "Stable machine-readable code", examples = "no-arabic-text", required = true)
    private final String code;
    private final Map<String, Object> extensions;

    Problem(ProblemType problemType, String detail, Map<String, Object> extensions) {
        this.type = TYPE_PREFIX + problemType.code();
        this.title = problemType.title();
        this.status = problemType.status();
        this.detail = detail;
        this.code = problemType.code();
        this.extensions = extensions == null ? Map.of() : new LinkedHashMap<>(extensions);
    }

    public String getType() {
        return type;
    }

    public String getTitle() {
        return title;
    }

    public int getStatus() {
        return status;
    }

    public String getDetail() {
        return detail;
    }

    public String getCode() {
        return code;
    }

    @JsonAnyGetter
    @Schema(hidden = true)
    public Map<String, Object> getExtensions() {
        return extensions;
    }
}
