package dev.ariadne.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ariadne.model.TraceId;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A collector forwards to an all-in-one server: the OpenTelemetry SDK sends to the first, the Jaeger
 * query API of the second finds the trace. Each network exporter is tried, and retrying is seen working
 * by starting the downstream server only after the spans were sent.
 */
@Timeout(value = 2, unit = TimeUnit.MINUTES)
class ForwardingTest {
  @TempDir Path dir;

  /** A collector: OTLP in, batch, {@code exporter} out to {@code endpoint}, retrying every 100-200 ms. */
  private CollectorRole collector(String exporter, String endpoint) throws Exception {
    String yaml = """
        receivers:
          otlp:
            protocols:
              grpc:
        processors:
          batch:
            timeout: 50ms
        exporters:
          %s:
            endpoint: %s
            tls:
              insecure: true
            retry_on_failure:
              initial_interval: 100ms
              max_interval: 200ms
        service:
          pipelines:
            traces:
              receivers: [otlp]
              processors: [batch]
              exporters: [%s]
        """.formatted(exporter, endpoint, exporter);
    return new CollectorRole(CollectorConfigs.load(CollectorConfigs.onFreePorts(yaml, dir)));
  }

  @ParameterizedTest
  @CsvSource({"otlp, OTLP gRPC, 127.0.0.1:", "otlphttp, OTLP HTTP, http://127.0.0.1:", "jaeger, Jaeger gRPC, 127.0.0.1:"})
  void collectorForwardsToAllInOne(String exporter, String downstreamListener, String endpointPrefix) throws Exception {
    try (AllInOne downstream = new AllInOne(AllInOneConfig.ephemeral()).start();
        CollectorRole collector = collector(exporter, endpointPrefix + downstream.receiverPort(downstreamListener))) {
      SdkTraces.Shop shop = SdkTraces.sendShop(collector.listeningPorts().get("OTLP gRPC"), exporter, System.currentTimeMillis() * 1_000_000);
      StoredTraces stored = new StoredTraces(downstream.queryPort(), downstream.adminPort());
      assertEquals(3, stored.awaitSpans(TraceId.parse(shop.traceId()), 3).size());
      String metrics = new HttpTestClient(collector.listeningPorts().get("metrics")).get("/metrics").text();
      assertTrue(metrics.contains("otelcol_exporter_sent_spans_total{exporter=\"" + exporter + "\"} 3.0"), metrics);
      assertTrue(metrics.contains("otelcol_exporter_queue_capacity{exporter=\"" + exporter + "\"} 1000.0"), metrics);
    }
  }

  @Test
  void spansSentBeforeTheDownstreamStartsArriveOnceItDoes() throws Exception {
    int port;
    try (ServerSocket reserved = new ServerSocket(0)) {
      port = reserved.getLocalPort();
    }
    try (CollectorRole collector = collector("otlp", "127.0.0.1:" + port)) {
      SdkTraces.Shop shop = SdkTraces.sendShop(collector.listeningPorts().get("OTLP gRPC"), "late", System.currentTimeMillis() * 1_000_000);
      StoredTraces own = new StoredTraces(0, collector.listeningPorts().get("metrics"));
      // An attempt has failed (nothing listens on the port) before the downstream comes up.
      while (own.metric("ariadne_exporter_retries_total") == 0) Thread.sleep(20);
      try (AllInOne downstream = new AllInOne(AllInOneConfig.ephemeral().toBuilder().otlpGrpcPort(port).build()).start()) {
        StoredTraces stored = new StoredTraces(downstream.queryPort(), downstream.adminPort());
        assertEquals(3, stored.awaitSpans(TraceId.parse(shop.traceId()), 3).size());
      }
    }
  }
}
