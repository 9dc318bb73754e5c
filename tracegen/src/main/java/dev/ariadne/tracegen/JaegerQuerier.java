package dev.ariadne.tracegen;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ariadne.model.TraceId;
import java.util.ArrayList;
import java.util.List;

/** Jaeger's query API (port 16686): answers in its {@code {"data": …}} envelope, traces whole. */
final class JaegerQuerier implements Querier {
  @Override
  public String traceByIdPath(TraceId id) {
    return "/api/traces/" + id.toHex();
  }

  @Override
  public int spanCount(JsonNode answer) {
    return answer.path("data").path(0).path("spans").size();
  }

  /** Jaeger takes times in microseconds. */
  @Override
  public String searchPath(String service, String spanName, long fromNanos, long toNanos, int limit) {
    return "/api/traces?service=" + Urls.encode(service) + "&operation=" + Urls.encode(spanName)
        + "&start=" + fromNanos / 1_000 + "&end=" + Math.ceilDiv(toNanos, 1_000) + "&limit=" + limit;
  }

  @Override
  public String attributeSearchPath(String service, String key, String value, long minDurationNanos, long fromNanos,
      long toNanos, int limit) {
    String tags = "{\"" + key + "\":\"" + value + "\"}";
    return "/api/traces?service=" + Urls.encode(service) + "&tags=" + Urls.encode(tags)
        + "&minDuration=" + minDurationNanos / 1_000 + "us"
        + "&start=" + fromNanos / 1_000 + "&end=" + Math.ceilDiv(toNanos, 1_000) + "&limit=" + limit;
  }

  @Override
  public List<Found> found(JsonNode answer) {
    List<Found> found = new ArrayList<>();
    for (JsonNode trace : answer.path("data")) {
      found.add(Found.wholeTrace(TraceId.parse(trace.path("traceID").asText()), trace.path("spans").size()));
    }
    return found;
  }
}
