package dev.ariadne.model;

/** A timestamped annotation on a span (OTLP's Span.Event; a log in Jaeger, an annotation in Zipkin). */
public record SpanEvent(long epochNanos, String name, Attributes attributes, int droppedAttributesCount) {}
