package dev.ariadne.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpRequest;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Browsers may send OTLP/HTTP only from the configured origins. */
class OtlpHttpCorsTest {
  private static final String ALLOWED = "http://app.example";
  private static AllInOne server;
  private static HttpTestClient otlp;

  @BeforeAll
  static void start() {
    server = new AllInOne(AllInOneConfig.ephemeral().withCorsAllowedOrigins(List.of(ALLOWED))).start();
    otlp = new HttpTestClient(server.otlpHttpPort());
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  private static HttpTestClient.Response preflight(String origin) throws Exception {
    return otlp.send(HttpRequest.newBuilder(otlp.uri("/v1/traces"))
        .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
        .header("Origin", origin)
        .header("Access-Control-Request-Method", "POST")
        .header("Access-Control-Request-Headers", "content-type"));
  }

  @Test
  void preflightFromAnAllowedOriginIsAnswered() throws Exception {
    HttpTestClient.Response r = preflight(ALLOWED);
    assertEquals(200, r.status());
    assertEquals(ALLOWED, r.headers().firstValue("access-control-allow-origin").orElse(null));
    assertTrue(r.headers().firstValue("access-control-allow-methods").orElse("").contains("POST"));
  }

  @Test
  void otherOriginsGetNoCorsHeaders() throws Exception {
    HttpTestClient.Response r = preflight("http://evil.example");
    assertTrue(r.headers().firstValue("access-control-allow-origin").isEmpty(), r.headers().toString());
  }

  @Test
  void postFromAnAllowedOriginCarriesTheHeader() throws Exception {
    HttpTestClient.Response r = otlp.send(HttpRequest.newBuilder(otlp.uri("/v1/traces"))
        .header("Origin", ALLOWED)
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString("{}")));
    assertEquals(200, r.status(), r.text());
    assertEquals(ALLOWED, r.headers().firstValue("access-control-allow-origin").orElse(null));
  }
}
