package dev.ariadne.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import zipkin2.Endpoint;
import zipkin2.Span;
import zipkin2.codec.SpanBytesDecoder;
import zipkin2.codec.SpanBytesEncoder;
import zipkin2.reporter.Encoding;

/**
 * Malformed, truncated, oversized, hostile and mislabeled bodies on the Zipkin intake, and bad query
 * parameters on the Zipkin API: each gets a clear error naming the problem, the server keeps serving
 * and the trace stored first stays queryable.
 */
class ZipkinBadInputTest {
  private static final int LIMIT = 256 * 1024;
  private static final String KEPT_TRACE = "000000000000000000000000000000aa";
  private static AllInOne server;
  private static HttpTestClient zipkin;

  @BeforeAll
  static void start() throws Exception {
    server = new AllInOne(AllInOneConfig.ephemeral().withMaxRequestBytes(LIMIT)).start();
    zipkin = new HttpTestClient(server.zipkinPort());
    ZipkinSender.sendJsonV2(server.zipkinPort(), List.of(span("aa", "1", "kept")));
  }

  @AfterAll
  static void stop() throws Exception {
    HttpTestClient.Response kept = zipkin.get("/api/v2/trace/" + KEPT_TRACE);
    assertEquals(200, kept.status(), "the trace stored first is still served: " + kept.text());
    assertEquals("kept", SpanBytesDecoder.JSON_V2.decodeList(kept.body()).getFirst().name());
    server.close();
  }

  private static Span span(String traceId, String id, String name) {
    return Span.newBuilder().traceId(traceId).id(id).name(name).timestamp(1_700_000_000_000_000L).duration(10)
        .localEndpoint(Endpoint.newBuilder().serviceName("bad-input").build()).build();
  }

  private static HttpTestClient.Response postJson(String body) throws Exception {
    return zipkin.post("/api/v2/spans", "application/json", body.getBytes(StandardCharsets.UTF_8));
  }

  private static void assertRefused(HttpTestClient.Response r, int status, String messagePart) {
    assertEquals(status, r.status(), r.text());
    assertTrue(r.text().contains(messagePart), "\"" + messagePart + "\" in " + r.text());
  }

  @Test
  void malformedJsonIs400() throws Exception {
    assertRefused(postJson("[{\"traceId\":\"1\",\"id\":\"2\",\"name\":}]"), 400, "malformed JSON_V2 span list");
    assertRefused(postJson("[{\"traceId\":\"1\",\"id\":\"2\""), 400, "End of input");
    assertRefused(postJson("not json"), 400, "expected a JSON_V2 encoded list of spans");
    assertRefused(postJson("[{\"traceId\":\"1\",\"id\":\"2\",\"timestamp\":\"soon\"}]"), 400, "malformed JSON_V2");
  }

  @Test
  void truncatedProto3Is400() throws Exception {
    byte[] proto = SpanBytesEncoder.PROTO3.encodeList(List.of(span("ab", "1", "x"), span("ab", "2", "y")));
    HttpTestClient.Response r = zipkin.post("/api/v2/spans", "application/x-protobuf",
        Arrays.copyOf(proto, proto.length - 3));
    assertRefused(r, 400, "malformed PROTO3 span list: Truncated");
    // A length prefix claiming two gigabytes: refused by its claim, nothing allocated for it.
    byte[] absurd = {0x0a, (byte) 0xff, (byte) 0xff, (byte) 0xff, (byte) 0xff, 0x07, 0x0a};
    assertRefused(zipkin.post("/api/v2/spans", "application/x-protobuf", absurd), 400, "malformed PROTO3");
  }

  @Test
  void deeplyNestedJsonIs400() throws Exception {
    String deep = "[".repeat(50_000) + "]".repeat(50_000);
    assertRefused(postJson("[{\"traceId\":\"1\",\"id\":\"2\",\"extra\":" + deep + "}]"), 400, "Nesting limit");
  }

  @Test
  void hugeStringOverTheLimitIs413() throws Exception {
    String huge = "x".repeat(LIMIT + 1);
    assertEquals(413, postJson("[{\"traceId\":\"1\",\"id\":\"2\",\"name\":\"" + huge + "\"}]").status());
  }

