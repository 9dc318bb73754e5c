package dev.ariadne.codec.otlp;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.ariadne.model.AnyValue;
import dev.ariadne.model.Attributes;
import dev.ariadne.model.Bytes;
import dev.ariadne.model.Hex;
import dev.ariadne.model.InstrumentationScope;
import dev.ariadne.model.Resource;
import dev.ariadne.model.Span;
import dev.ariadne.model.SpanEvent;
import dev.ariadne.model.SpanKind;
import dev.ariadne.model.SpanLink;
import dev.ariadne.model.StatusCode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.util.Base64;
import java.util.List;

/**
 * Writes spans as OTLP JSON with a streaming generator: keys in lowerCamelCase, 64-bit integers as decimal
 * strings, 32-bit ones as numbers, fields at their default value left out, as proto3's JSON mapping
 * says. Spans are grouped into ResourceSpans and ScopeSpans as {@link OtlpProtoEncoder} groups them, and
 * resource and scope are always written, status only when it is not the default, as that encoder does:
 * both encoders write the same message.
 *
 * <p>Ids and enums depend on the {@link Dialect}.
 */
public final class OtlpJsonEncoder {
  private static final JsonFactory FACTORY = new JsonFactory();

  /** How ids and enums are written; the rest is the same. */
  public enum Dialect {
    /** The OTLP specification's JSON encoding: ids in lowercase hex, enums as integers. */
    OTLP,
    /**
     * protobuf's canonical JSON mapping: ids as base64 like any bytes field, enums by name. Tempo's query
     * API writes this, since it marshals its protobuf messages with gogo's jsonpb.
     */
    PROTOBUF
  }

  private final JsonGenerator g;
  private final Dialect dialect;

  private OtlpJsonEncoder(JsonGenerator g, Dialect dialect) {
    this.g = g;
    this.dialect = dialect;
  }

