package dev.ariadne.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.linecorp.armeria.server.Server;
import dev.ariadne.server.pipeline.PipelineHost;
import dev.ariadne.server.pipeline.ReceiverEndpoints;
import dev.ariadne.store.SpanStore;
import dev.ariadne.store.memory.MemorySpanStore;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The store keeps an OTLP request's own bytes only when the spans reach it exactly as the request held
 * them: through memory_limiter and batch (a pass-through in front of the store) they do; through a
 * processor that changes spans they do not, and the store encodes the changed spans itself.
 */
class OtlpBytesPassThroughTest {
  @TempDir Path dir;

  /** What the ariadne exporter handed the store: each append's OTLP bytes, null when it had none. */
  private final List<byte[]> appendedBytes = new CopyOnWriteArrayList<>();

  private SpanStore recordingStore() {
    MemorySpanStore store = new MemorySpanStore(100);
    return (SpanStore) Proxy.newProxyInstance(SpanStore.class.getClassLoader(), new Class<?>[] {SpanStore.class},
        (proxy, method, args) -> {
          if (method.getName().equals("append")) appendedBytes.add(args.length == 2 ? (byte[]) args[1] : null);
          try {
            return method.invoke(store, args);
          } catch (InvocationTargetException e) {
            throw e.getCause();
          }
        });
  }

  private List<byte[]> send(String processors) throws Exception {
    String yaml = """
        receivers:
          otlp:
            protocols:
              grpc:
        processors:
          memory_limiter:
            check_interval: 1s
            limit_percentage: 95
            spike_limit_percentage: 5
          batch:
          attributes:
            actions:
              - {key: team, value: shop, action: insert}
        exporters:
          ariadne:
        service:
          pipelines:
            traces:
              receivers: [otlp]
              processors: [%s]
              exporters: [ariadne]
        """.formatted(processors);
    List<Server> servers = new ArrayList<>();
    try (PipelineHost host = new PipelineHost(CollectorConfigs.load(CollectorConfigs.onFreePorts(yaml, dir)),
        ReceiverEndpoints.asConfigured(), new SimpleMeterRegistry(), recordingStore(),
        address -> Server.builder().http(address))) {
      host.receivers().start(builder -> {
        Server server = builder.build();
        servers.add(server);
        server.start().join();
        return server;
      });
      SdkTraces.sendSpan(host.receivers().ports().get("OTLP gRPC"), "bytes", "GET /", System.currentTimeMillis() * 1_000_000, 1_000);
      servers.forEach(server -> server.stop().join());
    }
    return appendedBytes;
  }

  @Test
  void untouchedSpansKeepTheirRequestBytes() throws Exception {
    List<byte[]> appended = send("memory_limiter, batch");
    assertEquals(1, appended.size());
    assertNotNull(appended.getFirst());
    assertEquals("GET /", ExportTraceServiceRequest.parseFrom(appended.getFirst())
        .getResourceSpans(0).getScopeSpans(0).getSpans(0).getName());
  }

  @Test
  void changedSpansAreEncodedAfresh() throws Exception {
    List<byte[]> appended = send("memory_limiter, attributes");
    assertEquals(1, appended.size());
    assertNull(appended.getFirst());
  }
}
