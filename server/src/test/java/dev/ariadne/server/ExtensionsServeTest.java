package dev.ariadne.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.ConnectException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A configuration file's extensions and its prometheus exporter run beside the pipelines: health_check
 * answers, zpages shows received spans, pprof lists its profiles, remote sampling serves the strategies
 * file, and the prometheus exporter in the traces pipeline serves the spans' RED metrics.
 */
class ExtensionsServeTest {
  private static final String CONFIG = """
      receivers:
        otlp:
          protocols:
            grpc:
      exporters:
        ariadne:
        prometheus:
          endpoint: 0.0.0.0:8889
          namespace: shop
      extensions:
        health_check:
        zpages:
        pprof:
        remote_sampling:
          file:
            path: STRATEGIES
      service:
        extensions: [health_check, zpages, pprof, remote_sampling]
        pipelines:
          traces:
            receivers: [otlp]
            exporters: [ariadne, prometheus]
      """;

  @TempDir Path dir;

  @Test
  void extensionsAndSpanMetricsServeOnTheirOwnPorts() throws Exception {
    Path strategies = Files.writeString(dir.resolve("strategies.json"), """
        {"default_strategy": {"type": "probabilistic", "param": 0.5},
         "service_strategies": [{"service": "checkout", "type": "ratelimiting", "param": 7}]}
        """);
    Path file = CollectorConfigs.onFreePorts(CONFIG.replace("STRATEGIES", strategies.toString()), dir);
    Map<String, Integer> ports;
    try (AllInOne server = new AllInOne(AllInOneConfig.ephemeral(), CollectorConfigs.load(file)).start()) {
      ports = server.listeningPorts();
      assertTrue(ports.keySet().containsAll(List.of("health_check", "zpages", "pprof", "remote_sampling", "prometheus")),
          ports.toString());
      long t0 = System.currentTimeMillis() * 1_000_000L - TimeUnit.SECONDS.toNanos(5);
      SdkTraces.sendSpan(server, "checkout", "POST /pay", t0, 5_000_000);

      HttpTestClient.Response health = new HttpTestClient(ports.get("health_check")).get("/");
      assertEquals(200, health.status());
      assertTrue(health.text().contains("Server available"), health.text());

      String tracez = new HttpTestClient(ports.get("zpages")).get("/debug/tracez").text();
      assertTrue(tracez.contains("POST /pay"), tracez);

      assertEquals(200, new HttpTestClient(ports.get("pprof")).get("/debug/pprof/").status());

      String strategy = new HttpTestClient(ports.get("remote_sampling")).get("/sampling?service=checkout").text();
      assertTrue(strategy.contains("RATE_LIMITING") && strategy.contains("7"), strategy);

      String metrics = new HttpTestClient(ports.get("prometheus")).get("/metrics").text();
      assertTrue(metrics.lines().anyMatch(l -> l.startsWith("shop_traces_span_metrics_calls_total{")
          && l.contains("service_name=\"checkout\"") && l.contains("span_name=\"POST /pay\"") && l.matches(".* 1(\\.0)?$")), metrics);

      // The span went to the store as well: both exporters of the pipeline got it.
      assertEquals(200, new HttpTestClient(server.queryPort()).get("/api/services").status());
    }
    assertThrows(ConnectException.class, () -> new HttpTestClient(ports.get("health_check")).get("/"),
        "extensions stop with the server");
  }
}
