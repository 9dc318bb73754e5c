package dev.ariadne.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Jaeger's HTTP API v3 on the query port, fed by the OpenTelemetry SDK over OTLP and read with the JDK's
 * HTTP client the way Jaeger UI reads it: services, operations, a trace by id and by search (OTLP JSON in
 * {"result": …}), trace summaries, dependencies, and both spellings of every parameter.
 */
class JaegerV3HttpApiTest {
  private static final long T0 = 1_700_000_000_123_456_789L;
  private static final long HOUR = 3_600_000_000_000L;
  private static AllInOne server;
  private static HttpTestClient http;
  private static SdkTraces.Shop shop;

  @BeforeAll
  static void start() {
    server = new AllInOne(AllInOneConfig.ephemeral()).start();
    http = new HttpTestClient(server.queryPort());
    shop = SdkTraces.sendShop(server, "v3", T0);
    for (int i = 0; i < 3; i++) SdkTraces.sendSpan(server, "v3-health", "GET /health", T0 + i * 1_000_000_000L, 1_000);
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @Test
  void servicesListsEveryServiceSeen() throws Exception {
    JsonNode body = ok("/api/v3/services");
    assertEquals(List.of("v3-checkout", "v3-frontend", "v3-health"), texts(body.get("services")));
  }

  @Test
  void operationsCarryTheirLowerCaseSpanKindAndFilterByIt() throws Exception {
    JsonNode all = ok("/api/v3/operations?service=v3-frontend");
    assertEquals(List.of("GET /cart:server", "load-batch:internal"), operations(all));
    assertEquals(List.of("GET /cart:server"), operations(ok("/api/v3/operations?service=v3-frontend&spanKind=server")));
    assertEquals(List.of("load-batch:internal"),
        operations(ok("/api/v3/operations?service=v3-frontend&span_kind=internal")));
    assertEquals(List.of(), operations(ok("/api/v3/operations?service=v3-frontend&spanKind=consumer")));
    assertEquals(List.of(), operations(ok("/api/v3/operations?service=nobody")));
  }

  @Test
  void aTraceByIdIsOtlpJsonWithHexIdsInsideResult() throws Exception {
    JsonNode body = ok("/api/v3/traces/" + shop.traceId());
    Map<String, JsonNode> spans = spansByName(body);
    assertEquals(3, spans.size());
    JsonNode root = spans.get("GET /cart");
    assertEquals(shop.traceId(), root.get("traceId").asText());
    assertEquals(shop.rootSpanId(), root.get("spanId").asText());
    assertTrue(root.path("parentSpanId").isMissingNode());
    assertEquals(2, root.get("kind").asInt(), "SPAN_KIND_SERVER as a number");
    assertEquals(Long.toString(T0), root.get("startTimeUnixNano").asText());
    assertEquals(Long.toString(T0 + SdkTraces.Shop.ROOT_DURATION), root.get("endTimeUnixNano").asText());
    assertEquals("/cart", attribute(root, "http.route").get("stringValue").asText());

    JsonNode call = spans.get("POST /checkout");
    assertEquals(shop.callSpanId(), call.get("spanId").asText());
    assertEquals(shop.rootSpanId(), call.get("parentSpanId").asText());
    assertEquals(3, call.get("kind").asInt());
    assertEquals(2, call.get("status").get("code").asInt(), "STATUS_CODE_ERROR as a number");
    assertEquals("card declined", call.get("status").get("message").asText());
    assertEquals(shop.rootSpanId(), spans.get("load-batch").get("parentSpanId").asText());

    // Resources and scopes come back as the SDK sent them.
    Map<String, String> scopeByService = new HashMap<>();
    for (JsonNode rs : body.get("result").get("resourceSpans")) {
      String service = attribute(rs.get("resource"), "service.name").get("stringValue").asText();
      assertEquals("e2e", attribute(rs.get("resource"), "deployment.environment").get("stringValue").asText());
      for (JsonNode ss : rs.get("scopeSpans")) scopeByService.put(service, ss.get("scope").get("name").asText());
    }
    assertEquals(Map.of("v3-frontend", "shop.frontend", "v3-checkout", "shop.checkout"), scopeByService);
  }

  @Test
  void aTraceIdMayHaveLeadingZerosDroppedOrBeUnknown() throws Exception {
    HttpTestClient.Response missing = http.get("/api/v3/traces/" + "00000000000000000000000000000abc");
    assertEquals(404, missing.status());
    assertEquals(404, missing.json().get("error").get("httpCode").asInt());
    assertEquals("No traces found", missing.json().get("error").get("message").asText());
  }

  @Test
  void searchMatchesServiceOperationAttributesAndDurations() throws Exception {
    String window = window(T0 - HOUR, T0 + HOUR);
    JsonNode found = ok("/api/v3/traces?query.serviceName=v3-checkout&query.operationName=" + enc("POST /checkout")
        + "&query.attributes=" + enc("{\"payment.method\":\"card\"}") + window);
    assertEquals(List.of(shop.traceId()), traceIds(found));
    assertEquals(3, spansByName(found).size(), "the whole trace, not just the matching span");

    assertNoTraces("/api/v3/traces?query.serviceName=v3-checkout&query.attributes="
        + enc("{\"payment.method\":\"cash\"}") + window);
    assertEquals(List.of(shop.traceId()),
        traceIds(ok("/api/v3/traces?query.serviceName=v3-frontend&query.durationMin=12ms" + window)));
    assertNoTraces("/api/v3/traces?query.serviceName=v3-frontend&query.durationMin=13ms" + window);
    assertNoTraces("/api/v3/traces?query.serviceName=v3-frontend&query.durationMax=1us"
        + "&query.operationName=" + enc("GET /cart") + window);
  }

  @Test
  void theStartTimeWindowIncludesItsMinimumAndExcludesItsMaximum() throws Exception {
    String service = "/api/v3/traces?query.serviceName=v3-frontend&query.operationName=" + enc("GET /cart");
    assertNoTraces(service + window(T0 - HOUR, T0));
    assertEquals(List.of(shop.traceId()), traceIds(ok(service + window(T0 - HOUR, T0 + 1))));
    assertEquals(List.of(shop.traceId()), traceIds(ok(service + window(T0, T0 + 1))));
    assertNoTraces(service + window(T0 + 1, T0 + HOUR));
  }

  @Test
  void traceSummariesDescribeEachTraceFound() throws Exception {
    JsonNode body = ok("/api/v3/trace-summaries?query.serviceName=v3-checkout" + window(T0 - HOUR, T0 + HOUR));
    assertEquals(1, body.get("summaries").size());
    JsonNode s = body.get("summaries").get(0);
    assertEquals(shop.traceId(), s.get("traceId").asText());
    assertEquals("v3-frontend", s.get("rootServiceName").asText());
    assertEquals("GET /cart", s.get("rootOperationName").asText());
    assertEquals(Long.toString(T0), s.get("minStartTimeUnixNano").asText());
    assertEquals(Long.toString(T0 + SdkTraces.Shop.ROOT_DURATION), s.get("maxEndTimeUnixNano").asText());
    assertEquals(3, s.get("spanCount").asInt());
    assertEquals(1, s.get("errorSpanCount").asInt());
    assertEquals(0, s.get("orphanSpanCount").asInt());
    assertEquals("[{\"name\":\"v3-checkout\",\"spanCount\":1,\"errorSpanCount\":1},"
        + "{\"name\":\"v3-frontend\",\"spanCount\":2,\"errorSpanCount\":0}]", s.get("services").toString());

    JsonNode none = ok("/api/v3/trace-summaries?query.serviceName=v3-checkout" + window(T0 + HOUR, T0 + 2 * HOUR));
    assertEquals("{\"summaries\":[]}", none.toString());
  }

  @Test
  void searchDepthBoundsTheTracesReturnedNewestFirst() throws Exception {
    String health = "/api/v3/trace-summaries?query.serviceName=v3-health" + window(T0 - HOUR, T0 + HOUR);
    assertEquals(3, ok(health).get("summaries").size());
    JsonNode two = ok(health + "&query.searchDepth=2");
    assertEquals(2, two.get("summaries").size());
    assertEquals(Long.toString(T0 + 2_000_000_000L), two.get("summaries").get(0).get("minStartTimeUnixNano").asText());
    assertEquals(1, ok(health + "&query.num_traces=1").get("summaries").size());
    assertEquals(1, ok(health + "&query.search_depth=1").get("summaries").size());
    assertEquals(2, traceIds(ok("/api/v3/traces?query.serviceName=v3-health&query.searchDepth=2"
        + window(T0 - HOUR, T0 + HOUR))).size());
  }

  @Test
  void snakeCaseAliasesFindTheSameTraces() throws Exception {
    String snake = "/api/v3/traces?query.service_name=v3-frontend&query.operation_name=" + enc("GET /cart")
        + "&query.start_time_min=" + enc(rfc3339(T0 - HOUR)) + "&query.start_time_max=" + enc(rfc3339(T0 + HOUR))
        + "&query.duration_min=12ms&query.duration_max=1s&query.raw_traces=true";
    assertEquals(List.of(shop.traceId()), traceIds(ok(snake)));
  }

  @Test
  void theParametersJaegerUiSendsWork() throws Exception {
    // As Jaeger UI's v3 client builds them: ISO times from Date.toISOString(), tags converted to JSON.
    String ui = "/api/v3/trace-summaries?query.serviceName=v3-checkout&query.operationName=" + enc("POST /checkout")
        + "&query.startTimeMin=" + enc(Instant.ofEpochMilli(T0 / 1_000_000 - 3_600_000).toString())
        + "&query.startTimeMax=" + enc(Instant.ofEpochMilli(T0 / 1_000_000 + 60_000).toString())
        + "&query.searchDepth=20&query.durationMin=5ms&query.attributes=" + enc("{\"error\":\"true\"}");
    JsonNode body = ok(ui);
    assertEquals(1, body.get("summaries").size(), body.toString());
    assertEquals(shop.traceId(), body.get("summaries").get(0).get("traceId").asText());
  }

  @Test
  void dependenciesLinkTheCallingServices() throws Exception {
    JsonNode body = ok("/api/v3/dependencies?startTime=" + enc(rfc3339(T0 - HOUR))
        + "&endTime=" + enc(rfc3339(T0 + HOUR)));
    List<String> links = new ArrayList<>();
    for (JsonNode d : body.get("dependencies")) {
      links.add(d.get("parent").asText() + "->" + d.get("child").asText() + ":" + d.get("callCount").asText());
    }
    assertTrue(links.contains("v3-frontend->v3-checkout:1"), links.toString());
    assertEquals("{\"dependencies\":[]}",
        ok("/api/v3/dependencies?start_time=" + enc(rfc3339(T0 + HOUR)) + "&end_time=" + enc(rfc3339(T0 + 2 * HOUR)))
            .toString());
  }

  private static void assertNoTraces(String pathAndQuery) throws Exception {
    HttpTestClient.Response r = http.get(pathAndQuery);
    assertEquals(404, r.status(), r.text());
    assertEquals("No traces found", r.json().get("error").get("message").asText());
  }

  private static JsonNode ok(String pathAndQuery) throws Exception {
    HttpTestClient.Response r = http.get(pathAndQuery);
    assertEquals(200, r.status(), r.text());
    assertTrue(r.headers().firstValue("content-type").orElse("").startsWith("application/json"));
    return r.json();
  }

  static String window(long minNanos, long maxNanos) {
    return "&query.startTimeMin=" + enc(rfc3339(minNanos)) + "&query.startTimeMax=" + enc(rfc3339(maxNanos));
  }

  static String rfc3339(long nanos) {
    return Instant.ofEpochSecond(Math.floorDiv(nanos, 1_000_000_000L), Math.floorMod(nanos, 1_000_000_000L)).toString();
  }

  static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

  private static List<String> operations(JsonNode body) {
    List<String> out = new ArrayList<>();
    for (JsonNode op : body.get("operations")) out.add(op.get("name").asText() + ":" + op.get("spanKind").asText());
    return out;
  }

  private static Map<String, JsonNode> spansByName(JsonNode body) {
    Map<String, JsonNode> spans = new HashMap<>();
    for (JsonNode rs : body.get("result").get("resourceSpans")) {
      for (JsonNode ss : rs.get("scopeSpans")) {
        for (JsonNode span : ss.get("spans")) spans.put(span.get("name").asText(), span);
      }
    }
    return spans;
  }

  private static List<String> traceIds(JsonNode body) {
    List<String> ids = new ArrayList<>();
    for (JsonNode rs : body.get("result").get("resourceSpans")) {
      for (JsonNode ss : rs.get("scopeSpans")) {
        for (JsonNode span : ss.get("spans")) {
          if (!ids.contains(span.get("traceId").asText())) ids.add(span.get("traceId").asText());
        }
      }
    }
    return ids;
  }

  private static JsonNode attribute(JsonNode owner, String key) {
    for (JsonNode kv : owner.get("attributes")) {
      if (kv.get("key").asText().equals(key)) return kv.get("value");
    }
    throw new AssertionError("no attribute " + key + " in " + owner);
  }

  private static List<String> texts(JsonNode array) {
    List<String> out = new ArrayList<>();
    array.forEach(n -> out.add(n.asText()));
    return out;
  }
}
