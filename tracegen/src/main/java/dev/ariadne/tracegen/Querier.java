package dev.ariadne.tracegen;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ariadne.model.TraceId;
import java.util.List;

/**
 * A query API as the query mode calls it: the paths of a trace-by-id request, of a search by service
 * and span name and of one by service, attribute and minimum duration, and how to read their answers.
 */
interface Querier {
  String traceByIdPath(TraceId id);

  /** The number of spans in a trace-by-id answer. */
  int spanCount(JsonNode answer);

  /** A search for traces with a span of this service and name within the time window (ns since the epoch). */
  String searchPath(String service, String spanName, long fromNanos, long toNanos, int limit);

  /**
   * A search for traces with a span of this service carrying attribute {@code key} = {@code value} and
   * lasting at least {@code minDurationNanos}, within the time window (ns since the epoch).
   */
  String attributeSearchPath(String service, String key, String value, long minDurationNanos, long fromNanos,
      long toNanos, int limit);

  /** The traces a search answer lists. */
  List<Found> found(JsonNode answer);

  /**
   * A trace a search answered with, and what the answer tells of it: the span count where the API
   * answers whole traces, the root's service and name where it answers a summary.
   *
   * @param spanCount -1 when the answer does not hold every span
   * @param rootService null when the answer does not name the root
   */
  record Found(TraceId traceId, int spanCount, String rootService, String rootName) {
    static Found wholeTrace(TraceId traceId, int spanCount) {
      return new Found(traceId, spanCount, null, null);
    }

    static Found summary(TraceId traceId, String rootService, String rootName) {
      return new Found(traceId, -1, rootService, rootName);
    }

    /** Whether what the answer tells agrees with the trace that was sent. */
    boolean agreesWith(Corpus.TraceSummary sent) {
      if (spanCount >= 0 && spanCount != sent.spanCount()) return false;
      return rootService == null || (rootService.equals(sent.rootService()) && rootName.equals(sent.rootName()));
    }
  }

  static Querier of(String api) {
    return switch (api) {
      case "jaeger" -> new JaegerQuerier();
      case "tempo" -> new TempoQuerier();
      case "zipkin" -> new ZipkinQuerier();
      default -> throw new IllegalArgumentException("unknown api " + api + "; one of jaeger, tempo, zipkin");
    };
  }
}
