package dev.ariadne.tracegen;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ariadne.model.TraceId;
import java.util.ArrayList;
import java.util.List;

/**
 * Grafana Tempo's HTTP API (port 3200): a trace by id is {@code {"batches": [ResourceSpans…]}}; a search
 * takes TraceQL and answers trace summaries (root service and name, the matching spans), not whole traces.
 */
final class TempoQuerier implements Querier {
  @Override
  public String traceByIdPath(TraceId id) {
    return "/api/traces/" + id.toHex();
  }

  @Override
  public int spanCount(JsonNode answer) {
    int spans = 0;
    for (JsonNode resourceSpans : answer.path("batches")) {
      for (JsonNode scopeSpans : resourceSpans.path("scopeSpans")) spans += scopeSpans.path("spans").size();
    }
    return spans;
  }

  /** Tempo takes times in unix seconds. */
  @Override
  public String searchPath(String service, String spanName, long fromNanos, long toNanos, int limit) {
    String traceql = "{ resource.service.name = " + quote(service) + " && name = " + quote(spanName) + " }";
    return "/api/search?q=" + Urls.encode(traceql) + "&start=" + fromNanos / 1_000_000_000
        + "&end=" + Math.ceilDiv(toNanos, 1_000_000_000) + "&limit=" + limit;
  }

  @Override
  public String attributeSearchPath(String service, String key, String value, long minDurationNanos, long fromNanos,
      long toNanos, int limit) {
    String traceql = "{ resource.service.name = " + quote(service) + " && span." + key + " = " + quote(value)
        + " && duration >= " + minDurationNanos / 1_000_000 + "ms }";
    return "/api/search?q=" + Urls.encode(traceql) + "&start=" + fromNanos / 1_000_000_000
        + "&end=" + Math.ceilDiv(toNanos, 1_000_000_000) + "&limit=" + limit;
  }

  @Override
  public List<Found> found(JsonNode answer) {
    List<Found> found = new ArrayList<>();
    for (JsonNode trace : answer.path("traces")) {
      found.add(Found.summary(TraceId.parse(trace.path("traceID").asText()),
          trace.path("rootServiceName").asText(), trace.path("rootTraceName").asText()));
    }
    return found;
  }

  /** A TraceQL string literal. */
  private static String quote(String s) {
    return '"' + s.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
  }
}
