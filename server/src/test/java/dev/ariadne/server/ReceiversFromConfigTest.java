package dev.ariadne.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.google.protobuf.ByteString;
import io.grpc.ManagedChannel;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import io.opentelemetry.proto.collector.trace.v1.TraceServiceGrpc;
import io.opentelemetry.proto.trace.v1.ResourceSpans;
import io.opentelemetry.proto.trace.v1.ScopeSpans;
import io.opentelemetry.proto.trace.v1.Span;
import java.net.http.HttpRequest;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Receivers as the file describes them: only those in a pipeline start, a named receiver is a listener
 * of its own, and its settings (message size, CORS origins, the traces path) apply.
 */
class ReceiversFromConfigTest {
  private static final String CONFIG = """
      receivers:
        otlp:
          protocols:
            grpc:
              max_recv_msg_size_mib: 1
        otlp/browser:
          protocols:
            http:
              traces_url_path: /browser/traces
              cors:
                allowed_origins: [https://shop.example]
        zipkin:
      exporters:
        debug:
      service:
        pipelines:
          traces:
            receivers: [otlp, otlp/browser]
            exporters: [debug]
      """;

  @TempDir Path dir;

  @Test
  void theFileDecidesWhichListenersRunAndHow() throws Exception {
    try (CollectorRole collector = new CollectorRole(CollectorConfigs.load(CollectorConfigs.onFreePorts(CONFIG, dir)))) {
      // zipkin is defined but in no pipeline: not started.
      assertEquals(List.of("OTLP gRPC", "OTLP HTTP (otlp/browser)", "metrics"), List.copyOf(collector.listeningPorts().keySet()));

      // Just over max_recv_msg_size_mib (far larger ones are cut off by the HTTP/2 layer first).
      ManagedChannel channel = NettyChannelBuilder.forAddress("127.0.0.1", collector.listeningPorts().get("OTLP gRPC"))
          .usePlaintext().build();
      try {
        ExportTraceServiceRequest tooLarge = ExportTraceServiceRequest.newBuilder().addResourceSpans(ResourceSpans.newBuilder()
            .addScopeSpans(ScopeSpans.newBuilder().addSpans(Span.newBuilder().setName("x".repeat(1024 * 1024))
                .setTraceId(ByteString.copyFrom(new byte[16])).setSpanId(ByteString.copyFrom(new byte[8]))))).build();
        StatusRuntimeException e = assertThrows(StatusRuntimeException.class, () -> TraceServiceGrpc.newBlockingStub(channel)
            .withDeadlineAfter(30, TimeUnit.SECONDS).export(tooLarge));
        assertEquals(Status.Code.RESOURCE_EXHAUSTED, e.getStatus().getCode());
      } finally {
        channel.shutdownNow().awaitTermination(10, TimeUnit.SECONDS);
      }

      HttpTestClient browser = new HttpTestClient(collector.listeningPorts().get("OTLP HTTP (otlp/browser)"));
      HttpTestClient.Response preflight = browser.send(HttpRequest.newBuilder(browser.uri("/browser/traces"))
          .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
          .header("Origin", "https://shop.example")
          .header("Access-Control-Request-Method", "POST")
          .header("Access-Control-Request-Headers", "content-type"));
      assertEquals("https://shop.example", preflight.headers().firstValue("Access-Control-Allow-Origin").orElseThrow());
      assertEquals(200, browser.post("/browser/traces", "application/json", "{}".getBytes()).status());
    }
  }
}
