package dev.ariadne.codec.jaeger;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.ariadne.model.AnyValue;
import dev.ariadne.model.Attributes;
import dev.ariadne.model.Bytes;
import dev.ariadne.model.DerivedTags;
import dev.ariadne.model.Resource;
import dev.ariadne.model.Span;
import dev.ariadne.model.SpanEvent;
import dev.ariadne.model.SpanId;
import dev.ariadne.model.TraceId;
import java.io.IOException;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Writes traces in the JSON shape Jaeger's query API returns and Jaeger UI and Grafana's Jaeger data
 * source read: spans with references, typed tags and logs, and a table of processes. OTel fields map
 * the way Jaeger maps them: the parent becomes a CHILD_OF reference and links references typed by their
 * opentracing.ref_type attribute, FOLLOWS_FROM without one (see {@link ModelToJaeger#references}),
 * events become logs with an "event" field, the resource becomes the process, and status, kind, scope
 * and trace state become tags (see {@link DerivedTags}).
 */
public final class JaegerJsonWriter {
  private JaegerJsonWriter() {}

  /** Jaeger prints a trace id in 16 hex characters when its high half is zero, else 32. */
  public static String traceIdString(long high, long low) {
    return high == 0 ? SpanId.toHex(low) : new TraceId(high, low).toHex();
  }

  public static void writeTrace(JsonGenerator g, TraceId traceId, List<Span> spans) throws IOException {
    Map<Resource, String> processIds = new LinkedHashMap<>();
    for (Span span : spans) {
      processIds.computeIfAbsent(span.resource(), r -> "p" + (processIds.size() + 1));
    }
    Set<Long> spanIds = new HashSet<>(spans.size() * 2);
    for (Span span : spans) spanIds.add(span.spanId());

    g.writeStartObject();
    g.writeStringField("traceID", traceIdString(traceId.high(), traceId.low()));
    g.writeArrayFieldStart("spans");
    for (Span span : spans) {
      writeSpan(g, span, processIds.get(span.resource()), spanIds);
    }
    g.writeEndArray();
    g.writeObjectFieldStart("processes");
    for (Map.Entry<Resource, String> process : processIds.entrySet()) {
      g.writeObjectFieldStart(process.getValue());
      g.writeStringField("serviceName", process.getKey().serviceName());
      g.writeArrayFieldStart("tags");
      Attributes attributes = process.getKey().attributes();
      for (int i = 0; i < attributes.size(); i++) {
        if (!attributes.key(i).equals(Resource.SERVICE_NAME)) writeTag(g, attributes.key(i), attributes.value(i));
      }
      g.writeEndArray();
      g.writeEndObject();
    }
    g.writeEndObject();
    g.writeNullField("warnings");
    g.writeEndObject();
  }

  private static void writeSpan(JsonGenerator g, Span span, String processId, Set<Long> spanIds)
      throws IOException {
    String traceId = traceIdString(span.traceIdHigh(), span.traceIdLow());
    g.writeStartObject();
    g.writeStringField("traceID", traceId);
    g.writeStringField("spanID", SpanId.toHex(span.spanId()));
    // Only W3C's sampled bit means the same to Jaeger (1); W3C's random bit (2) is Jaeger's debug bit.
    if ((span.flags() & 0x01) != 0) g.writeNumberField("flags", 1);
    g.writeStringField("operationName", span.name());
    g.writeArrayFieldStart("references");
    for (JaegerSpan.Ref ref : ModelToJaeger.references(span)) {
      writeReference(g, ref.type().name(), traceIdString(ref.traceIdHigh(), ref.traceIdLow()), ref.spanId());
    }
    g.writeEndArray();
    g.writeNumberField("startTime", span.startEpochNanos() / 1_000);
    g.writeNumberField("duration", span.durationNanos() / 1_000);
    g.writeArrayFieldStart("tags");
    Attributes attributes = span.attributes();
    for (int i = 0; i < attributes.size(); i++) writeTag(g, attributes.key(i), attributes.value(i));
    DerivedTags.forEach(span, (key, value) -> writeTagUnchecked(g, key, value));
    g.writeEndArray();
    g.writeArrayFieldStart("logs");
    for (SpanEvent event : span.events()) writeLog(g, event);
    g.writeEndArray();
    g.writeStringField("processID", processId);
    if (!span.isRoot() && !spanIds.contains(span.parentSpanId())) {
      g.writeArrayFieldStart("warnings");
      g.writeString("parent span " + SpanId.toHex(span.parentSpanId()) + " is not in this trace: "
          + "it was not received (an uninstrumented hop, a sampling gap or a dropped span)");
      g.writeEndArray();
    } else {
      g.writeNullField("warnings");
    }
    g.writeEndObject();
  }

  private static void writeReference(JsonGenerator g, String type, String traceId, long spanId)
      throws IOException {
    g.writeStartObject();
    g.writeStringField("refType", type);
    g.writeStringField("traceID", traceId);
    g.writeStringField("spanID", SpanId.toHex(spanId));
    g.writeEndObject();
  }

  private static void writeLog(JsonGenerator g, SpanEvent event) throws IOException {
    g.writeStartObject();
    g.writeNumberField("timestamp", event.epochNanos() / 1_000);
    g.writeArrayFieldStart("fields");
    if (!event.name().isEmpty() && event.attributes().get("event") == null) {
      writeTag(g, "event", event.name());
    }
    Attributes attributes = event.attributes();
    for (int i = 0; i < attributes.size(); i++) writeTag(g, attributes.key(i), attributes.value(i));
    g.writeEndArray();
    g.writeEndObject();
  }

  /** One Jaeger KeyValue: nested values, which Jaeger cannot type, become JSON strings as Jaeger does. */
  static void writeTag(JsonGenerator g, String key, Object value) throws IOException {
    g.writeStartObject();
    g.writeStringField("key", key);
    switch (AnyValue.typeOf(value)) {
      case BOOL -> {
        g.writeStringField("type", "bool");
        g.writeBooleanField("value", (Boolean) value);
      }
      case INT -> {
        g.writeStringField("type", "int64");
        g.writeNumberField("value", (Long) value);
      }
      case DOUBLE -> {
        g.writeStringField("type", "float64");
        double d = (Double) value;
        if (Double.isFinite(d)) g.writeNumberField("value", d);
        else g.writeStringField("value", AnyValue.asString(value));
      }
      case BYTES -> {
        g.writeStringField("type", "binary");
        g.writeStringField("value", ((Bytes) value).base64());
      }
      case STRING, ARRAY, KVLIST, EMPTY -> {
        g.writeStringField("type", "string");
        g.writeStringField("value", AnyValue.asString(value));
      }
    }
    g.writeEndObject();
  }

  private static void writeTagUnchecked(JsonGenerator g, String key, Object value) {
    try {
      writeTag(g, key, value);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
