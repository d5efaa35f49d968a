package dev.kustospark.local.protocol;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.kustospark.local.KustoException;
import dev.kustospark.local.types.KustoValues;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

/** The service's error object; see {@link KustoException} for its shape. */
public final class ErrorPayload {
    /** Shown as {@code serviceAlias} in every error context. */
    public static final String SERVICE_ALIAS = "KUSTO-LOCAL";

    static final JsonFactory JSON = new JsonFactory();

    private ErrorPayload() {}

    /** Writes {@code {"error":{...}}} at the generator's position. */
    public static void write(JsonGenerator g, KustoException e, RequestIds ids) throws IOException {
        g.writeStartObject();
        g.writeFieldName("error");
        g.writeStartObject();
        String message = e.getMessage() == null ? e.summary() : e.getMessage();
        g.writeStringField("code", e.code());
        g.writeStringField("message", e.summary());
        g.writeStringField("@type", e.type());
        g.writeStringField("@message", message);
        context(g, ids);
        g.writeBooleanField("@permanent", e.permanent());
        g.writeFieldName("innererror");
        g.writeStartObject();
        g.writeStringField("code", e.inner().code());
        g.writeStringField("message", e.innerMessage());
        g.writeStringField("@type", e.inner().type());
        g.writeStringField("@message", message);
        context(g, ids);
        g.writeBooleanField("@permanent", e.permanent());
        g.writeStringField("@errorCode", e.inner().code());
        g.writeStringField("@errorMessage", e.innerMessage());
        g.writeEndObject();
        g.writeEndObject();
        g.writeEndObject();
    }

    private static void context(JsonGenerator g, RequestIds ids) throws IOException {
        g.writeFieldName("@context");
        g.writeStartObject();
        g.writeStringField("timestamp", KustoValues.formatDateTime(ids.received()));
        g.writeStringField("serviceAlias", SERVICE_ALIAS);
        g.writeStringField("clientRequestId", ids.clientRequestId());
        g.writeStringField("activityId", ids.activityId());
        g.writeEndObject();
    }

    /** The complete HTTP error body for {@code e}, UTF-8 JSON. */
    public static byte[] body(KustoException e, RequestIds ids) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(512);
        try (JsonGenerator g = JSON.createGenerator(out)) {
            write(g, e, ids);
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
        return out.toByteArray();
    }
}
