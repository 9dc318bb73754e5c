package dev.ariadne.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ariadne.model.TraceId;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The server as users run it, {@code ariadne all-in-one --config FILE} in its own JVM: the debug exporter
 * logs one line per span beside the store, and receiver flags the file overrides are warned about.
 */
class DebugExporterTest {
  private static final String CONFIG = """
      receivers:
        otlp:
          protocols:
            grpc:
      exporters:
        ariadne:
        debug:
          verbosity: normal
      service:
        pipelines:
          traces:
            receivers: [otlp]
            exporters: [debug, ariadne]
      """;

  @TempDir Path dir;

  @Test
  @Timeout(value = 2, unit = TimeUnit.MINUTES)
  void spansAreLoggedAndStored() throws Exception {
    String config = CollectorConfigs.onFreePorts(CONFIG, dir).toString();
    try (ServerProcess server = ServerProcess.start("--storage", "memory", "--config", config)) {
      String traceId = SdkTraces.sendSpan(server.port("OTLP gRPC"), "logged", "GET /debug", System.currentTimeMillis() * 1_000_000, 1_000);
      StoredTraces stored = new StoredTraces(server.port("Jaeger query"), server.port("admin"));
      assertEquals(1, stored.spanIds(TraceId.parse(traceId)).size());
      assertEquals(143, server.terminate());
      assertTrue(Pattern.compile("debug: " + traceId + " [0-9a-f]{16} logged GET /debug SERVER 1000ns").matcher(server.output()).find(),
          server.output());
      assertTrue(server.output().contains("--otlp-grpc-port is ignored with --config"), server.output());
    }
  }
}
