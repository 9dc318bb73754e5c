package dev.ariadne.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ariadne.model.TraceId;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A batch processor that would hold spans for ten minutes sits in front of the store; the server is
 * killed with SIGKILL right after the SDK's export was acknowledged, and after a restart the spans are
 * there: batch does not acknowledge spans that are only in memory in front of the store.
 */
class BatchAcknowledgementCrashTest {
  private static final String CONFIG = """
      receivers:
        otlp:
          protocols:
            grpc:
      processors:
        batch:
          timeout: 10m
          send_batch_size: 1000000
      exporters:
        ariadne:
      service:
        pipelines:
          traces:
            receivers: [otlp]
            processors: [batch]
            exporters: [ariadne]
      """;

  @TempDir Path data;
  @TempDir Path dir;

  @Test
  @Timeout(value = 3, unit = TimeUnit.MINUTES)
  void acknowledgedSpansSurviveKill9() throws Exception {
    String[] options = {"--storage", "local", "--data-dir", data.toString(),
        "--config", CollectorConfigs.onFreePorts(CONFIG, dir).toString()};
    SdkTraces.Shop shop;
    try (ServerProcess server = ServerProcess.start(options)) {
      assertTrue(server.output().contains("batch passes spans straight on"), server.output());
      shop = SdkTraces.sendShop(server.port("OTLP gRPC"), "crash", System.currentTimeMillis() * 1_000_000);
      server.kill();
    }
    try (ServerProcess restarted = ServerProcess.start(options)) {
      StoredTraces stored = new StoredTraces(restarted.port("Jaeger query"), restarted.port("admin"));
      assertEquals(3, stored.spanIds(TraceId.parse(shop.traceId())).size());
    }
  }
}
