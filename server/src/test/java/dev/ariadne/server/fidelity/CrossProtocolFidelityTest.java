package dev.ariadne.server.fidelity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ariadne.server.AllInOne;
import dev.ariadne.server.AllInOneConfig;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import zipkin2.Span;
import zipkin2.codec.SpanBytesDecoder;

/**
 * One trace ({@link ShopTrace}), sent through every ingest path with that path's real client, read back
 * through every query API: Tempo by id (protobuf and JSON), Jaeger by id, Zipkin by id, and each API's
 * search by service and operation. Every answer must equal, field by field, the view built from the sent
 * trace by {@link StoredExpectation} (what each dialect keeps) and {@link JaegerView} / {@link ZipkinView}
 * (what each API shows); the documented losses are part of those expectations, so a lossy corner that
 * changes fails here. docs/PROTOCOLS.md is the matrix these tests check.
 */
class CrossProtocolFidelityTest {
  private static final long T0_MICROS = ShopTrace.T0 / 1_000;
  private static final long HOUR_MICROS = 3_600_000_000L;
  private static final Map<Ingest, SentTrace> SENT = new EnumMap<>(Ingest.class);
  private static AllInOne server;
  private static ApiClient jaeger;
  private static ApiClient zipkin;
  private static ApiClient tempo;

  @BeforeAll
  static void sendTheTraceThroughEveryIngestPath() throws Exception {
    server = new AllInOne(AllInOneConfig.ephemeral()).start();
    jaeger = new ApiClient(server.queryPort());
    zipkin = new ApiClient(server.zipkinPort());
    tempo = new ApiClient(server.tempoPort());
    for (Ingest ingest : Ingest.values()) SENT.put(ingest, ingest.send(server));
    for (SentTrace sent : SENT.values()) awaitWholeTrace(sent);
  }

  @AfterAll
  static void stop() {
    if (server != null) server.close();
  }

  /** UDP has no answer: poll, bounded, until every span of the trace is stored. The other paths are there already. */
  private static void awaitWholeTrace(SentTrace sent) throws Exception {
    int spans = sent.spec().spans().size();
    for (int attempt = 0; attempt < 600; attempt++) {
      if (jaeger.status("/api/traces/" + sent.traceIdHex()) == 200
          && jaeger.json("/api/traces/" + sent.traceIdHex()).at("/data/0/spans").size() == spans) {
        return;
      }
      Thread.sleep(50);
    }
    fail("trace " + sent.traceIdHex() + " did not arrive with its " + spans + " spans");
  }

  private static List<StoredSpan> stored(Ingest ingest) {
    return StoredExpectation.of(SENT.get(ingest), ingest.dialect);
  }

  // --- Trace by id ---

  @ParameterizedTest(name = "{0}")
  @EnumSource(Ingest.class)
  void tempoProtobufShowsWhatTheDialectKeeps(Ingest ingest) throws Exception {
    byte[] body = tempo.get("/api/traces/" + SENT.get(ingest).shortTraceIdHex(), "application/protobuf");
    RecordDiff.assertSameSpans(ingest + " → Tempo protobuf", stored(ingest), TempoReader.fromProtobuf(body),
        StoredSpan::spanId);
  }

  @ParameterizedTest(name = "{0}")
  @EnumSource(Ingest.class)
  void tempoJsonShowsWhatTheDialectKeeps(Ingest ingest) throws Exception {
    byte[] body = tempo.get("/api/traces/" + SENT.get(ingest).shortTraceIdHex(), "application/json");
    RecordDiff.assertSameSpans(ingest + " → Tempo JSON", stored(ingest),
        TempoReader.fromJson(new String(body, StandardCharsets.UTF_8)), StoredSpan::spanId);
  }

  @ParameterizedTest(name = "{0}")
  @EnumSource(Ingest.class)
  void jaegerApiShowsTheTraceAsJaegerShowsOtelSpans(Ingest ingest) throws Exception {
    JsonNode data = jaeger.json("/api/traces/" + SENT.get(ingest).shortTraceIdHex()).get("data");
    assertEquals(1, data.size(), data::toString);
    assertJaegerTrace(ingest + " → Jaeger", ingest, data.get(0));
  }

  @ParameterizedTest(name = "{0}")
  @EnumSource(Ingest.class)
  void zipkinApiShowsTheTraceAsTheCollectorsZipkinExporterWould(Ingest ingest) throws Exception {
    byte[] body = zipkin.get("/api/v2/trace/" + SENT.get(ingest).shortTraceIdHex(), null);
    assertZipkinTrace(ingest + " → Zipkin", ingest, SpanBytesDecoder.JSON_V2.decodeList(body));
  }

