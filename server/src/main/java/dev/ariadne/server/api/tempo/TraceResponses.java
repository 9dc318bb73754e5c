package dev.ariadne.server.api.tempo;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.google.protobuf.ByteString;
import com.google.protobuf.CodedOutputStream;
import com.linecorp.armeria.common.HttpResponse;
import com.linecorp.armeria.common.HttpStatus;
import com.linecorp.armeria.common.MediaType;
import dev.ariadne.codec.otlp.OtlpJsonEncoder;
import dev.ariadne.codec.otlp.OtlpProtoEncoder;
import dev.ariadne.store.Trace;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * One trace as Tempo answers it. v1 ({@code /api/traces/{id}}) is a {@code tempopb.Trace}: in protobuf a
 * repeated ResourceSpans in field 1, the same bytes as OTLP's TracesData; in JSON {@code {"batches":[…]}}.
 * v2 ({@code /api/v2/traces/{id}}) wraps it in a {@code tempopb.TraceByIDResponse}, whose field 1 is the
 * trace; in JSON {@code {"trace":{"resourceSpans":[…]}}}. Its status (COMPLETE or PARTIAL) is left at
 * COMPLETE, which protobuf and Tempo's JSON leave out: the store always has whole traces.
 *
 * <p>The JSON is what Tempo writes with gogo's jsonpb: ids in base64 and enums by name (see
 * {@link OtlpJsonEncoder.Dialect#PROTOBUF}), not the hex ids and enum numbers of OTLP/JSON.
 */
final class TraceResponses {
  static final MediaType PROTOBUF = MediaType.create("application", "protobuf");
  private static final JsonFactory JSON = new JsonFactory();

  private TraceResponses() {}

  static HttpResponse protobuf(Trace trace, boolean v2) {
    ByteString traceBytes = OtlpProtoEncoder.encode(trace.spans()).toByteString();
    if (!v2) return HttpResponse.of(HttpStatus.OK, PROTOBUF, traceBytes.toByteArray());
    ByteArrayOutputStream out = new ByteArrayOutputStream(traceBytes.size() + 8);
    try {
      CodedOutputStream coded = CodedOutputStream.newInstance(out);
      coded.writeBytes(1, traceBytes); // TraceByIDResponse.trace
      coded.flush();
    } catch (IOException e) {
      throw new UncheckedIOException("writing to memory cannot fail", e);
    }
    return HttpResponse.of(HttpStatus.OK, PROTOBUF, out.toByteArray());
  }

  static HttpResponse json(Trace trace, boolean v2) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(1024 + trace.spans().size() * 512);
    try (JsonGenerator g = JSON.createGenerator(out, JsonEncoding.UTF8)) {
      g.writeStartObject();
      if (v2) {
        g.writeObjectFieldStart("trace");
        g.writeFieldName("resourceSpans");
      } else {
        g.writeFieldName("batches");
      }
      OtlpJsonEncoder.writeResourceSpans(g, trace.spans(), OtlpJsonEncoder.Dialect.PROTOBUF);
      if (v2) g.writeEndObject();
      g.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException("writing to memory cannot fail", e);
    }
    return HttpResponse.of(HttpStatus.OK, MediaType.JSON, out.toByteArray());
  }
}
