package dev.ariadne.server.extension;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.ariadne.collector.config.extension.HealthCheckConfig;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** health_check over HTTP: the Collector's bodies, 503 until ready and from shutdown on, only its path. */
class ExtensionHealthCheckTest {
  private final MovableClock clock = new MovableClock();
  private HealthCheckExtension health;

  @AfterEach
  void stop() {
    if (health != null) health.close();
  }

  @Test
  void notAvailableUntilReadyThenUpSinceAndUptime() throws Exception {
    health = new HealthCheckExtension(new HealthCheckConfig("127.0.0.1:0", "/"), clock).start();
    Http http = new Http(health.port());

    HttpResponse<String> starting = http.get("/");
    assertEquals(503, starting.statusCode());
    assertEquals("{\"status\":\"Server not available\",\"upSince\":\"0001-01-01T00:00:00Z\",\"uptime\":\"\"}", starting.body());
    assertEquals("application/json; charset=utf-8", starting.headers().firstValue("content-type").orElseThrow());

    health.ready();
    clock.advance(Duration.ofMillis(62_500));
    HttpResponse<String> up = http.get("/");
    assertEquals(200, up.statusCode());
    assertEquals("{\"status\":\"Server available\",\"upSince\":\"2026-03-01T10:00:00Z\",\"uptime\":\"1m2.5s\"}", up.body());

    health.notReady();
    assertEquals(503, http.get("/").statusCode());
  }

  @Test
  void onlyTheConfiguredPathAnswersAndOnlyToGetAndHead() throws Exception {
    health = new HealthCheckExtension(new HealthCheckConfig("127.0.0.1:0", "/health/status"), clock).start();
    health.ready();
    Http http = new Http(health.port());
    assertEquals(200, http.get("/health/status").statusCode());
    assertEquals(404, http.get("/").statusCode());
    assertEquals(404, http.get("/health/status/more").statusCode());
    assertEquals(405, http.send(http.request("/health/status").POST(HttpRequest.BodyPublishers.ofString("{}"))).statusCode());
    HttpResponse<String> head = http.send(http.request("/health/status").method("HEAD", HttpRequest.BodyPublishers.noBody()));
    assertEquals(200, head.statusCode());
    assertEquals("", head.body());
    assertEquals(400, http.rawGet("/health/%zz"), "a malformed path");
  }

  @Test
  void aPathMustStartWithASlash() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> new HealthCheckExtension(new HealthCheckConfig("127.0.0.1:0", "health"), clock));
    assertEquals("health_check path health: must start with /", e.getMessage());
  }

  @Test
  void uptimeIsWrittenAsGoWritesDurations() {
    assertEquals("0s", HealthCheckExtension.goDuration(Duration.ZERO));
    assertEquals("250ms", HealthCheckExtension.goDuration(Duration.ofMillis(250)));
    assertEquals("1.5µs", HealthCheckExtension.goDuration(Duration.ofNanos(1_500)));
    assertEquals("999ns", HealthCheckExtension.goDuration(Duration.ofNanos(999)));
    assertEquals("1m0s", HealthCheckExtension.goDuration(Duration.ofMinutes(1)));
    assertEquals("2h0m3s", HealthCheckExtension.goDuration(Duration.ofSeconds(7_203)));
    assertEquals("26h1m1.000000001s", HealthCheckExtension.goDuration(Duration.ofSeconds(93_661, 1)));
  }
}
