package dev.ariadne.server.api.jaeger;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.linecorp.armeria.common.HttpResponse;
import com.linecorp.armeria.common.HttpStatus;
import com.linecorp.armeria.common.MediaType;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * Jaeger's response envelope, {"data":…,"total":n,"limit":0,"offset":0,"errors":…}, which Jaeger UI
 * and Grafana expect around every answer of the query API.
 */
final class JaegerEnvelope {
  private static final JsonFactory JSON = new JsonFactory();

  /** Writes the value of the "data" field. */
  @FunctionalInterface
  interface DataWriter {
    void write(JsonGenerator g) throws IOException;
  }

  /** One entry of "errors"; traceId is null unless the error concerns one trace. */
  record Error(int code, String msg, String traceId) {}

  private JaegerEnvelope() {}

  static HttpResponse ok(int total, DataWriter data) {
    return ok(total, data, List.of());
  }

  static HttpResponse ok(int total, DataWriter data, List<Error> errors) {
    return respond(HttpStatus.OK, total, data, errors);
  }

  static HttpResponse error(HttpStatus status, String message) {
    return respond(status, 0, JsonGenerator::writeNull, List.of(new Error(status.code(), message, null)));
  }

  private static HttpResponse respond(HttpStatus status, int total, DataWriter data, List<Error> errors) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(1024);
    try (JsonGenerator g = JSON.createGenerator(out, JsonEncoding.UTF8)) {
      g.writeStartObject();
      g.writeFieldName("data");
      data.write(g);
      g.writeNumberField("total", total);
      g.writeNumberField("limit", 0);
      g.writeNumberField("offset", 0);
      if (errors.isEmpty()) {
        g.writeNullField("errors");
      } else {
        g.writeArrayFieldStart("errors");
        for (Error e : errors) {
          g.writeStartObject();
          g.writeNumberField("code", e.code());
          g.writeStringField("msg", e.msg());
          if (e.traceId() != null) g.writeStringField("traceID", e.traceId());
          g.writeEndObject();
        }
        g.writeEndArray();
      }
      g.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return HttpResponse.of(status, MediaType.JSON_UTF_8, out.toByteArray());
  }
}
