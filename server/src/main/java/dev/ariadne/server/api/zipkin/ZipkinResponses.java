package dev.ariadne.server.api.zipkin;

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
import zipkin2.codec.SpanBytesEncoder;

/** The bodies the Zipkin API answers with: JSON lists, and plain-text errors as Zipkin sends them. */
final class ZipkinResponses {
  private static final JsonFactory JSON = new JsonFactory();

  private ZipkinResponses() {}

  static HttpResponse json(byte[] body) {
    return HttpResponse.of(HttpStatus.OK, MediaType.JSON, body);
  }

  static HttpResponse text(HttpStatus status, String message) {
    return HttpResponse.of(status, MediaType.PLAIN_TEXT_UTF_8, message);
  }

  static HttpResponse strings(List<String> values) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(256);
    try (JsonGenerator g = JSON.createGenerator(out, JsonEncoding.UTF8)) {
      g.writeStartArray();
      for (String v : values) g.writeString(v);
      g.writeEndArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return json(out.toByteArray());
  }

  /** A list of traces, each a list of v2 spans. */
  static HttpResponse traces(List<List<zipkin2.Span>> traces) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(1024);
    out.write('[');
    for (int i = 0; i < traces.size(); i++) {
      if (i > 0) out.write(',');
      out.writeBytes(SpanBytesEncoder.JSON_V2.encodeList(traces.get(i)));
    }
    out.write(']');
    return json(out.toByteArray());
  }
}
