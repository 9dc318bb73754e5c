package dev.ariadne.server;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.ariadne.model.TraceId;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A sending queue on a file_storage extension keeps what it could not send across a restart: the
 * collector stops while its downstream is away, and the next run sends the spans once it is back.
 */
class PersistentQueueTest {
  @TempDir Path dir;
  @TempDir Path storage;

  @Test
  @Timeout(value = 2, unit = TimeUnit.MINUTES)
  void queuedSpansAreSentAfterARestart() throws Exception {
    int port;
    try (ServerSocket reserved = new ServerSocket(0)) {
      port = reserved.getLocalPort();
    }
    String yaml = """
        receivers:
          otlp:
            protocols:
              grpc:
        exporters:
          otlp:
            endpoint: 127.0.0.1:%d
            tls:
              insecure: true
            retry_on_failure:
              initial_interval: 100ms
              max_interval: 200ms
            sending_queue:
              storage: file_storage
        extensions:
          file_storage:
            directory: %s
        service:
          extensions: [file_storage]
          pipelines:
            traces:
              receivers: [otlp]
              exporters: [otlp]
        """.formatted(port, storage);
    Path file = CollectorConfigs.onFreePorts(yaml, dir);

    SdkTraces.Shop shop;
    try (CollectorRole first = new CollectorRole(CollectorConfigs.load(file))) {
      shop = SdkTraces.sendShop(first.listeningPorts().get("OTLP gRPC"), "persisted", System.currentTimeMillis() * 1_000_000);
      StoredTraces own = new StoredTraces(0, first.listeningPorts().get("metrics"));
      while (own.metric("ariadne_exporter_retries_total") == 0) Thread.sleep(20);
      // The SDK exported each of the three spans on its own: three batches wait on disk.
      assertEquals(3.0, own.metric("otelcol_exporter_queue_size"));
    }
    try (AllInOne downstream = new AllInOne(AllInOneConfig.ephemeral().toBuilder().otlpGrpcPort(port).build()).start();
        CollectorRole second = new CollectorRole(CollectorConfigs.load(file))) {
      StoredTraces stored = new StoredTraces(downstream.queryPort(), downstream.adminPort());
      assertEquals(3, stored.awaitSpans(TraceId.parse(shop.traceId()), 3).size());
    }
  }
}
