package dev.ariadne.store;

import dev.ariadne.model.SpanKind;
import java.util.List;
import java.util.Map;

/**
 * A trace search: a trace matches when one of its spans matches every condition given. Null and zero
 * mean "any". Times and durations are in nanoseconds.
 *
 * @param tags tag conditions compared as text against span, resource and event attributes and the tags
 *     Jaeger derives (error, span.kind, ...), as Jaeger's search does
 */
public record TraceQuery(
    String serviceName,
    String operationName,
    SpanKind spanKind,
    List<Map.Entry<String, String>> tags,
    long minDurationNanos,
    long maxDurationNanos,
    long startEpochNanos,
    long endEpochNanos,
    int limit) {

  public TraceQuery {
    tags = List.copyOf(tags);
  }
}
