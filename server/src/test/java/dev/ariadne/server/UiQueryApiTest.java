package dev.ariadne.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The query port's routes for the web UI: a TraceQL search answering whole traces in Jaeger JSON, and the
 * service graph with each edge's calls, errors and latency percentiles.
 */
class UiQueryApiTest {
  private static AllInOne server;
  private static HttpTestClient http;
  private static String failing;
  private static String passing;

  @BeforeAll
  static void start() {
    server = new AllInOne(AllInOneConfig.ephemeral()).start();
    http = new HttpTestClient(server.queryPort());
    long now = System.currentTimeMillis() * 1_000_000L;
    failing = UiTraces.sendCheckout(server, "one", false, now - TimeUnit.MINUTES.toNanos(2));
    passing = SdkTraces.sendSpan(server, "ui-lonely", "GET /health", now - TimeUnit.MINUTES.toNanos(1), 1_000_000);
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @Test
  void traceqlFindsTheMatchingTracesWhole() throws Exception {
    JsonNode data = get("/api/ui/traceql?q=" + encode("{ span.payment.method = \"card\" && status = error }")).get("data");
    assertEquals(1, data.size(), data.toString());
    assertEquals(failing, data.get(0).get("traceID").asText());
    assertEquals(4, data.get(0).get("spans").size(), "the whole trace, not only the matching span");

    assertEquals(0, get("/api/ui/traceql?q=" + encode("{ span.payment.method = \"cash\" }")).get("data").size());
    List<String> all = new ArrayList<>();
    get("/api/ui/traceql?q=" + encode("{ }")).get("data").forEach(t -> all.add(t.get("traceID").asText()));
    assertEquals(List.of(passing, failing), all, "newest first");
  }

  @Test
  void answersAreGzippedForClientsThatAcceptIt() throws Exception {
    HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    URI uri = URI.create("http://127.0.0.1:" + server.queryPort() + "/api/traces/" + failing);
    HttpResponse<byte[]> gzipped = client.send(
        HttpRequest.newBuilder(uri).header("Accept-Encoding", "gzip").build(),
        HttpResponse.BodyHandlers.ofByteArray());
    assertEquals("gzip", gzipped.headers().firstValue("content-encoding").orElse(""));
    byte[] json = new GZIPInputStream(new ByteArrayInputStream(gzipped.body())).readAllBytes();
    assertEquals(failing, new ObjectMapper().readTree(json)
        .get("data").get(0).get("traceID").asText());
    HttpResponse<byte[]> plain = client.send(HttpRequest.newBuilder(uri).build(),
        HttpResponse.BodyHandlers.ofByteArray());
    assertTrue(plain.headers().firstValue("content-encoding").isEmpty());
    assertTrue(json.length > gzipped.body().length, json.length + " bytes sent as " + gzipped.body().length);
  }

  @Test
  void badQueriesAndParametersAnswer400WithTheProblem() throws Exception {
    HttpTestClient.Response bad = http.get("/api/ui/traceql?q=" + encode("{ nonsense"));
    assertEquals(400, bad.status());
    assertTrue(bad.json().get("errors").get(0).get("msg").asText().startsWith("invalid TraceQL query"), bad.text());
    assertEquals(400, http.get("/api/ui/traceql?q=%7B%7D&limit=-3").status());
    HttpTestClient.Response lookback = http.get("/api/ui/dependencies?lookback=soon");
    assertEquals(400, lookback.status());
    assertTrue(lookback.text().contains("lookback"), lookback.text());
  }

  @Test
  void dependenciesGiveCallsErrorsAndLatencyPerEdge() throws Exception {
    JsonNode data = get("/api/ui/dependencies?lookback=1h").get("data");
    assertEquals(2, data.get("sampledTraces").asInt());
    JsonNode edges = data.get("edges");
    assertEquals(1, edges.size(), edges.toString());
    JsonNode pay = edges.get(0);
    assertEquals(UiTraces.FRONTEND, pay.get("parent").asText());
    assertEquals(UiTraces.PAYMENT, pay.get("child").asText());
    assertEquals(1, pay.get("callCount").asLong());
    assertEquals(1, pay.get("sampledErrors").asLong());
    assertEquals(8_500, pay.get("p50Micros").asLong());
    assertEquals(8_500, pay.get("p95Micros").asLong());

    long longAgo = System.currentTimeMillis() - TimeUnit.DAYS.toMillis(3);
    assertEquals(0, get("/api/ui/dependencies?lookback=1h&endTs=" + longAgo).get("data").get("edges").size());
  }

  private static JsonNode get(String url) throws Exception {
    HttpTestClient.Response r = http.get(url);
    assertEquals(200, r.status(), r.text());
    return r.json();
  }

  private static String encode(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }
}
