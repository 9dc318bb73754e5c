package dev.ariadne.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.google.protobuf.ByteString;
import com.google.rpc.Status;
import io.grpc.CallOptions;
import io.grpc.ManagedChannel;
import io.grpc.MethodDescriptor;
import io.grpc.StatusRuntimeException;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import io.grpc.stub.ClientCalls;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceResponse;
import io.opentelemetry.proto.collector.trace.v1.TraceServiceGrpc;
import io.opentelemetry.proto.common.v1.AnyValue;
import io.opentelemetry.proto.common.v1.KeyValue;
import io.opentelemetry.proto.resource.v1.Resource;
import io.opentelemetry.proto.trace.v1.ResourceSpans;
import io.opentelemetry.proto.trace.v1.ScopeSpans;
import io.opentelemetry.proto.trace.v1.Span;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Malformed, oversized and invalid OTLP over both transports, sent by grpc-java and the JDK's HTTP
 * client: each gets the protocol's error naming the problem, and what was accepted before stays.
 */
class OtlpBadInputTest {
  private static final int LIMIT = 256 * 1024;
  private static AllInOne server;
  private static ManagedChannel channel;
  private static HttpTestClient otlpHttp;
  private static HttpTestClient query;
  private static String keptTraceId;

  @BeforeAll
  static void start() throws Exception {
    server = new AllInOne(AllInOneConfig.ephemeral().withMaxRequestBytes(LIMIT)).start();
    channel = NettyChannelBuilder.forAddress("127.0.0.1", server.otlpGrpcPort()).usePlaintext()
        .maxInboundMessageSize(16 * 1024 * 1024).build();
    otlpHttp = new HttpTestClient(server.otlpHttpPort());
    query = new HttpTestClient(server.queryPort());
    // A valid trace stored first: every bad request below must leave it queryable.
    ExportTraceServiceResponse ok = stub().export(request(span(bytes(16, 7), bytes(8, 1), "kept")));
    assertEquals(0, ok.getPartialSuccess().getRejectedSpans());
    keptTraceId = "07".repeat(16);
  }

  @AfterAll
  static void stop() throws Exception {
    assertKeptTraceStillServed();
    channel.shutdownNow().awaitTermination(10, TimeUnit.SECONDS);
    server.close();
  }

  private static TraceServiceGrpc.TraceServiceBlockingStub stub() {
    return TraceServiceGrpc.newBlockingStub(channel).withDeadlineAfter(30, TimeUnit.SECONDS);
  }

  @Test
  void grpcMalformedProtobufIsInvalidArgument() {
    MethodDescriptor<byte[], byte[]> raw = MethodDescriptor.<byte[], byte[]>newBuilder()
        .setType(MethodDescriptor.MethodType.UNARY)
        .setFullMethodName("opentelemetry.proto.collector.trace.v1.TraceService/Export")
        .setRequestMarshaller(new BytesMarshaller())
        .setResponseMarshaller(new BytesMarshaller())
        .build();
    // Field 1 (resource_spans), length-delimited, claiming 100 bytes that are not there.
    byte[] garbage = {0x0a, 0x64, 0x01, 0x02};
    StatusRuntimeException e = assertThrows(StatusRuntimeException.class,
        () -> ClientCalls.blockingUnaryCall(channel, raw, CallOptions.DEFAULT.withDeadlineAfter(30, TimeUnit.SECONDS), garbage));
    assertEquals(io.grpc.Status.Code.INVALID_ARGUMENT, e.getStatus().getCode());
    assertTrue(e.getStatus().getDescription().contains("malformed ExportTraceServiceRequest"),
        e.getStatus().getDescription());
  }

  @Test
  void grpcOversizedMessageIsResourceExhaustedAndCounted() throws Exception {
    String counter = "ariadne_receiver_refused_requests_total{reason=\"too_large\",receiver=\"otlp\",transport=\"grpc\"}";
    double before = metric(counter);
    StatusRuntimeException e = assertThrows(StatusRuntimeException.class,
        () -> stub().export(request(span(bytes(16, 9), bytes(8, 9), "x".repeat(LIMIT + 1)))));
    assertEquals(io.grpc.Status.Code.RESOURCE_EXHAUSTED, e.getStatus().getCode());
    awaitMetric(counter, before + 1);
  }

