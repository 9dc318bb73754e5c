package dev.ariadne.server.api.jaeger;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/** The latency histogram every query endpoint records, ariadne_query_request_duration_seconds. */
final class QueryTimer {
  private QueryTimer() {}

  static Timer register(MeterRegistry registry, String endpoint) {
    return Timer.builder("ariadne.query.request.duration")
        .description("Time to answer a query API request.")
        .tag("api", "jaeger").tag("endpoint", endpoint)
        .publishPercentileHistogram()
        .register(registry);
  }
}
