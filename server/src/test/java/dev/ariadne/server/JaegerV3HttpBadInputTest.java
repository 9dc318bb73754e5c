package dev.ariadne.server;

import static dev.ariadne.server.JaegerV3HttpApiTest.enc;
import static dev.ariadne.server.JaegerV3HttpApiTest.rfc3339;
import static dev.ariadne.server.JaegerV3HttpApiTest.window;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpRequest;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Bad parameters on Jaeger's HTTP API v3: each answers 400 with Jaeger's error body naming the parameter,
 * hostile values (deep JSON, over-long request lines) are refused without harm, and the trace stored
 * first stays queryable throughout.
 */
class JaegerV3HttpBadInputTest {
  private static final long T0 = 1_700_000_000_000_000_000L;
  private static final String MIN = enc(rfc3339(T0));
  private static final String MAX = enc(rfc3339(T0 + 1_000_000_000L));
  private static AllInOne server;
  private static HttpTestClient http;
  private static String kept;

  @BeforeAll
  static void start() {
    server = new AllInOne(AllInOneConfig.ephemeral()).start();
    http = new HttpTestClient(server.queryPort());
    kept = SdkTraces.sendSpan(server, "kept", "stored first", T0 + 1, 1_000);
  }

  @AfterAll
  static void stop() throws Exception {
    JsonNode body = http.get("/api/v3/traces/" + kept).json();
    assertEquals("stored first", body.get("result").get("resourceSpans").get(0).get("scopeSpans").get(0)
        .get("spans").get(0).get("name").asText());
    assertEquals(1, http.get("/api/v3/trace-summaries?query.serviceName=kept" + window(T0, T0 + 1_000_000_000L))
        .json().get("summaries").size());
    server.close();
  }

  static Stream<Arguments> badRequests() {
    String search = "/api/v3/traces?query.startTimeMin=" + MIN + "&query.startTimeMax=" + MAX;
    String summaries = "/api/v3/trace-summaries?query.startTimeMin=" + MIN + "&query.startTimeMax=" + MAX;
    return Stream.of(
        Arguments.of("/api/v3/traces", "query.startTimeMin"),
        Arguments.of("/api/v3/traces?query.serviceName=kept&query.startTimeMin=" + MIN, "query.startTimeMax"),
        Arguments.of("/api/v3/traces?query.startTimeMin=yesterday&query.startTimeMax=" + MAX, "query.startTimeMin"),
        Arguments.of("/api/v3/traces?query.start_time_min=" + MIN + "&query.start_time_max=1700000000",
            "query.start_time_max"),
        Arguments.of("/api/v3/traces?query.startTimeMin=" + MAX + "&query.startTimeMax=" + MIN, "query.startTimeMax"),
        Arguments.of(search + "&query.durationMin=5", "query.durationMin"),
        Arguments.of(search + "&query.duration_max=-1s", "query.duration_max"),
        Arguments.of(search + "&query.durationMin=2s&query.durationMax=1s", "query.durationMax"),
        Arguments.of(search + "&query.searchDepth=ten", "query.searchDepth"),
        Arguments.of(search + "&query.num_traces=-3", "query.num_traces"),
        Arguments.of(search + "&query.searchDepth=99999999999", "query.searchDepth"),
        Arguments.of(search + "&query.attributes=" + enc("{"), "query.attributes"),
        Arguments.of(search + "&query.attributes=" + enc("[\"a\"]"), "query.attributes"),
        Arguments.of(search + "&query.attributes=" + enc("{\"a\":{\"b\":\"c\"}}"), "query.attributes"),
        Arguments.of(search + "&query.attributes=" + enc("{\"a\":null}"), "query.attributes"),
        // Deeper than Jackson's nesting limit, still inside the request-line bound.
        Arguments.of(search + "&query.attributes=" + enc("[".repeat(1_100)), "query.attributes"),
        Arguments.of(search + "&query.rawTraces=yes", "query.rawTraces"),
        Arguments.of(search + "&query.filter=" + enc("{\"op\":\"eq\"}"), "query.filter"),
        Arguments.of("/api/v3/trace-summaries?query.serviceName=kept", "query.startTimeMin"),
        Arguments.of(summaries + "&query.durationMax=fast", "query.durationMax"),
        Arguments.of(summaries + "&query.attributes=" + enc("not json"), "query.attributes"),
        Arguments.of("/api/v3/traces/xyz", "trace_id"),
        Arguments.of("/api/v3/traces/" + "a".repeat(33), "trace_id"),
        Arguments.of("/api/v3/traces/" + kept + "?startTime=noon", "startTime"),
        Arguments.of("/api/v3/traces/" + kept + "?end_time=2024-13-01T00:00:00Z", "end_time"),
        Arguments.of("/api/v3/traces/" + kept + "?raw_traces=maybe", "raw_traces"),
        Arguments.of("/api/v3/operations", "service"),
        Arguments.of("/api/v3/operations?service=kept&spanKind=sideways", "spanKind"),
        Arguments.of("/api/v3/dependencies", "startTime"),
        Arguments.of("/api/v3/dependencies?startTime=" + MIN, "endTime"),
        Arguments.of("/api/v3/dependencies?startTime=" + MAX + "&endTime=" + MIN, "endTime"),
        Arguments.of("/api/v3/dependencies?start_time=" + MIN + "&end_time=tomorrow", "end_time"));
  }

  @ParameterizedTest
  @MethodSource("badRequests")
  void aBadParameterIsRefusedByName(String pathAndQuery, String parameter) throws Exception {
    HttpTestClient.Response r = http.get(pathAndQuery);
    assertEquals(400, r.status(), r.text());
    JsonNode error = r.json().get("error");
    assertEquals(400, error.get("httpCode").asInt());
    assertTrue(error.get("message").asText().startsWith("parameter '" + parameter + "'"), error.toString());
  }

  @Test
  void anOverLongRequestLineIsRefusedAndTheServerCarriesOn() throws Exception {
    HttpTestClient.Response r = http.get("/api/v3/traces?query.startTimeMin=" + MIN + "&query.startTimeMax=" + MAX
        + "&query.attributes=" + enc("{\"k\":\"" + "v".repeat(100_000) + "\"}"));
    assertEquals(414, r.status());
    assertEquals(200, http.get("/api/v3/services").status());
  }

  @Test
  void otherMethodsAreNotAllowed() throws Exception {
    HttpTestClient.Response r = http.send(HttpRequest.newBuilder(http.uri("/api/v3/traces"))
        .POST(HttpRequest.BodyPublishers.ofString("{}")));
    assertEquals(405, r.status());
  }
}
