package dev.ariadne.server.fidelity;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import zipkin2.DependencyLink;
import zipkin2.codec.DependencyLinkBytesDecoder;
import zipkin2.codec.SpanBytesDecoder;

/**
 * The {@link ShopTrace} of every ingest path, found through each query API's search: by service and
 * operation (Jaeger /api/traces, Zipkin /api/v2/traces, Tempo TraceQL), by tags, and in the dependency
 * graph. Searches that return traces must return the path's trace, and only it, in the same view as by id.
 */
class SearchFidelityTest {
  private static final long T0_MICROS = ShopTrace.T0 / 1_000;
  private static final long HOUR_MICROS = 3_600_000_000L;
  private static final long T0_MILLIS = ShopTrace.T0 / 1_000_000;
  private static final long HOUR_MILLIS = 3_600_000L;
  private static FidelityServer fixture;

  @BeforeAll
  static void sendTheTraceThroughEveryIngestPath() throws Exception {
    fixture = FidelityServer.start();
  }

  @AfterAll
  static void stop() {
    if (fixture != null) fixture.close();
  }

  /** As Jaeger UI searches: a service from /api/services, an operation from its list, then /api/traces. */
  @ParameterizedTest(name = "{0}")
  @EnumSource(Ingest.class)
  void jaegerSearchFindsTheTraceByEachServiceAndOperation(Ingest ingest) throws Exception {
    for (StoredSpan span : fixture.stored(ingest)) {
      assertListed(fixture.jaeger.json("/api/services").get("data"), span.serviceName());
      assertListed(fixture.jaeger.json("/api/services/" + ApiClient.encode(span.serviceName()).replace("+", "%20")
          + "/operations").get("data"), span.name());
      String query = "/api/traces?service=" + ApiClient.encode(span.serviceName())
          + "&operation=" + ApiClient.encode(span.name())
          + "&start=" + (T0_MICROS - HOUR_MICROS) + "&end=" + (T0_MICROS + HOUR_MICROS) + "&limit=20";
      JsonNode data = fixture.jaeger.json(query).get("data");
      assertEquals(1, data.size(), () -> query + " finds one trace: " + data);
      fixture.assertJaegerTrace(query, ingest, data.get(0));
    }
  }

  /**
   * As Zipkin UI searches: a service from /api/v2/services and a span name from /api/v2/spans, both
   * lowercased whatever the dialect, then /api/v2/traces.
   */
  @ParameterizedTest(name = "{0}")
  @EnumSource(Ingest.class)
  void zipkinSearchFindsTheTraceByEachServiceAndSpanName(Ingest ingest) throws Exception {
    long endTs = T0_MILLIS + HOUR_MILLIS;
    for (StoredSpan span : fixture.stored(ingest)) {
      String service = StoredExpectation.lower(span.serviceName());
      String name = StoredExpectation.lower(span.name());
      assertListed(fixture.zipkin.json("/api/v2/services"), service);
      assertListed(fixture.zipkin.json("/api/v2/spans?serviceName=" + ApiClient.encode(service)), name);
      String query = "/api/v2/traces?serviceName=" + ApiClient.encode(service)
          + "&spanName=" + ApiClient.encode(name) + "&endTs=" + endTs + "&lookback=" + 2 * HOUR_MILLIS + "&limit=20";
      JsonNode traces = fixture.zipkin.json(query);
      assertEquals(1, traces.size(), () -> query + " finds one trace: " + traces);
      fixture.assertZipkinTrace(query, ingest,
          SpanBytesDecoder.JSON_V2.decodeList(traces.get(0).toString().getBytes(StandardCharsets.UTF_8)));
    }
  }

