package dev.ariadne.tracegen;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.linecorp.armeria.client.WebClient;
import com.linecorp.armeria.common.AggregatedHttpResponse;
import dev.ariadne.model.TraceId;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Replays queries against a query API (Jaeger, Tempo or Zipkin) for a corpus sent earlier (same seed,
 * start and trace count): trace-by-id for sampled traces, checking each comes back whole, and searches
 * over the corpus's time span by the root service and span name of sampled traces, checking every trace
 * found is one that was sent and agrees with it (its span count, or its root where the API answers
 * summaries), and searches over the corpus's last hour by root service, a tenant and a minimum duration
 * of 100 ms. One request at a time; reports latency percentiles and the counts of traces missing,
 * incomplete or wrong. Warm-up queries of each kind go first, unrecorded and unchecked, so the
 * percentiles are not those of cold code on either side.
 */
public final class QueryRunner {
  static final int SEARCH_LIMIT = 20;
  static final long ATTRIBUTE_SEARCH_MIN_DURATION_NANOS = 100_000_000;
  private static final ObjectMapper JSON = new ObjectMapper();

  private final WebClient client;
  private final String api;
  private final Querier querier;

  /** @param api jaeger, tempo or zipkin */
  public QueryRunner(String api, String endpoint) {
    this.api = api;
    this.querier = Querier.of(api);
    this.client = WebClient.builder(endpoint).maxResponseLength(256 * 1024 * 1024).build();
  }

  public Map<String, Object> run(long seed, long startNanos, int traces, int warmup, int queries) throws IOException {
    List<Corpus.TraceSummary> sent = new ArrayList<>(traces);
    Corpus.generate(seed, startNanos, traces, 1, b -> { }, sent::add);
    Map<TraceId, Corpus.TraceSummary> byId = new HashMap<>(traces * 2);
    long corpusEndNanos = startNanos;
    for (Corpus.TraceSummary s : sent) {
      byId.put(s.traceId(), s);
      corpusEndNanos = Math.max(corpusEndNanos, s.rootEndEpochNanos());
    }
    SplittableRandom random = new SplittableRandom(seed ^ 0x5eed);

    Latencies byIdLatencies = new Latencies();
    int incomplete = 0;
    int missing = 0;
    for (int i = -warmup; i < queries; i++) {
      Corpus.TraceSummary expected = sent.get(random.nextInt(sent.size()));
      String path = querier.traceByIdPath(expected.traceId());
      long t0 = System.nanoTime();
      AggregatedHttpResponse response = client.get(path).aggregate().join();
      if (i < 0) continue;
      byIdLatencies.record(System.nanoTime() - t0);
      if (response.status().code() == 404) {
        missing++;
        continue;
      }
      if (querier.spanCount(json(path, response)) != expected.spanCount()) incomplete++;
    }

    Searches byName = new Searches();
    for (int i = -warmup; i < queries; i++) {
      Corpus.TraceSummary example = sent.get(random.nextInt(sent.size()));
      byName.run(querier.searchPath(example.rootService(), example.rootName(), startNanos, corpusEndNanos,
          SEARCH_LIMIT), i < 0, byId);
    }
    // The durable store's target query: a service, one attribute, a minimum duration, the last hour.
    Searches byAttribute = new Searches();
    long lastHour = Math.max(startNanos, corpusEndNanos - 3_600_000_000_000L);
    for (int i = -warmup; i < queries; i++) {
      Corpus.TraceSummary example = sent.get(random.nextInt(sent.size()));
      byAttribute.run(querier.attributeSearchPath(example.rootService(), "tenant.id", "tenant-" + random.nextInt(50),
          ATTRIBUTE_SEARCH_MIN_DURATION_NANOS, lastHour, corpusEndNanos, SEARCH_LIMIT), i < 0, byId);
    }
    return Summary.of(
        "mode", "query",
        "api", api,
        "traces", traces,
        "warmupQueries", warmup,
        "traceById", Summary.percentiles(byIdLatencies),
        "tracesMissing", missing,
        "tracesIncomplete", incomplete,
        "search", Summary.percentiles(byName.latencies),
        "searchesEmpty", byName.empty,
        "searchTracesWrong", byName.wrong,
        "attributeSearch", Summary.percentiles(byAttribute.latencies),
        "attributeSearchesEmpty", byAttribute.empty,
        "attributeSearchTracesWrong", byAttribute.wrong);
  }

  /** One kind of search: its latencies, and how many answers were empty or listed traces not as sent. */
  private final class Searches {
    final Latencies latencies = new Latencies();
    int empty;
    int wrong;

    void run(String path, boolean warmingUp, Map<TraceId, Corpus.TraceSummary> sent) throws IOException {
      long t0 = System.nanoTime();
      AggregatedHttpResponse response = client.get(path).aggregate().join();
      if (warmingUp) return;
      latencies.record(System.nanoTime() - t0);
      List<Querier.Found> found = querier.found(json(path, response));
      if (found.isEmpty()) empty++;
      for (Querier.Found trace : found) {
        Corpus.TraceSummary sentTrace = sent.get(trace.traceId());
        if (sentTrace == null || !trace.agreesWith(sentTrace)) wrong++;
      }
    }
  }

  /** The answer's JSON; an answer other than 200 ends the run, since its latency would mean nothing. */
  private static JsonNode json(String path, AggregatedHttpResponse response) throws IOException {
    if (response.status().code() != 200) {
      throw new IllegalStateException("GET " + path + " answered " + response.status() + ": "
          + response.contentUtf8().substring(0, Math.min(500, response.contentUtf8().length())));
    }
    return JSON.readTree(response.contentUtf8());
  }
}
