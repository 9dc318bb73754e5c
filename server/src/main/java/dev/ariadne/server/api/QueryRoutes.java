package dev.ariadne.server.api;

import com.linecorp.armeria.common.QueryParams;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** What every query API's routes share: their latency metric and their parameters as a plain map. */
public final class QueryRoutes {
  private QueryRoutes() {}

  /** The endpoint's latency histogram, ariadne_query_request_duration_seconds{api, endpoint}. */
  public static Timer timer(MeterRegistry registry, String api, String endpoint) {
    return Timer.builder("ariadne.query.request.duration")
        .description("Time to answer a query API request.")
        .tag("api", api).tag("endpoint", endpoint)
        .publishPercentileHistogram()
        .register(registry);
  }

  /** The query string's parameters by name, each with all its values in order. */
  public static Map<String, List<String>> params(QueryParams query) {
    Map<String, List<String>> params = new LinkedHashMap<>();
    for (String name : query.names()) params.put(name, query.getAll(name));
    return params;
  }
}