  @Test
  void gzipBombIs413AndCorruptGzipIs400() throws Exception {
    ByteArrayOutputStream compressed = new ByteArrayOutputStream();
    try (GZIPOutputStream gz = new GZIPOutputStream(compressed)) {
      gz.write('[');
      byte[] spaces = new byte[1 << 20];
      Arrays.fill(spaces, (byte) ' ');
      for (int i = 0; i < 64; i++) gz.write(spaces);
    }
    assertTrue(compressed.size() < LIMIT);
    assertRefused(zipkin.post("/api/v2/spans", "application/json", compressed.toByteArray(), "Content-Encoding", "gzip"),
        413, "exceeds the limit");
    assertRefused(zipkin.post("/api/v2/spans", "application/json", "not gzip".getBytes(StandardCharsets.UTF_8),
        "Content-Encoding", "gzip"), 400, "cannot decode the body");
  }

  @Test
  void wrongContentTypeIs415() throws Exception {
    assertRefused(zipkin.post("/api/v2/spans", "text/plain", "[]".getBytes(StandardCharsets.UTF_8)), 415,
        "application/json or application/x-protobuf");
    assertRefused(zipkin.post("/api/v1/spans", "application/x-thrift", new byte[] {12, 0, 0, 0, 0}), 415,
        "v1 thrift is not supported");
    assertEquals(405, zipkin.send(java.net.http.HttpRequest.newBuilder(zipkin.uri("/api/v2/spans"))
        .PUT(java.net.http.HttpRequest.BodyPublishers.ofString("[]"))).status());
  }

  @Test
  void aBodyInAnotherEncodingIsNamed() throws Exception {
    byte[] proto = SpanBytesEncoder.PROTO3.encodeList(List.of(span("ac", "1", "x")));
    assertRefused(zipkin.post("/api/v2/spans", "application/json", proto), 400, "but received PROTO3");
    byte[] v2 = SpanBytesEncoder.JSON_V2.encodeList(List.of(span("ac", "1", "x")));
    assertRefused(zipkin.post("/api/v1/spans", "application/json", v2), 400, "expected a JSON_V1 encoded list");
  }

  @Test
  void invalidIdsAreRefusedSpanBySpan() throws Exception {
    assertRefused(postJson("[{\"traceId\":\"00000000000000000000000000000000\",\"id\":\"2\"}]"), 400,
        "traceId is all zeros");
    assertRefused(postJson("[{\"traceId\":\"xyz\",\"id\":\"2\"}]"), 400, "xyz should be lower-hex encoded");
    assertRefused(postJson("[{\"traceId\":\"ad\",\"id\":\"0\",\"name\":\"zero\"}]"), 400,
        "spans[0] (id 0000000000000000): id must not be all zeros");

    HttpTestClient.Response partly = postJson("[{\"traceId\":\"ae\",\"id\":\"0\",\"name\":\"zero\"},"
        + "{\"traceId\":\"ae\",\"id\":\"5\",\"name\":\"good\",\"timestamp\":1}]");
    assertRefused(partly, 202, "rejected 1 span: spans[0]");
    List<Span> stored = SpanBytesDecoder.JSON_V2.decodeList(zipkin.get("/api/v2/trace/00000000000000ae").body());
    assertEquals(List.of("good"), stored.stream().map(Span::name).toList());
  }

  @Test
  void anAbsurdNumberOfInvalidSpansGetsABoundedMessage() throws Exception {
    StringBuilder body = new StringBuilder("[");
    for (int i = 0; i < 8_000; i++) body.append(i == 0 ? "" : ",").append("{\"traceId\":\"af\",\"id\":\"0\"}");
    HttpTestClient.Response r = postJson(body.append(']').toString());
    assertRefused(r, 400, "rejected 8000 spans: ");
    assertTrue(r.text().endsWith("; and 7995 more"), r.text());
    assertTrue(r.text().length() < 1_000, "bounded: " + r.text().length());
  }

  @Test
  void theSenderSeesTheRefusal() {
    IOException e = assertThrows(IOException.class, () -> ZipkinSender.send(
        ZipkinSender.sender(server.zipkinPort(), "/api/v2/spans", Encoding.JSON, true),
        zipkin2.reporter.SpanBytesEncoder.JSON_V2, List.of(span("b0", "1", "x".repeat(LIMIT)))));
    assertTrue(e.getMessage().contains("413"), e.getMessage());
  }

