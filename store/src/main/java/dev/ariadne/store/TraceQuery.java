package dev.ariadne.store;

import dev.ariadne.model.SpanKind;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * A trace search, the one model every query API's search is turned into. A trace matches when one of
 * its spans meets every span condition given (service, operation, kind, tags, duration, start time) and
 * the trace as a whole passes {@code traceFilter}. Null and zero mean "any". Times and durations are in
 * nanoseconds.
 *
 * @param tags tag conditions compared as text against span, resource and event attributes and the tags
 *     Jaeger derives (error, span.kind, ...), as Jaeger's search does; an array attribute also matches
 *     by one of its scalar elements ({@link TagText})
 * @param traceFilter a condition on the whole trace for what the span conditions cannot say (TraceQL's
 *     structure, Zipkin's remote service); stores apply it after the span conditions, which they may
 *     use to skip data
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
    int limit,
    Predicate<Trace> traceFilter) {

  public TraceQuery {
    tags = List.copyOf(tags);
  }

  public static Builder builder() {
    return new Builder();
  }

  /** The same search with another limit. */
  public TraceQuery withLimit(int limit) {
    return new TraceQuery(serviceName, operationName, spanKind, tags, minDurationNanos, maxDurationNanos,
        startEpochNanos, endEpochNanos, limit, traceFilter);
  }

  /** Starts with no conditions and a limit of 100. */
  public static final class Builder {
    private String serviceName;
    private String operationName;
    private SpanKind spanKind;
    private final List<Map.Entry<String, String>> tags = new ArrayList<>();
    private long minDurationNanos;
    private long maxDurationNanos;
    private long startEpochNanos;
    private long endEpochNanos;
    private int limit = 100;
    private Predicate<Trace> traceFilter;

    private Builder() {}

    public Builder serviceName(String serviceName) {
      this.serviceName = serviceName;
      return this;
    }

    public Builder operationName(String operationName) {
      this.operationName = operationName;
      return this;
    }

    public Builder spanKind(SpanKind spanKind) {
      this.spanKind = spanKind;
      return this;
    }

    public Builder tag(String key, String value) {
      tags.add(Map.entry(key, value));
      return this;
    }

    public Builder tags(List<Map.Entry<String, String>> tags) {
      this.tags.addAll(tags);
      return this;
    }

    public Builder durationNanos(long min, long max) {
      this.minDurationNanos = min;
      this.maxDurationNanos = max;
      return this;
    }

    public Builder startWithin(long startEpochNanos, long endEpochNanos) {
      this.startEpochNanos = startEpochNanos;
      this.endEpochNanos = endEpochNanos;
      return this;
    }

    public Builder limit(int limit) {
      this.limit = limit;
      return this;
    }

    public Builder traceFilter(Predicate<Trace> traceFilter) {
      this.traceFilter = traceFilter;
      return this;
    }

    public TraceQuery build() {
      return new TraceQuery(serviceName, operationName, spanKind, tags, minDurationNanos, maxDurationNanos,
          startEpochNanos, endEpochNanos, limit, traceFilter);
    }
  }
}