  /**
   * As Grafana's Tempo search builds TraceQL: a service and a span name from the tag value lists, then
   * /api/search; the answer's trace and matched span carry the trace's root, start and durations.
   */
  @ParameterizedTest(name = "{0}")
  @EnumSource(Ingest.class)
  void tempoSearchFindsTheTraceByEachServiceAndName(Ingest ingest) throws Exception {
    List<StoredSpan> spans = fixture.stored(ingest);
    StoredSpan root = spans.getFirst();
    long start = spans.stream().mapToLong(StoredSpan::startNanos).min().orElseThrow();
    long end = spans.stream().mapToLong(StoredSpan::endNanos).max().orElseThrow();
    long seconds = ShopTrace.T0 / 1_000_000_000;
    for (StoredSpan span : spans) {
      assertListed(fixture.tempo.json("/api/v2/search/tag/resource.service.name/values").get("tagValues"),
          "{\"type\":\"string\",\"value\":\"" + span.serviceName() + "\"}");
      assertListed(fixture.tempo.json("/api/v2/search/tag/name/values").get("tagValues"),
          "{\"type\":\"string\",\"value\":\"" + span.name() + "\"}");
      String q = "{ resource.service.name = \"" + span.serviceName() + "\" && name = \"" + span.name() + "\" }";
      String query = "/api/search?q=" + ApiClient.encode(q) + "&start=" + (seconds - 3600) + "&end=" + (seconds + 3600);
      JsonNode traces = fixture.tempo.json(query).get("traces");
      assertEquals(1, traces.size(), () -> q + " finds one trace: " + traces);
      JsonNode found = traces.get(0);
      assertEquals(fixture.sent(ingest).traceIdHex().replaceFirst("^0+", ""), found.get("traceID").asText(), q);
      assertEquals(root.serviceName(), found.get("rootServiceName").asText(), q);
      assertEquals(root.name(), found.get("rootTraceName").asText(), q);
      assertEquals(Long.toString(start), found.get("startTimeUnixNano").asText(), q);
      // Tempo's trace duration is whole milliseconds, truncated.
      assertEquals((end - start) / 1_000_000, found.get("durationMs").asLong(), q);
      JsonNode spanSet = found.at("/spanSets/0");
      assertEquals(1, spanSet.get("matched").asInt(), () -> q + " matches one span: " + spanSet);
      JsonNode matched = spanSet.at("/spans/0");
      assertEquals(span.spanId(), matched.get("spanID").asText(), q);
      assertEquals(span.name(), matched.get("name").asText(), q);
      assertEquals(Long.toString(span.startNanos()), matched.get("startTimeUnixNano").asText(), q);
      assertEquals(Long.toString(span.endNanos() - span.startNanos()), matched.get("durationNanos").asText(), q);
    }
  }

  /** {@code list} (a JSON array) has {@code item}: a string, or an object given as its JSON text. */
  private static void assertListed(JsonNode list, String item) {
    for (JsonNode entry : list) {
      if (entry.isTextual() ? entry.asText().equals(item) : entry.toString().equals(item)) return;
    }
    throw new AssertionError(item + " is not listed in " + list);
  }

  /**
   * Tag searches find the error span's trace in every API; Jaeger and Zipkin compare tags as text, so
   * payment.retries=2 matches whatever the dialect, while TraceQL compares types: a Zipkin tag is the
   * string "2", found by {@code = "2"} and not by {@code = 2}, the documented loss of Zipkin's tag types.
   */
  @ParameterizedTest(name = "{0}")
  @EnumSource(Ingest.class)
  void tagSearchesFindTheErrorSpanAndTheirTypesFollowTheDialect(Ingest ingest) throws Exception {
    StoredSpan charge = fixture.stored(ingest).stream().filter(s -> s.status().equals("ERROR")).findFirst().orElseThrow();
    String service = ApiClient.encode(charge.serviceName());
    List<String> jaegerFound = new ArrayList<>();
    fixture.jaeger.json("/api/traces?service=" + service + "&start=" + (T0_MICROS - HOUR_MICROS) + "&end=" + (T0_MICROS + HOUR_MICROS)
        + "&tags=" + ApiClient.encode("{\"error\":\"true\",\"payment.retries\":\"2\"}"))
        .get("data").forEach(t -> jaegerFound.add(t.get("traceID").asText()));
    assertEquals(List.of(fixture.sent(ingest).shortTraceIdHex()), jaegerFound, "Jaeger tags search");

    List<String> zipkinFound = new ArrayList<>();
    fixture.zipkin.json("/api/v2/traces?serviceName=" + service + "&endTs=" + (T0_MILLIS + HOUR_MILLIS) + "&lookback=" + 2 * HOUR_MILLIS
        + "&annotationQuery=" + ApiClient.encode("error and payment.retries=2"))
        .forEach(t -> zipkinFound.add(t.get(0).get("traceId").asText()));
    assertEquals(List.of(fixture.sent(ingest).shortTraceIdHex()), zipkinFound, "Zipkin annotationQuery");

    boolean typed = ingest.dialect != Dialect.ZIPKIN;
    String where = "resource.service.name = \"" + charge.serviceName() + "\" && status = error && span.payment.retries = ";
    assertEquals(typed, tempoFinds(ingest, "{ " + where + "2 }"), "TraceQL with an integer");
    assertEquals(!typed, tempoFinds(ingest, "{ " + where + "\"2\" }"), "TraceQL with a string");
  }

