package dev.ariadne.tracegen;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ariadne.model.TraceId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Zipkin's v2 API (port 9411): a trace is a list of spans, a search answer a list of traces. Zipkin
 * keeps names lowercased, so the search asks for the lowercased service and span name, as Zipkin UI does.
 */
final class ZipkinQuerier implements Querier {
  @Override
  public String traceByIdPath(TraceId id) {
    return "/api/v2/trace/" + id.toHex();
  }

  @Override
  public int spanCount(JsonNode answer) {
    return answer.size();
  }

  /** Zipkin takes an end and a look-back in milliseconds. */
  @Override
  public String searchPath(String service, String spanName, long fromNanos, long toNanos, int limit) {
    long endTs = Math.ceilDiv(toNanos, 1_000_000);
    return "/api/v2/traces?serviceName=" + Urls.encode(service.toLowerCase(Locale.ROOT))
        + "&spanName=" + Urls.encode(spanName.toLowerCase(Locale.ROOT))
        + "&endTs=" + endTs + "&lookback=" + (endTs - fromNanos / 1_000_000) + "&limit=" + limit;
  }

  @Override
  public String attributeSearchPath(String service, String key, String value, long minDurationNanos, long fromNanos,
      long toNanos, int limit) {
    long endTs = Math.ceilDiv(toNanos, 1_000_000);
    return "/api/v2/traces?serviceName=" + Urls.encode(service.toLowerCase(Locale.ROOT))
        + "&annotationQuery=" + Urls.encode(key + "=" + value) + "&minDuration=" + minDurationNanos / 1_000
        + "&endTs=" + endTs + "&lookback=" + (endTs - fromNanos / 1_000_000) + "&limit=" + limit;
  }

  @Override
  public List<Found> found(JsonNode answer) {
    List<Found> found = new ArrayList<>();
    for (JsonNode trace : answer) {
      found.add(Found.wholeTrace(TraceId.parse(trace.path(0).path("traceId").asText()), trace.size()));
    }
    return found;
  }
}