  @Test
  void grpcInvalidIdsArePartialSuccessAndValidSpansKept() throws Exception {
    ExportTraceServiceResponse response = stub().export(request(
        span(bytes(16, 0), bytes(8, 1), "zero-trace-id"),
        span(bytes(16, 3), bytes(8, 0), "zero-span-id"),
        span(bytes(15, 3), bytes(8, 1), "short-trace-id"),
        span(bytes(16, 0x21), bytes(8, 2), "valid")));
    assertEquals(3, response.getPartialSuccess().getRejectedSpans());
    String message = response.getPartialSuccess().getErrorMessage();
    assertTrue(message.contains("trace_id must not be all zeros"), message);
    assertTrue(message.contains("span_id must not be all zeros"), message);
    assertTrue(message.contains("trace_id must be 16 bytes, got 15"), message);
    assertEquals(200, query.get("/api/traces/" + "21".repeat(16)).status());
  }

  @Test
  void httpMalformedProtobufIs400WithStatus() throws Exception {
    HttpTestClient.Response r = otlpHttp.post("/v1/traces", "application/x-protobuf", new byte[] {0x0a, 0x64, 1});
    assertEquals(400, r.status());
    Status status = Status.parseFrom(r.body());
    assertEquals(3, status.getCode());
    assertTrue(status.getMessage().contains("malformed ExportTraceServiceRequest"), status.getMessage());
  }

  @Test
  void httpMalformedJsonIs400WithStatus() throws Exception {
    HttpTestClient.Response r = otlpHttp.post("/v1/traces", "application/json",
        "{\"resourceSpans\": [".getBytes(StandardCharsets.UTF_8));
    assertEquals(400, r.status());
    JsonNode status = r.json();
    assertEquals(3, status.get("code").asInt());
    assertTrue(status.get("message").asText().contains("malformed"), status.toString());
  }

  @Test
  void httpJsonInvalidIdsArePartialSuccess() throws Exception {
    String body = """
        {"resourceSpans":[{"resource":{"attributes":[{"key":"service.name","value":{"stringValue":"json-svc"}}]},
          "scopeSpans":[{"spans":[
            {"traceId":"00000000000000000000000000000000","spanId":"0102030405060708","name":"bad"},
            {"traceId":"5b8efff798038103d269b633813fc60c","spanId":"eee19b7ec3c1b174","name":"good",
             "startTimeUnixNano":"1544712660000000000","endTimeUnixNano":"1544712661000000000","kind":2}
          ]}]}]}
        """;
    HttpTestClient.Response r = otlpHttp.post("/v1/traces", "application/json", body.getBytes(StandardCharsets.UTF_8));
    assertEquals(200, r.status(), r.text());
    JsonNode partial = r.json().get("partialSuccess");
    assertEquals(1, partial.get("rejectedSpans").asLong());
    assertTrue(partial.get("errorMessage").asText().contains("trace_id"), partial.toString());
    JsonNode trace = query.get("/api/traces/5b8efff798038103d269b633813fc60c").json();
    assertEquals("good", trace.get("data").get(0).get("spans").get(0).get("operationName").asText());
  }

  @Test
  void httpOversizedBodyIs413AndCounted() throws Exception {
    String counter = "ariadne_receiver_refused_requests_total{reason=\"too_large\",receiver=\"otlp\",transport=\"http\"}";
    double before = metric(counter);
    byte[] body = request(span(bytes(16, 5), bytes(8, 5), "x".repeat(LIMIT + 1))).toByteArray();
    assertEquals(413, otlpHttp.post("/v1/traces", "application/x-protobuf", body).status());
    awaitMetric(counter, before + 1);
  }

  /** The value of one Prometheus sample line, or 0 if absent. */
  private static double metric(String series) throws Exception {
    for (String line : new HttpTestClient(server.adminPort()).get("/metrics").text().split("\n")) {
      if (line.startsWith(series + " ")) return Double.parseDouble(line.substring(series.length() + 1));
    }
    return 0;
  }