  private static boolean tempoFinds(Ingest ingest, String q) throws Exception {
    long seconds = ShopTrace.T0 / 1_000_000_000;
    JsonNode traces = fixture.tempo.json("/api/search?q=" + ApiClient.encode(q) + "&start=" + (seconds - 3600) + "&end=" + (seconds + 3600))
        .path("traces");
    if (traces.isEmpty()) return false;
    assertEquals(1, traces.size(), () -> q + ": " + traces);
    assertEquals(fixture.sent(ingest).traceIdHex().replaceFirst("^0+", ""), traces.get(0).get("traceID").asText(), q);
    return true;
  }

  // --- Dependencies: one call per parent/child pair across services ---

  @ParameterizedTest(name = "{0}")
  @EnumSource(Ingest.class)
  void jaegerDependenciesLinkTheServicesOfTheTrace(Ingest ingest) throws Exception {
    JsonNode links = fixture.jaeger.json("/api/dependencies?endTs=" + (T0_MILLIS + HOUR_MILLIS) + "&lookback=" + 2 * HOUR_MILLIS)
        .get("data");
    Map<String, Long> found = new TreeMap<>();
    for (JsonNode link : links) {
      found.put(link.get("parent").asText() + " → " + link.get("child").asText(), link.get("callCount").asLong());
    }
    assertEquals(calls(ingest, false), onlyOf(ingest, found));
  }

  @ParameterizedTest(name = "{0}")
  @EnumSource(Ingest.class)
  void zipkinDependenciesLinkTheServicesOfTheTrace(Ingest ingest) throws Exception {
    byte[] body = fixture.zipkin.get("/api/v2/dependencies?endTs=" + (T0_MILLIS + HOUR_MILLIS) + "&lookback=" + 2 * HOUR_MILLIS, null);
    Map<String, Long> found = new TreeMap<>();
    for (DependencyLink link : DependencyLinkBytesDecoder.JSON_V1.decodeList(body)) {
      found.put(link.parent() + " → " + link.child(), link.callCount());
    }
    // Zipkin's names are lowercase.
    assertEquals(calls(ingest, true), onlyOf(ingest, found));
  }

  /** "parent service → child service" with its call count, from the expected spans' parents. */
  private static Map<String, Long> calls(Ingest ingest, boolean lowercase) {
    List<StoredSpan> spans = fixture.stored(ingest);
    Map<String, String> serviceOf = new TreeMap<>();
    for (StoredSpan s : spans) serviceOf.put(s.spanId(), lowercase ? StoredExpectation.lower(s.serviceName()) : s.serviceName());
    Map<String, Long> calls = new TreeMap<>();
    for (StoredSpan s : spans) {
      String parent = serviceOf.get(s.parentId());
      String child = serviceOf.get(s.spanId());
      if (parent != null && !parent.equals(child)) calls.merge(parent + " → " + child, 1L, Long::sum);
    }
    return calls;
  }

  /** The links of this path's services: their names end in its suffix. */
  private static Map<String, Long> onlyOf(Ingest ingest, Map<String, Long> links) {
    String suffix = fixture.sent(ingest).spec().services().getFirst().name().replaceFirst("^[^-]*", "");
    Map<String, Long> mine = new TreeMap<>();
    links.forEach((link, count) -> {
      if (link.toLowerCase(Locale.ROOT).endsWith(suffix)) mine.put(link, count);
    });
    return mine;
  }
}
