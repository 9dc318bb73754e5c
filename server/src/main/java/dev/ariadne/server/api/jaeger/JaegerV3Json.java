package dev.ariadne.server.api.jaeger;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.linecorp.armeria.common.HttpResponse;
import com.linecorp.armeria.common.HttpStatus;
import com.linecorp.armeria.common.MediaType;
import dev.ariadne.codec.otlp.OtlpJsonEncoder;
import dev.ariadne.model.Span;
import dev.ariadne.query.TraceSummary;
import dev.ariadne.store.DependencyLink;
import dev.ariadne.store.Operation;
import dev.ariadne.store.Trace;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The JSON bodies of Jaeger's HTTP API v3, as its gateway marshals the api_v3 messages: proto3 JSON names
 * in lowerCamelCase, 64-bit integers as decimal strings, traces as OTLP JSON (hex ids, enums as numbers)
 * wrapped in {"result": …}, errors as {"error": {"httpCode": …, "message": …}}. Lists and counts are
 * written even when empty or zero, which proto3 JSON readers accept and stricter UI schemas require.
 */
final class JaegerV3Json {
  private static final JsonFactory JSON = new JsonFactory();

  @FunctionalInterface
  private interface Body {
    void write(JsonGenerator g) throws IOException;
  }

  private JaegerV3Json() {}

  static HttpResponse services(List<String> services) {
    return ok(g -> {
      g.writeArrayFieldStart("services");
      for (String s : services) g.writeString(s);
      g.writeEndArray();
    });
  }

  static HttpResponse operations(List<Operation> operations) {
    return ok(g -> {
      g.writeArrayFieldStart("operations");
      for (Operation op : operations) {
        g.writeStartObject();
        g.writeStringField("name", op.name());
        g.writeStringField("spanKind", op.kind().jaegerName());
        g.writeEndObject();
      }
      g.writeEndArray();
    });
  }

  /** GRPCGatewayWrapper: the spans of every trace, as one OTLP TracesData. */
  static HttpResponse traces(List<Trace> traces) {
    List<Span> spans = new ArrayList<>();
    for (Trace t : traces) spans.addAll(t.spans());
    return ok(g -> {
      g.writeObjectFieldStart("result");
      g.writeFieldName("resourceSpans");
      OtlpJsonEncoder.writeResourceSpans(g, spans, OtlpJsonEncoder.Dialect.OTLP);
      g.writeEndObject();
    });
  }

  static HttpResponse summaries(List<TraceSummary> summaries) {
    return ok(g -> {
      g.writeArrayFieldStart("summaries");
      for (TraceSummary s : summaries) {
        g.writeStartObject();
        g.writeStringField("traceId", s.traceId().toHex());
        g.writeStringField("rootServiceName", s.rootServiceName());
        g.writeStringField("rootOperationName", s.rootOperationName());
        g.writeStringField("minStartTimeUnixNano", Long.toUnsignedString(s.minStartEpochNanos()));
        g.writeStringField("maxEndTimeUnixNano", Long.toUnsignedString(s.maxEndEpochNanos()));
        g.writeNumberField("spanCount", s.spanCount());
        g.writeNumberField("errorSpanCount", s.errorSpanCount());
        g.writeNumberField("orphanSpanCount", s.orphanSpanCount());
        g.writeArrayFieldStart("services");
        for (TraceSummary.ServiceSummary service : s.services()) {
          g.writeStartObject();
          g.writeStringField("name", service.name());
          g.writeNumberField("spanCount", service.spanCount());
          g.writeNumberField("errorSpanCount", service.errorSpanCount());
          g.writeEndObject();
        }
        g.writeEndArray();
        g.writeEndObject();
      }
      g.writeEndArray();
    });
  }

  static HttpResponse dependencies(List<DependencyLink> links) {
    return ok(g -> {
      g.writeArrayFieldStart("dependencies");
      for (DependencyLink link : links) {
        g.writeStartObject();
        g.writeStringField("parent", link.parent());
        g.writeStringField("child", link.child());
        g.writeStringField("callCount", Long.toString(link.callCount()));
        g.writeEndObject();
      }
      g.writeEndArray();
    });
  }

  /** GRPCGatewayError, Jaeger's error body for every status. */
  static HttpResponse error(HttpStatus status, String message) {
    return respond(status, g -> {
      g.writeObjectFieldStart("error");
      g.writeNumberField("httpCode", status.code());
      g.writeStringField("message", message);
      g.writeEndObject();
    });
  }

  private static HttpResponse ok(Body body) {
    return respond(HttpStatus.OK, body);
  }

  private static HttpResponse respond(HttpStatus status, Body body) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(1024);
    try (JsonGenerator g = JSON.createGenerator(out, JsonEncoding.UTF8)) {
      g.writeStartObject();
      body.write(g);
      g.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException("writing to memory cannot fail", e);
    }
    return HttpResponse.of(status, MediaType.JSON_UTF_8, out.toByteArray());
  }
}
