package dev.ariadne.server.fidelity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ariadne.server.AllInOne;
import dev.ariadne.server.AllInOneConfig;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import zipkin2.Span;

/**
 * A server on free ports that received the {@link ShopTrace} through every {@link Ingest} path, with
 * clients for its query APIs and the checks every test of a trace's view shares.
 */
final class FidelityServer implements AutoCloseable {
  final ApiClient jaeger;
  final ApiClient zipkin;
  final ApiClient tempo;
  private final AllInOne server;
  private final Map<Ingest, SentTrace> sent = new EnumMap<>(Ingest.class);

  private FidelityServer(AllInOne server) {
    this.server = server;
    this.jaeger = new ApiClient(server.queryPort());
    this.zipkin = new ApiClient(server.zipkinPort());
    this.tempo = new ApiClient(server.tempoPort());
  }

  /** Starts a server and sends the trace through every path; returns once every span is stored. */
  static FidelityServer start() throws Exception {
    FidelityServer fixture = new FidelityServer(new AllInOne(AllInOneConfig.ephemeral()).start());
    for (Ingest ingest : Ingest.values()) fixture.sent.put(ingest, ingest.send(fixture.server));
    for (SentTrace trace : fixture.sent.values()) fixture.awaitWholeTrace(trace);
    return fixture;
  }

  SentTrace sent(Ingest ingest) {
    return sent.get(ingest);
  }

  List<StoredSpan> stored(Ingest ingest) {
    return StoredExpectation.of(sent.get(ingest), ingest.dialect);
  }

  /** One trace of a Jaeger answer against the expected Jaeger view of the path's trace. */
  void assertJaegerTrace(String what, Ingest ingest, JsonNode trace) {
    assertEquals(sent(ingest).shortTraceIdHex(), trace.get("traceID").asText(), what);
    List<JaegerView> actual = new ArrayList<>();
    for (JsonNode span : trace.get("spans")) actual.add(JaegerView.read(span, trace.get("processes")));
    List<JaegerView> expected = stored(ingest).stream().map(JaegerView::expected).toList();
    RecordDiff.assertSameSpans(what, expected, actual, JaegerView::spanID);
  }

  /** One trace of a Zipkin answer against the expected Zipkin view of the path's trace. */
  void assertZipkinTrace(String what, Ingest ingest, List<Span> actual) {
    List<Span> expected = stored(ingest).stream().map(ZipkinView::expected).toList();
    ZipkinView.assertSameSpans(what, expected, actual);
  }

  /** UDP has no answer: poll, bounded, until every span of the trace is stored. The other paths are there already. */
  private void awaitWholeTrace(SentTrace trace) throws Exception {
    int spans = trace.spec().spans().size();
    String path = "/api/traces/" + trace.traceIdHex();
    for (int attempt = 0; attempt < 600; attempt++) {
      if (jaeger.status(path) == 200 && jaeger.json(path).at("/data/0/spans").size() == spans) return;
      Thread.sleep(50);
    }
    fail("trace " + trace.traceIdHex() + " did not arrive with its " + spans + " spans");
  }

  @Override
  public void close() {
    server.close();
  }
}
