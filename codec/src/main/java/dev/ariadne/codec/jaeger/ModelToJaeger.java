package dev.ariadne.codec.jaeger;

import dev.ariadne.model.AnyValue;
import dev.ariadne.model.Attributes;
import dev.ariadne.model.InstrumentationScope;
import dev.ariadne.model.Resource;
import dev.ariadne.model.Span;
import dev.ariadne.model.SpanEvent;
import dev.ariadne.model.SpanLink;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns model spans into Jaeger spans by the rules of the OpenTelemetry Collector's Jaeger translator
 * (pdata to Jaeger), the inverse of {@link JaegerToModel}: the resource becomes the process, the scope,
 * kind, status and trace state become tags (otel.scope.name, otel.scope.version, span.kind,
 * otel.status_code, error, otel.status_description, w3c.tracestate), events become logs with an "event"
 * field, the parent becomes the first reference (CHILD_OF) and each link a reference typed by its
 * opentracing.ref_type attribute (FOLLOWS_FROM without one).
 *
 * <p>Jaeger tags are flat: arrays, maps and empty values become strings (JSON for the first two).
 */
public final class ModelToJaeger {
  private ModelToJaeger() {}

  public static JaegerProcess process(Resource resource) {
    Attributes attributes = resource.attributes();
    if (attributes.isEmpty()) return new JaegerProcess(JaegerToModel.NO_SERVICE_NAME, Attributes.EMPTY);
    Object serviceName = attributes.get(Resource.SERVICE_NAME);
    Attributes.Builder tags = Attributes.builder(attributes.size());
    for (int i = 0; i < attributes.size(); i++) {
      if (!attributes.key(i).equals(Resource.SERVICE_NAME)) tags.put(attributes.key(i), flat(attributes.value(i)));
    }
    return new JaegerProcess(serviceName instanceof String s ? s : "", tags.build());
  }

  public static JaegerSpan span(Span span) {
    return new JaegerSpan(span.traceIdHigh(), span.traceIdLow(), span.spanId(), span.parentSpanId(),
        span.name(), (span.flags() & 0x01) != 0 ? JaegerSpan.FLAG_SAMPLED : 0, span.startEpochNanos(),
        span.durationNanos(), tags(span), logs(span.events()), references(span));
  }

  /**
   * The references Jaeger shows for a span: the parent first, as CHILD_OF, then each link. A link to the
   * parent itself is not repeated; it sets the first reference's type instead.
   */
  public static List<JaegerSpan.Ref> references(Span span) {
    List<JaegerSpan.Ref> refs = new ArrayList<>(span.links().size() + 1);
    if (!span.isRoot()) {
      refs.add(new JaegerSpan.Ref(JaegerSpan.RefType.CHILD_OF, span.traceIdHigh(), span.traceIdLow(),
          span.parentSpanId()));
    }
    for (SpanLink link : span.links()) {
      JaegerSpan.RefType type = "child_of".equals(link.attributes().get(JaegerToModel.REF_TYPE))
          ? JaegerSpan.RefType.CHILD_OF
          : JaegerSpan.RefType.FOLLOWS_FROM;
      if (!span.isRoot() && link.traceIdHigh() == span.traceIdHigh() && link.traceIdLow() == span.traceIdLow()
          && link.spanId() == span.parentSpanId()) {
        refs.set(0, new JaegerSpan.Ref(type, span.traceIdHigh(), span.traceIdLow(), span.parentSpanId()));
        continue;
      }
      refs.add(new JaegerSpan.Ref(type, link.traceIdHigh(), link.traceIdLow(), link.spanId()));
    }
    return refs;
  }

  private static Attributes tags(Span span) {
    Attributes attributes = span.attributes();
    Attributes.Builder tags = Attributes.builder(attributes.size() + 7);
    InstrumentationScope scope = span.scope();
    if (!scope.name().isEmpty()) tags.put("otel.scope.name", scope.name());
    if (!scope.version().isEmpty()) tags.put("otel.scope.version", scope.version());
    for (int i = 0; i < attributes.size(); i++) tags.put(attributes.key(i), flat(attributes.value(i)));
    if (!span.kind().jaegerName().isEmpty()) tags.put("span.kind", span.kind().jaegerName());
    switch (span.statusCode()) {
      case OK -> tags.put("otel.status_code", "OK");
      case ERROR -> tags.put("otel.status_code", "ERROR").put("error", Boolean.TRUE);
      case UNSET -> { }
    }
    if (!span.statusMessage().isEmpty()) tags.put("otel.status_description", span.statusMessage());
    if (!span.traceState().isEmpty()) tags.put("w3c.tracestate", span.traceState());
    return tags.build();
  }

  private static List<JaegerSpan.Log> logs(List<SpanEvent> events) {
    List<JaegerSpan.Log> logs = new ArrayList<>(events.size());
    for (SpanEvent event : events) {
      Attributes attributes = event.attributes();
      Attributes.Builder fields = Attributes.builder(attributes.size() + 1);
      if (!event.name().isEmpty() && attributes.get(JaegerToModel.EVENT) == null) {
        fields.put(JaegerToModel.EVENT, event.name());
      }
      for (int i = 0; i < attributes.size(); i++) fields.put(attributes.key(i), flat(attributes.value(i)));
      logs.add(new JaegerSpan.Log(event.epochNanos(), fields.build()));
    }
    return logs;
  }

  /** A value Jaeger can type as it is, or its text. */
  private static Object flat(Object value) {
    return switch (AnyValue.typeOf(value)) {
      case STRING, BOOL, INT, DOUBLE, BYTES -> value;
      case ARRAY, KVLIST, EMPTY -> AnyValue.asString(value);
    };
  }
}
