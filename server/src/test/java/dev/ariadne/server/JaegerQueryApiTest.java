package dev.ariadne.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ariadne.model.Attributes;
import dev.ariadne.model.Resource;
import dev.ariadne.model.Span;
import dev.ariadne.model.SpanKind;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Search semantics and bad parameters of the Jaeger query API, over HTTP. */
class JaegerQueryApiTest {
  private static final long T0 = 1_700_000_000_000_000_000L;
  private static AllInOne server;
  private static HttpTestClient query;

  @BeforeAll
  static void start() {
    server = new AllInOne(AllInOneConfig.ephemeral()).start();
    query = new HttpTestClient(server.queryPort());
    Resource payments = Resource.of(Attributes.of("service.name", "payments", "region", "eu-1"));
    List<Span> spans = new ArrayList<>();
    // Ten traces, trace i lasting i milliseconds and starting i seconds after T0.
    for (int i = 1; i <= 10; i++) {
      spans.add(Span.builder().resource(payments).traceId(0, i).spanId(100 + i)
          .name(i % 2 == 0 ? "charge" : "refund").kind(SpanKind.SERVER)
          .startEpochNanos(T0 + i * 1_000_000_000L).endEpochNanos(T0 + i * 1_000_000_000L + i * 1_000_000L)
          .attributes(Attributes.of("amount", (long) i * 10, "currency", i <= 5 ? "EUR" : "USD"))
          .build());
    }
    server.store().append(spans);
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  private static List<Long> traceIds(String q) throws Exception {
    HttpTestClient.Response r = query.get("/api/traces?" + q);
    assertEquals(200, r.status(), r.text());
    List<Long> ids = new ArrayList<>();
    for (JsonNode t : r.json().get("data")) ids.add(Long.parseLong(t.get("traceID").asText(), 16));
    ids.sort(null);
    return ids;
  }

  private static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

  @Test
  void searchFiltersByOperationTagsDurationAndTime() throws Exception {
    assertEquals(List.of(2L, 4L, 6L, 8L, 10L), traceIds("service=payments&operation=charge"));
    assertEquals(List.of(6L, 8L, 10L), traceIds("service=payments&operation=charge&tags=" + enc("{\"currency\":\"USD\"}")));
    assertEquals(List.of(4L), traceIds("service=payments&tag=amount:40&tag=region:eu-1"));
    assertEquals(List.of(3L, 4L, 5L), traceIds("service=payments&minDuration=3ms&maxDuration=5.5ms"));
    long startMicros = (T0 + 8_000_000_000L) / 1_000;
    assertEquals(List.of(8L, 9L, 10L), traceIds("service=payments&start=" + startMicros));
    assertEquals(List.of(8L), traceIds("service=payments&start=" + startMicros + "&end=" + (startMicros + 1)));
    assertEquals(3, traceIds("service=payments&limit=3").size());
    assertEquals(List.of(), traceIds("service=nobody"));
    // Parameters the API does not know are ignored, as Jaeger does (UIs send extra ones).
    assertEquals(10, traceIds("service=payments&prettyPrint=true&searchDepth=20&lookback=custom").size());
  }

  @Test
  void traceIdsCanBeGivenAsSixteenOrThirtyTwoHexCharacters() throws Exception {
    assertEquals(200, query.get("/api/traces/0000000000000003").status());
    assertEquals(200, query.get("/api/traces/00000000000000000000000000000003").status());
    assertEquals(List.of(2L, 3L), traceIds("traceID=0000000000000002&traceID=0000000000000003"));
  }

  @Test
  void missingTraceIs404WithEnvelope() throws Exception {
    HttpTestClient.Response r = query.get("/api/traces/00000000000000000000000000abcdef");
    assertEquals(404, r.status());
    JsonNode body = r.json();
    assertTrue(body.get("data").isNull());
    assertEquals(404, body.get("errors").get(0).get("code").asInt());
    assertEquals("trace not found", body.get("errors").get(0).get("msg").asText());
  }

  @Test
  void someMissingTraceIdsAreReportedBesideTheFoundOnes() throws Exception {
    JsonNode body = query.get("/api/traces?traceID=0000000000000001&traceID=00000000000000ff").json();
    assertEquals(1, body.get("data").size());
    assertEquals("00000000000000ff", body.get("errors").get(0).get("traceID").asText().substring(16));
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "service=payments&limit=-1|limit",
      "service=payments&limit=ten|limit",
      "service=payments&minDuration=abc|minDuration",
      "service=payments&maxDuration=5|maxDuration",
      "service=payments&minDuration=5s&maxDuration=1s|maxDuration",
      "service=payments&tags=%7Bbad|tags",
      "service=payments&tags=%5B1%5D|tags",
      "service=payments&tag=novalue|tag",
      "service=payments&start=yesterday|start",
      "service=payments&end=-5|end",
      "operation=charge|service",
      "traceID=xyz|traceID",
      "traceID=0123456789abcdef0123456789abcdef01|traceID",
  })
  void badSearchParametersAre400NamingTheParameter(String q, String parameter) throws Exception {
    HttpTestClient.Response r = query.get("/api/traces?" + q);
    assertEquals(400, r.status(), r.text());
    JsonNode error = r.json().get("errors").get(0);
    assertEquals(400, error.get("code").asInt());
    assertTrue(error.get("msg").asText().startsWith("parameter '" + parameter + "'"), error.toString());
  }

  @Test
  void otherBadParametersAre400() throws Exception {
    assertEquals(400, query.get("/api/traces/not-hex").status());
    assertEquals(400, query.get("/api/operations").status());
    assertEquals(400, query.get("/api/operations?service=payments&spanKind=sideways").status());
    assertEquals(400, query.get("/api/dependencies?endTs=soon").status());
    assertEquals(400, query.get("/api/dependencies?lookback=-1").status());
    // And the server still answers.
    assertEquals(200, query.get("/api/services").status());
  }

  @Test
  void envelopeHasJaegerShape() throws Exception {
    JsonNode body = query.get("/api/services").json();
    assertEquals(List.of("data", "total", "limit", "offset", "errors"), fieldNames(body));
    assertEquals("payments", body.get("data").get(0).asText());
    assertEquals(body.get("data").size(), body.get("total").asInt());
  }

  private static List<String> fieldNames(JsonNode node) {
    List<String> names = new ArrayList<>();
    node.fieldNames().forEachRemaining(names::add);
    return names;
  }
}
