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
  public String searchPath(String service, String spanName, long corpusStartNanos, int limit) {
    long lookback = SEARCH_WINDOW_SECONDS * 1_000;
    return "/api/v2/traces?serviceName=" + Urls.encode(service.toLowerCase(Locale.ROOT))
        + "&spanName=" + Urls.encode(spanName.toLowerCase(Locale.ROOT))
        + "&endTs=" + (corpusStartNanos / 1_000_000 + lookback) + "&lookback=" + lookback + "&limit=" + limit;
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
