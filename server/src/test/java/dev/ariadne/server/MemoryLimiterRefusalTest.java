package dev.ariadne.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ariadne.codec.jaeger.JaegerProtoEncoder;
import dev.ariadne.codec.jaeger.JaegerThriftEncoder;
import dev.ariadne.codec.otlp.OtlpProtoEncoder;
import dev.ariadne.model.Attributes;
import dev.ariadne.model.Resource;
import dev.ariadne.model.Span;
import io.grpc.ManagedChannel;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import io.jaegertracing.api_v2.Collector.PostSpansRequest;
import io.jaegertracing.api_v2.CollectorServiceGrpc;
import io.opentelemetry.proto.collector.trace.v1.TraceServiceGrpc;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A memory limiter whose limit (1 MiB) any JVM heap is over refuses every batch: each receiver answers
 * with its protocol's "retry later" (gRPC UNAVAILABLE; HTTP 503 with Retry-After, the check interval),
 * and the spans count as refused.
 */
class MemoryLimiterRefusalTest {
  private static final String CONFIG = """
      receivers:
        otlp:
          protocols:
            grpc:
            http:
        zipkin:
        jaeger:
          protocols:
            grpc:
            thrift_http:
      processors:
        memory_limiter:
          check_interval: 2s
          limit_mib: 1
      exporters:
        ariadne:
      service:
        pipelines:
          traces:
            receivers: [otlp, zipkin, jaeger]
            processors: [memory_limiter]
            exporters: [ariadne]
      """;
  private static final List<Span> SPANS = List.of(Span.builder()
      .resource(Resource.of(Attributes.of("service.name", "heavy"))).traceId(7, 7).spanId(7).name("op").build());

  @TempDir static Path dir;
  static AllInOne server;

  @BeforeAll
  static void start() throws Exception {
    server = new AllInOne(AllInOneConfig.ephemeral(), CollectorConfigs.load(CollectorConfigs.onFreePorts(CONFIG, dir))).start();
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @Test
  void otlpGrpcIsUnavailable() throws Exception {
    ManagedChannel channel = NettyChannelBuilder.forAddress("127.0.0.1", server.otlpGrpcPort()).usePlaintext().build();
    try {
      StatusRuntimeException e = assertThrows(StatusRuntimeException.class, () -> TraceServiceGrpc.newBlockingStub(channel)
          .withDeadlineAfter(30, TimeUnit.SECONDS).export(OtlpProtoEncoder.encode(SPANS)));
      assertEquals(Status.Code.UNAVAILABLE, e.getStatus().getCode());
      assertTrue(e.getStatus().getDescription().contains("high memory usage"), e.getStatus().getDescription());
    } finally {
      channel.shutdownNow().awaitTermination(10, TimeUnit.SECONDS);
    }
    assertRefused("otlp", "grpc");
  }

  @Test
  void jaegerGrpcIsUnavailable() throws Exception {
    ManagedChannel channel = NettyChannelBuilder.forAddress("127.0.0.1", server.jaegerGrpcPort()).usePlaintext().build();
    try {
      StatusRuntimeException e = assertThrows(StatusRuntimeException.class, () -> CollectorServiceGrpc.newBlockingStub(channel)
          .withDeadlineAfter(30, TimeUnit.SECONDS)
          .postSpans(PostSpansRequest.newBuilder().setBatch(JaegerProtoEncoder.batches(SPANS).getFirst()).build()));
      assertEquals(Status.Code.UNAVAILABLE, e.getStatus().getCode());
    } finally {
      channel.shutdownNow().awaitTermination(10, TimeUnit.SECONDS);
    }
    assertRefused("jaeger", "grpc");
  }

  @Test
  void otlpHttpIs503WithRetryAfter() throws Exception {
    assertRetryLater(new HttpTestClient(server.otlpHttpPort())
        .post("/v1/traces", "application/x-protobuf", OtlpProtoEncoder.encode(SPANS).toByteArray()));
    assertRefused("otlp", "http");
  }

  @Test
  void zipkinIs503WithRetryAfter() throws Exception {
    assertRetryLater(new HttpTestClient(server.zipkinPort()).post("/api/v2/spans", "application/json",
        "[{\"traceId\":\"7\",\"id\":\"7\",\"name\":\"op\"}]".getBytes(StandardCharsets.UTF_8)));
    assertRefused("zipkin", "http");
  }

  @Test
  void jaegerThriftHttpIs503WithRetryAfter() throws Exception {
    assertRetryLater(new HttpTestClient(server.jaegerThriftHttpPort()).post("/api/traces", "application/x-thrift",
        JaegerThriftEncoder.binary(JaegerThriftEncoder.batches(SPANS).getFirst())));
    assertRefused("jaeger", "http");
  }

  private static void assertRetryLater(HttpTestClient.Response response) {
    assertEquals(503, response.status(), response.text());
    assertEquals("2", response.headers().firstValue("Retry-After").orElseThrow());
  }

  private static void assertRefused(String receiver, String transport) throws Exception {
    String metrics = new HttpTestClient(server.adminPort()).get("/metrics").text();
    assertTrue(metrics.contains("otelcol_receiver_refused_spans_total{receiver=\"" + receiver + "\",transport=\""
        + transport + "\"} 1.0"), metrics);
    assertTrue(metrics.contains("otelcol_receiver_accepted_spans_total{receiver=\"" + receiver + "\",transport=\""
        + transport + "\"} 0.0"), metrics);
  }
}
