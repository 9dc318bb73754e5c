package dev.ariadne.model;

/** A pointer from a span to another span, possibly in another trace (OTLP's Span.Link). */
public record SpanLink(
    long traceIdHigh,
    long traceIdLow,
    long spanId,
    String traceState,
    Attributes attributes,
    int droppedAttributesCount,
    int flags) {

  public TraceId traceId() {
    return new TraceId(traceIdHigh, traceIdLow);
  }
}
