package dev.ariadne.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Each Collector configuration found in the seed documents runs in a real server (receivers moved to
 * free ports) and takes spans from the OpenTelemetry SDK. Their exporters point at hosts that do not
 * exist here: the sending queue takes the spans, as the Collector's would, and retries in the background.
 */
class SeedConfigsServeTest {
  @TempDir Path dir;

  @ParameterizedTest
  @ValueSource(strings = {"000-tail-sampling-jaeger.yaml", "001-all-receivers-jaeger-logging.yaml",
      "002-batch-otlp.yaml", "002-tail-sampling-otlp-prometheus.yaml"})
  void aSeedConfigurationServesTheSdk(String seed) throws Exception {
    Path file = CollectorConfigs.onFreePorts(CollectorConfigs.seed(seed), dir);
    try (AllInOne server = new AllInOne(AllInOneConfig.ephemeral(), CollectorConfigs.load(file)).start()) {
      SdkTraces.sendShop(server, "seed", System.currentTimeMillis() * 1_000_000);
      String metrics = new HttpTestClient(server.listeningPorts().get("metrics")).get("/metrics").text();
      assertTrue(metrics.contains("otelcol_receiver_accepted_spans_total{receiver=\"otlp\",transport=\"grpc\"} 3.0"), metrics);
      assertEquals(200, new HttpTestClient(server.adminPort()).get("/ready").status());
    }
  }
}
