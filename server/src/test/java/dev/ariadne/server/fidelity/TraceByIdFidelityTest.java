package dev.ariadne.server.fidelity;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import zipkin2.Span;
import zipkin2.codec.SpanBytesDecoder;

/**
 * One trace ({@link ShopTrace}), sent through every ingest path with that path's real client, read back
 * by id through every query API: Tempo (protobuf and JSON), Jaeger and Zipkin. Every answer must equal,
 * field by field, the view built from the sent trace by {@link StoredExpectation} (what each dialect
 * keeps) and {@link JaegerView} / {@link ZipkinView} (what each API shows). The documented losses are
 * part of those expectations, so a lossy corner that changes fails here. docs/PROTOCOLS.md is the matrix
 * these tests check.
 */
class TraceByIdFidelityTest {
  private static FidelityServer fixture;

  @BeforeAll
  static void sendTheTraceThroughEveryIngestPath() throws Exception {
    fixture = FidelityServer.start();
  }

  @AfterAll
  static void stop() {
    if (fixture != null) fixture.close();
  }

  @ParameterizedTest(name = "{0}")
  @EnumSource(Ingest.class)
  void tempoProtobufShowsWhatTheDialectKeeps(Ingest ingest) throws Exception {
    byte[] body = fixture.tempo.get("/api/traces/" + fixture.sent(ingest).shortTraceIdHex(), "application/protobuf");
    RecordDiff.assertSameSpans(ingest + " → Tempo protobuf", fixture.stored(ingest), TempoReader.fromProtobuf(body),
        StoredSpan::spanId);
  }

  @ParameterizedTest(name = "{0}")
  @EnumSource(Ingest.class)
  void tempoJsonShowsWhatTheDialectKeeps(Ingest ingest) throws Exception {
    byte[] body = fixture.tempo.get("/api/traces/" + fixture.sent(ingest).shortTraceIdHex(), "application/json");
    RecordDiff.assertSameSpans(ingest + " → Tempo JSON", fixture.stored(ingest),
        TempoReader.fromJson(new String(body, StandardCharsets.UTF_8)), StoredSpan::spanId);
  }

  @ParameterizedTest(name = "{0}")
  @EnumSource(Ingest.class)
  void jaegerApiShowsTheTraceAsJaegerShowsOtelSpans(Ingest ingest) throws Exception {
    JsonNode data = fixture.jaeger.json("/api/traces/" + fixture.sent(ingest).shortTraceIdHex()).get("data");
    assertEquals(1, data.size(), data::toString);
    fixture.assertJaegerTrace(ingest + " → Jaeger", ingest, data.get(0));
  }

  @ParameterizedTest(name = "{0}")
  @EnumSource(Ingest.class)
  void zipkinApiShowsTheTraceAsTheCollectorsZipkinExporterWould(Ingest ingest) throws Exception {
    byte[] body = fixture.zipkin.get("/api/v2/trace/" + fixture.sent(ingest).shortTraceIdHex(), null);
    fixture.assertZipkinTrace(ingest + " → Zipkin", ingest, SpanBytesDecoder.JSON_V2.decodeList(body));
  }

  /**
   * Zipkin in, Zipkin out: what the reporter sent comes back as it was (names lowercased by Zipkin's own
   * library before sending), but for one documented change: an integral number in an event's JSON
   * attributes (weight.kg 2.0) comes back as an integer.
   */
  @ParameterizedTest(name = "{0}")
  @EnumSource(names = {"ZIPKIN_JSON", "ZIPKIN_PROTO3"})
  void zipkinApiReturnsWhatTheReporterSent(Ingest ingest) throws Exception {
    SentTrace sent = fixture.sent(ingest);
    byte[] body = fixture.zipkin.get("/api/v2/trace/" + sent.shortTraceIdHex(), null);
    List<Span> expected = ZipkinReporterSender.spans(sent).stream().map(ZipkinView::withIntegralNumbersAsIntegers).toList();
    ZipkinView.assertSameSpans(ingest + " → Zipkin", expected, SpanBytesDecoder.JSON_V2.decodeList(body));
  }
}