  /** {@code {"resourceSpans":[…]}}: an ExportTraceServiceRequest (or TracesData) in OTLP's JSON encoding. */
  public static byte[] encode(List<Span> spans) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(256 + spans.size() * 512);
    try (JsonGenerator g = FACTORY.createGenerator(out, JsonEncoding.UTF8)) {
      g.writeStartObject();
      g.writeFieldName("resourceSpans");
      writeResourceSpans(g, spans, Dialect.OTLP);
      g.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException("writing to memory cannot fail", e);
    }
    return out.toByteArray();
  }

  /** Writes the spans as a JSON array of ResourceSpans. */
  public static void writeResourceSpans(JsonGenerator g, List<Span> spans, Dialect dialect) throws IOException {
    new OtlpJsonEncoder(g, dialect).resourceSpans(spans);
  }

  /** Writes attributes as an array of KeyValue; values carry no ids or enums, so there is no dialect. */
  public static void writeKeyValues(JsonGenerator g, Attributes attributes) throws IOException {
    new OtlpJsonEncoder(g, Dialect.OTLP).keyValues(attributes);
  }

  private void resourceSpans(List<Span> spans) throws IOException {
    g.writeStartArray();
    int i = 0;
    while (i < spans.size()) {
      Resource resource = spans.get(i).resource();
      int end = i;
      while (end < spans.size() && spans.get(end).resource() == resource) end++;
      g.writeStartObject();
      g.writeFieldName("resource");
      resource(resource);
      g.writeArrayFieldStart("scopeSpans");
      scopeSpans(spans.subList(i, end));
      g.writeEndArray();
      string("schemaUrl", resource.schemaUrl());
      g.writeEndObject();
      i = end;
    }
    g.writeEndArray();
  }

  /** Writes one ScopeSpans object per run of spans sharing an InstrumentationScope object. */
  private void scopeSpans(List<Span> spans) throws IOException {
    int i = 0;
    while (i < spans.size()) {
      InstrumentationScope scope = spans.get(i).scope();
      g.writeStartObject();
      g.writeFieldName("scope");
      scope(scope);
      g.writeArrayFieldStart("spans");
      for (; i < spans.size() && spans.get(i).scope() == scope; i++) span(spans.get(i));
      g.writeEndArray();
      string("schemaUrl", scope.schemaUrl());
      g.writeEndObject();
    }
  }

  private void resource(Resource r) throws IOException {
    g.writeStartObject();
    attributes("attributes", r.attributes());
    uint32("droppedAttributesCount", r.droppedAttributesCount());
    if (!r.entityRefs().isEmpty()) {
      g.writeArrayFieldStart("entityRefs");
      for (Resource.EntityRef e : r.entityRefs()) {
        g.writeStartObject();
        string("schemaUrl", e.schemaUrl());
        string("type", e.type());
        strings("idKeys", e.idKeys());
        strings("descriptionKeys", e.descriptionKeys());
        g.writeEndObject();
      }
      g.writeEndArray();
    }
    g.writeEndObject();
  }

  private void scope(InstrumentationScope s) throws IOException {
    g.writeStartObject();
    string("name", s.name());
    string("version", s.version());
    attributes("attributes", s.attributes());
    uint32("droppedAttributesCount", s.droppedAttributesCount());
    g.writeEndObject();
  }

  private void span(Span s) throws IOException {
    g.writeStartObject();
    id("traceId", traceIdBytes(s.traceIdHigh(), s.traceIdLow()));
    id("spanId", spanIdBytes(s.spanId()));
    string("traceState", s.traceState());
    if (s.parentSpanId() != 0) id("parentSpanId", spanIdBytes(s.parentSpanId()));
    string("name", s.name());
    if (s.kind() != SpanKind.UNSPECIFIED) {
      enumField("kind", s.kind().ordinal(), "SPAN_KIND_" + s.kind().name());
    }
    fixed64("startTimeUnixNano", s.startEpochNanos());
    fixed64("endTimeUnixNano", s.endEpochNanos());
    attributes("attributes", s.attributes());
    uint32("droppedAttributesCount", s.droppedAttributesCount());
    if (!s.events().isEmpty()) {
      g.writeArrayFieldStart("events");
      for (SpanEvent e : s.events()) event(e);
      g.writeEndArray();
    }
    uint32("droppedEventsCount", s.droppedEventsCount());
    if (!s.links().isEmpty()) {
      g.writeArrayFieldStart("links");
      for (SpanLink l : s.links()) link(l);
      g.writeEndArray();
    }
    uint32("droppedLinksCount", s.droppedLinksCount());
    if (s.statusCode() != StatusCode.UNSET || !s.statusMessage().isEmpty()) {
      g.writeObjectFieldStart("status");
      string("message", s.statusMessage());
      if (s.statusCode() != StatusCode.UNSET) {
        enumField("code", s.statusCode().ordinal(), "STATUS_CODE_" + s.statusCode().name());
      }
      g.writeEndObject();
    }
    uint32("flags", s.flags());
    g.writeEndObject();
  }

  private void event(SpanEvent e) throws IOException {
    g.writeStartObject();
    fixed64("timeUnixNano", e.epochNanos());
    string("name", e.name());
    attributes("attributes", e.attributes());
    uint32("droppedAttributesCount", e.droppedAttributesCount());
    g.writeEndObject();
  }

  private void link(SpanLink l) throws IOException {
    g.writeStartObject();
    id("traceId", traceIdBytes(l.traceIdHigh(), l.traceIdLow()));
    id("spanId", spanIdBytes(l.spanId()));
    string("traceState", l.traceState());
    attributes("attributes", l.attributes());
    uint32("droppedAttributesCount", l.droppedAttributesCount());
    uint32("flags", l.flags());
    g.writeEndObject();
  }

  private void attributes(String field, Attributes attributes) throws IOException {
    if (attributes.isEmpty()) return;
    g.writeFieldName(field);
    keyValues(attributes);
  }

  private void keyValues(Attributes attributes) throws IOException {
    g.writeStartArray();
    for (int i = 0; i < attributes.size(); i++) {
      g.writeStartObject();
      string("key", attributes.key(i));
      g.writeFieldName("value");
      anyValue(attributes.value(i));
      g.writeEndObject();
    }
    g.writeEndArray();
  }

  /** An AnyValue: the case that is set is written even when it holds its type's default (a oneof has presence). */
  private void anyValue(Object value) throws IOException {
    g.writeStartObject();
    switch (AnyValue.typeOf(value)) {
      case STRING -> g.writeStringField("stringValue", (String) value);
      case BOOL -> g.writeBooleanField("boolValue", (Boolean) value);
      case INT -> g.writeStringField("intValue", Long.toString((Long) value));
      case DOUBLE -> {
        g.writeFieldName("doubleValue");
        double d = (Double) value;
        if (Double.isFinite(d)) g.writeNumber(d);
        else g.writeString(Double.isNaN(d) ? "NaN" : d > 0 ? "Infinity" : "-Infinity");
      }
      case BYTES -> g.writeStringField("bytesValue", ((Bytes) value).base64());
      case ARRAY -> {
        g.writeObjectFieldStart("arrayValue");
        List<?> items = (List<?>) value;
        if (!items.isEmpty()) {
          g.writeArrayFieldStart("values");
          for (Object item : items) anyValue(item);
          g.writeEndArray();
        }
        g.writeEndObject();
      }
      case KVLIST -> {
        g.writeObjectFieldStart("kvlistValue");
        attributes("values", (Attributes) value);
        g.writeEndObject();
      }
      case EMPTY -> { }
    }
    g.writeEndObject();
  }

  private void id(String field, byte[] bytes) throws IOException {
    g.writeStringField(field, dialect == Dialect.OTLP
        ? Hex.fromBytes(bytes)
        : Base64.getEncoder().encodeToString(bytes));
  }

  private void enumField(String field, int number, String name) throws IOException {
    if (dialect == Dialect.OTLP) g.writeNumberField(field, number);
    else g.writeStringField(field, name);
  }

  private void string(String field, String value) throws IOException {
    if (!value.isEmpty()) g.writeStringField(field, value);
  }

  private void strings(String field, List<String> values) throws IOException {
    if (values.isEmpty()) return;
    g.writeArrayFieldStart(field);
    for (String v : values) g.writeString(v);
    g.writeEndArray();
  }

  /** uint32 and fixed32 fields; Java holds values above 2^31-1 as negative ints. */
  private void uint32(String field, int value) throws IOException {
    if (value != 0) g.writeNumberField(field, Integer.toUnsignedLong(value));
  }

  /** fixed64 fields, unsigned; proto3 JSON writes 64-bit integers as strings. */
  private void fixed64(String field, long value) throws IOException {
    if (value != 0) g.writeStringField(field, Long.toUnsignedString(value));
  }

  private static byte[] traceIdBytes(long high, long low) {
    return ByteBuffer.allocate(16).putLong(high).putLong(low).array();
  }

  private static byte[] spanIdBytes(long spanId) {
    return ByteBuffer.allocate(8).putLong(spanId).array();
  }
}