  @Test
  void badQueryParametersAre400NamingTheParameter() throws Exception {
    for (String[] c : List.of(
        new String[] {"/api/v2/traces?limit=-1", "parameter 'limit': must be greater than 0, got -1"},
        new String[] {"/api/v2/traces?limit=ten", "parameter 'limit': not a whole number: \"ten\""},
        new String[] {"/api/v2/traces?limit=99999999999", "parameter 'limit': must be at most 2147483647"},
        new String[] {"/api/v2/traces?minDuration=0", "parameter 'minDuration': must be greater than 0"},
        new String[] {"/api/v2/traces?maxDuration=5", "parameter 'maxDuration': is only valid with minDuration"},
        new String[] {"/api/v2/traces?minDuration=10&maxDuration=5", "parameter 'maxDuration': must be at least minDuration"},
        new String[] {"/api/v2/traces?endTs=yesterday", "parameter 'endTs': not a whole number"},
        new String[] {"/api/v2/traces?lookback=-5", "parameter 'lookback': must be greater than 0"},
        new String[] {"/api/v2/traces?endTs=9223372036854775807", "parameter 'endTs': must be at most"},
        new String[] {"/api/v2/trace/xyz", "parameter 'traceId': xyz should be lower-hex encoded"},
        new String[] {"/api/v2/trace/" + "a".repeat(33), "parameter 'traceId': traceId.length > 32"},
        new String[] {"/api/v2/traceMany", "parameter 'traceIds': is required"},
        new String[] {"/api/v2/traceMany?traceIds=aa", "parameter 'traceIds': use /api/v2/trace/{traceId}"},
        new String[] {"/api/v2/traceMany?traceIds=aa,00aa", "parameter 'traceIds': redundant traceId: 00aa"},
        new String[] {"/api/v2/traceMany?traceIds=aa,zz", "parameter 'traceIds': zz should be lower-hex"},
        new String[] {"/api/v2/dependencies", "parameter 'endTs': is required"},
        new String[] {"/api/v2/dependencies?endTs=1&lookback=x", "parameter 'lookback': not a whole number"},
        new String[] {"/api/v2/spans", "parameter 'serviceName': is required"},
        new String[] {"/api/v2/remoteServices", "parameter 'serviceName': is required"},
        new String[] {"/api/v2/autocompleteValues", "parameter 'key': is required"})) {
      assertRefused(zipkin.get(c[0]), 400, c[1]);
    }
    assertRefused(zipkin.get("/api/v2/trace/00000000000000bb"), 404, "00000000000000bb not found");
    assertEquals(200, zipkin.get("/api/v2/traces?serviceName=bad-input&whatever=1&limit=1").status(),
        "unknown parameters are ignored");
  }

  @Test
  void refusalsAreCounted() throws Exception {
    postJson("[{");
    zipkin.post("/api/v2/spans", "text/plain", new byte[] {1});
    postJson("[{\"traceId\":\"b1\",\"id\":\"0\"},{\"traceId\":\"b1\",\"id\":\"1\"}]");
    postJson("[\"" + "x".repeat(LIMIT) + "\"]");
    String metrics = new HttpTestClient(server.adminPort()).get("/metrics").text();
    for (String line : List.of(
        "ariadne_receiver_refused_requests_total{reason=\"malformed\",receiver=\"zipkin\",transport=\"http\"}",
        "ariadne_receiver_refused_requests_total{reason=\"unsupported_media_type\",receiver=\"zipkin\",transport=\"http\"}",
        "ariadne_receiver_refused_requests_total{reason=\"too_large\",receiver=\"zipkin\",transport=\"http\"}",
        "ariadne_receiver_refused_spans_total{receiver=\"zipkin\",transport=\"http\"}",
        "ariadne_receiver_accepted_spans_total{receiver=\"zipkin\",transport=\"http\"}",
        "ariadne_query_request_duration_seconds_count{api=\"zipkin\",endpoint=\"/api/v2/traces\"}")) {
      assertTrue(metrics.contains(line), line + " in metrics");
    }
    List<String> refusedSpans = new ArrayList<>(metrics.lines()
        .filter(l -> l.startsWith("ariadne_receiver_refused_spans_total{receiver=\"zipkin\"")).toList());
    assertTrue(Double.parseDouble(refusedSpans.getFirst().replaceAll(".* ", "")) >= 1, refusedSpans.toString());
  }
}