  /** Request logs complete just after the response is sent, so the count may lag the answer briefly. */
  private static void awaitMetric(String series, double expected) throws Exception {
    double value = metric(series);
    for (int i = 0; i < 100 && value < expected; i++) {
      Thread.sleep(50);
      value = metric(series);
    }
    assertEquals(expected, value, series);
  }

  @Test
  void httpGzipBombIs413() throws Exception {
    // 64 MiB of zeros compresses to about 64 KiB: under the limit on the wire, far over it inflated.
    ByteArrayOutputStream compressed = new ByteArrayOutputStream();
    try (GZIPOutputStream gz = new GZIPOutputStream(compressed)) {
      byte[] zeros = new byte[1 << 20];
      for (int i = 0; i < 64; i++) gz.write(zeros);
    }
    assertTrue(compressed.size() < LIMIT);
    HttpTestClient.Response r = otlpHttp.post("/v1/traces", "application/x-protobuf", compressed.toByteArray(),
        "Content-Encoding", "gzip");
    assertEquals(413, r.status());
    assertTrue(Status.parseFrom(r.body()).getMessage().contains("exceeds the limit"));
  }

  @Test
  void httpCorruptGzipIs400() throws Exception {
    HttpTestClient.Response r = otlpHttp.post("/v1/traces", "application/x-protobuf",
        "not gzip at all".getBytes(StandardCharsets.UTF_8), "Content-Encoding", "gzip");
    assertEquals(400, r.status());
  }

  @Test
  void httpUnsupportedContentTypeIs415() throws Exception {
    assertEquals(415, otlpHttp.post("/v1/traces", "text/plain", "hello".getBytes(StandardCharsets.UTF_8)).status());
  }

  @Test
  void httpWrongMethodAndPathAreRefused() throws Exception {
    assertEquals(405, otlpHttp.get("/v1/traces").status());
    assertEquals(404, otlpHttp.post("/v1/logs", "application/x-protobuf", new byte[0]).status());
  }

  @Test
  void refusalsAreCountedInMetrics() throws Exception {
    otlpHttp.post("/v1/traces", "application/x-protobuf", new byte[] {0x0a, 0x64, 1});
    String metrics = new HttpTestClient(server.adminPort()).get("/metrics").text();
    assertTrue(metrics.contains("ariadne_receiver_refused_requests_total{reason=\"malformed\",receiver=\"otlp\",transport=\"http\"}"),
        metrics);
    assertTrue(metrics.contains("ariadne_receiver_accepted_spans_total{receiver=\"otlp\",transport=\"grpc\"}"), metrics);
  }

  private static void assertKeptTraceStillServed() throws Exception {
    JsonNode trace = query.get("/api/traces/" + keptTraceId).json();
    assertEquals("kept", trace.get("data").get(0).get("spans").get(0).get("operationName").asText());
  }

  static ExportTraceServiceRequest request(Span... spans) {
    return ExportTraceServiceRequest.newBuilder()
        .addResourceSpans(ResourceSpans.newBuilder()
            .setResource(Resource.newBuilder().addAttributes(KeyValue.newBuilder().setKey("service.name")
                .setValue(AnyValue.newBuilder().setStringValue("bad-input-test"))))
            .addScopeSpans(ScopeSpans.newBuilder().addAllSpans(java.util.List.of(spans))))
        .build();
  }

  static Span span(ByteString traceId, ByteString spanId, String name) {
    return Span.newBuilder().setTraceId(traceId).setSpanId(spanId).setName(name)
        .setStartTimeUnixNano(1_700_000_000_000_000_000L).setEndTimeUnixNano(1_700_000_000_001_000_000L)
        .build();
  }

  static ByteString bytes(int length, int fill) {
    byte[] b = new byte[length];
    java.util.Arrays.fill(b, (byte) fill);
    return ByteString.copyFrom(b);
  }

  private static final class BytesMarshaller implements MethodDescriptor.Marshaller<byte[]> {
    @Override
    public InputStream stream(byte[] value) {
      return new ByteArrayInputStream(value);
    }

    @Override
    public byte[] parse(InputStream stream) {
      try {
        return stream.readAllBytes();
      } catch (java.io.IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
    }
  }
}