  /**
   * Zipkin in, Zipkin out: what the reporter sent comes back as it was (names lowercased by Zipkin's own
   * library before sending), but for one documented change: an integral number in an event's JSON
   * attributes (weight.kg 2.0) comes back as an integer.
   */
  @ParameterizedTest(name = "{0}")
  @EnumSource(names = {"ZIPKIN_JSON", "ZIPKIN_PROTO3"})
  void zipkinApiReturnsWhatTheReporterSent(Ingest ingest) throws Exception {
    SentTrace sent = SENT.get(ingest);
    byte[] body = zipkin.get("/api/v2/trace/" + sent.shortTraceIdHex(), null);
    List<Span> expected = ZipkinReporterSender.spans(sent).stream().map(ZipkinView::withIntegralNumbersAsIntegers).toList();
    ZipkinView.assertSameSpans(ingest + " → Zipkin", expected, SpanBytesDecoder.JSON_V2.decodeList(body));
  }

  // --- Search by service and operation ---

  @ParameterizedTest(name = "{0}")
  @EnumSource(Ingest.class)
  void jaegerSearchFindsTheTraceByEachServiceAndOperation(Ingest ingest) throws Exception {
    for (StoredSpan span : stored(ingest)) {
      String query = "/api/traces?service=" + ApiClient.encode(span.serviceName())
          + "&operation=" + ApiClient.encode(span.name())
          + "&start=" + (T0_MICROS - HOUR_MICROS) + "&end=" + (T0_MICROS + HOUR_MICROS) + "&limit=20";
      JsonNode data = jaeger.json(query).get("data");
      assertEquals(1, data.size(), () -> query + " finds one trace: " + data);
      assertJaegerTrace(query, ingest, data.get(0));
    }
  }

  @ParameterizedTest(name = "{0}")
  @EnumSource(Ingest.class)
  void zipkinSearchFindsTheTraceByEachServiceAndSpanName(Ingest ingest) throws Exception {
    long endTs = ShopTrace.T0 / 1_000_000 + 3_600_000;
    for (StoredSpan span : stored(ingest)) {
      String query = "/api/v2/traces?serviceName=" + ApiClient.encode(span.serviceName())
          + "&spanName=" + ApiClient.encode(span.name()) + "&endTs=" + endTs + "&lookback=7200000&limit=20";
      JsonNode traces = zipkin.json(query);
      assertEquals(1, traces.size(), () -> query + " finds one trace: " + traces);
      assertZipkinTrace(query, ingest,
          SpanBytesDecoder.JSON_V2.decodeList(traces.get(0).toString().getBytes(StandardCharsets.UTF_8)));
    }
  }

  @ParameterizedTest(name = "{0}")
  @EnumSource(Ingest.class)
  void tempoSearchFindsTheTraceByEachServiceAndName(Ingest ingest) throws Exception {
    List<StoredSpan> spans = stored(ingest);
    StoredSpan root = spans.getFirst();
    long start = spans.stream().mapToLong(StoredSpan::startNanos).min().orElseThrow();
    long end = spans.stream().mapToLong(StoredSpan::endNanos).max().orElseThrow();
    long seconds = ShopTrace.T0 / 1_000_000_000;
    for (StoredSpan span : spans) {
      String q = "{ resource.service.name = \"" + span.serviceName() + "\" && name = \"" + span.name() + "\" }";
      String query = "/api/search?q=" + ApiClient.encode(q) + "&start=" + (seconds - 3600) + "&end=" + (seconds + 3600);
      JsonNode traces = tempo.json(query).get("traces");
      assertEquals(1, traces.size(), () -> q + " finds one trace: " + traces);
      JsonNode found = traces.get(0);
      assertEquals(SENT.get(ingest).traceIdHex().replaceFirst("^0+", ""), found.get("traceID").asText(), q);
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

  private static void assertJaegerTrace(String what, Ingest ingest, JsonNode trace) {
    assertEquals(SENT.get(ingest).shortTraceIdHex(), trace.get("traceID").asText(), what);
    List<JaegerView> actual = new ArrayList<>();
    for (JsonNode span : trace.get("spans")) actual.add(JaegerView.read(span, trace.get("processes")));
    List<JaegerView> expected = stored(ingest).stream().map(JaegerView::expected).toList();
    RecordDiff.assertSameSpans(what, expected, actual, JaegerView::spanID);
  }

  private static void assertZipkinTrace(String what, Ingest ingest, List<Span> actual) {
    List<Span> expected = stored(ingest).stream().map(ZipkinView::expected).toList();
    ZipkinView.assertSameSpans(what, expected, actual);
  }
}
