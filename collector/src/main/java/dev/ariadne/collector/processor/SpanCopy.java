package dev.ariadne.collector.processor;

import dev.ariadne.model.Attributes;
import dev.ariadne.model.Resource;
import dev.ariadne.model.Span;

/** Copies of a span with a changed resource or attributes; every other field is kept. */
public final class SpanCopy {
  private SpanCopy() {}

  public static Span with(Span s, Resource resource, Attributes attributes) {
    return new Span(resource, s.scope(), s.traceIdHigh(), s.traceIdLow(), s.spanId(), s.parentSpanId(),
        s.traceState(), s.flags(), s.name(), s.kind(), s.startEpochNanos(), s.endEpochNanos(), attributes,
        s.droppedAttributesCount(), s.events(), s.droppedEventsCount(), s.links(), s.droppedLinksCount(),
        s.statusCode(), s.statusMessage());
  }
}
