package dev.ariadne.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.linecorp.armeria.server.Server;
import com.linecorp.armeria.server.ServerBuilder;
import dev.ariadne.server.receiver.ReceiverMetrics;
import dev.ariadne.server.receiver.zipkin.ZipkinHttpReceiver;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** When the store does not take the spans, the client is told to retry and the spans count as refused. */
class ZipkinReceiverStoreFailureTest {

  @Test
  void aRefusingStoreIs503WithRetryAfter() throws Exception {
    SimpleMeterRegistry registry = new SimpleMeterRegistry();
    AtomicInteger offered = new AtomicInteger();
    ServerBuilder sb = Server.builder().http(new InetSocketAddress("127.0.0.1", 0));
    new ZipkinHttpReceiver((spans, otlpProto) -> {
      offered.addAndGet(spans.size());
      throw new IllegalStateException("store is full");
    }, new ReceiverMetrics(registry, "zipkin", "http"), 1 << 20).bind(sb);
    Server server = sb.build();
    server.start().join();
    try {
      HttpTestClient client = new HttpTestClient(server.activeLocalPort());
      HttpTestClient.Response r = client.post("/api/v2/spans", "application/json",
          "[{\"traceId\":\"1\",\"id\":\"1\"},{\"traceId\":\"1\",\"id\":\"2\"}]".getBytes(StandardCharsets.UTF_8));
      assertEquals(503, r.status());
      assertEquals("5", r.headers().firstValue("Retry-After").orElseThrow());
      assertTrue(r.text().contains("store is full"), r.text());
      assertEquals(2, offered.get());
      assertEquals(2.0, registry.get("ariadne.receiver.refused.spans").counter().count());
      assertEquals(0.0, registry.get("ariadne.receiver.accepted.spans").counter().count());
    } finally {
      server.stop().join();
    }
  }
}
