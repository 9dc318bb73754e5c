package dev.ariadne.tracegen;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.linecorp.armeria.client.WebClient;
import com.linecorp.armeria.common.AggregatedHttpResponse;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Replays queries against a query API for a corpus sent earlier (same seed, start and trace count):
 * trace-by-id for sampled traces, checking each comes back whole, and searches by service and
 * operation. Reports latency percentiles and how many traces were incomplete or missing.
 */
public final class QueryRunner {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final WebClient client;

  public QueryRunner(String endpoint) {
    this.client = WebClient.builder(endpoint).maxResponseLength(256 * 1024 * 1024).build();
  }

  public Map<String, Object> run(long seed, long startNanos, int traces, int queries) throws IOException {
    List<Corpus.TraceSummary> sent = new ArrayList<>(traces);
    Corpus.generate(seed, startNanos, traces, 1, b -> { }, sent::add);
    SplittableRandom random = new SplittableRandom(seed ^ 0x5eed);

    Latencies byId = new Latencies();
    int incomplete = 0;
    int missing = 0;
    for (int i = 0; i < queries; i++) {
      Corpus.TraceSummary expected = sent.get(random.nextInt(sent.size()));
      long t0 = System.nanoTime();
      AggregatedHttpResponse response = client.get("/api/traces/" + expected.traceId().toHex()).aggregate().join();
      byId.record(System.nanoTime() - t0);
      if (response.status().code() == 404) {
        missing++;
        continue;
      }
      JsonNode trace = JSON.readTree(response.contentUtf8()).path("data").path(0);
      if (trace.path("spans").size() != expected.spanCount()) incomplete++;
    }

    Latencies search = new Latencies();
    int emptySearches = 0;
    long startMicros = startNanos / 1_000;
    for (int i = 0; i < queries; i++) {
      Corpus.TraceSummary example = sent.get(random.nextInt(sent.size()));
      String query = "/api/traces?service=" + enc(example.rootService()) + "&operation=" + enc(example.rootName())
          + "&start=" + startMicros + "&end=" + (startMicros + 86_400_000_000L * 365) + "&limit=20";
      long t0 = System.nanoTime();
      AggregatedHttpResponse response = client.get(query).aggregate().join();
      search.record(System.nanoTime() - t0);
      if (JSON.readTree(response.contentUtf8()).path("data").isEmpty()) emptySearches++;
    }
    return Summary.of(
        "mode", "query",
        "api", "jaeger",
        "traces", traces,
        "traceById", Summary.percentiles(byId),
        "tracesMissing", missing,
        "tracesIncomplete", incomplete,
        "search", Summary.percentiles(search),
        "searchesEmpty", emptySearches);
  }

  private static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }
}
