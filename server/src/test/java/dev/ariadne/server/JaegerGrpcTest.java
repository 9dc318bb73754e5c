package dev.ariadne.server;

import static dev.ariadne.server.JaegerClientEndToEndTest.assertTag;
import static dev.ariadne.server.JaegerClientEndToEndTest.hex;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.google.protobuf.ByteString;
import com.google.protobuf.Duration;
import com.google.protobuf.Timestamp;
import dev.ariadne.server.receiver.RawBytesMarshaller;
import io.grpc.CallOptions;
import io.grpc.ManagedChannel;
import io.grpc.MethodDescriptor;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import io.grpc.stub.ClientCalls;
import io.jaegertracing.api_v2.Collector.PostSpansRequest;
import io.jaegertracing.api_v2.CollectorServiceGrpc;
import io.jaegertracing.api_v2.Model;
import java.nio.ByteBuffer;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Jaeger's collector gRPC API on a free port, called through the grpc-java stubs generated from
 * Jaeger's api_v2 protos: a two-service trace comes back whole through the Jaeger query API, and bad
 * input gets gRPC's error naming the problem without touching what was stored before.
 */
class JaegerGrpcTest {
  private static final int LIMIT = 256 * 1024;
  private static final long TRACE_HIGH = 0x0af7651916cd43ddL;
  private static final long TRACE_LOW = 0x8448eb211c80319cL;
  private static final long KEPT = 0x4b45505444L;
  private static AllInOne server;
  private static ManagedChannel channel;
  private static HttpTestClient query;

  @BeforeAll
  static void start() {
    server = new AllInOne(AllInOneConfig.ephemeral().withMaxRequestBytes(LIMIT)).start();
    channel = NettyChannelBuilder.forAddress("127.0.0.1", server.jaegerGrpcPort()).usePlaintext().build();
    query = new HttpTestClient(server.queryPort());
    // Stored first: every bad request below must leave it queryable.
    stub().postSpans(PostSpansRequest.newBuilder().setBatch(Model.Batch.newBuilder()
        .addSpans(Model.Span.newBuilder().setTraceId(traceId(0, KEPT)).setSpanId(spanId(1)).setOperationName("kept")))
        .build());
  }

  @AfterAll
  static void stop() throws Exception {
    JsonNode kept = query.get("/api/traces/" + hex(KEPT)).json().get("data").get(0);
    assertEquals("kept", kept.get("spans").get(0).get("operationName").asText());
    channel.shutdownNow().awaitTermination(10, TimeUnit.SECONDS);
    server.close();
  }

  private static CollectorServiceGrpc.CollectorServiceBlockingStub stub() {
    return CollectorServiceGrpc.newBlockingStub(channel).withDeadlineAfter(30, TimeUnit.SECONDS);
  }

  @Test
  void aTwoServiceTraceComesBackThroughTheJaegerApi() throws Exception {
    long t0 = 1_700_000_000_123_456_789L;
    Model.Span root = span(1, "GET /orders", t0, 5_000_000)
        .addTags(string("span.kind", "server"))
        .addTags(Model.KeyValue.newBuilder().setKey("http.status_code").setVType(Model.ValueType.INT64).setVInt64(200))
        .addTags(Model.KeyValue.newBuilder().setKey("payload").setVType(Model.ValueType.BINARY)
            .setVBinary(ByteString.copyFrom(new byte[] {(byte) 0xca, (byte) 0xfe})))
        .addLogs(Model.Log.newBuilder().setTimestamp(timestamp(t0 + 1_000_000)).addFields(string("event", "parsed")))
        .build();
    Model.Span db = span(2, "SELECT orders", t0 + 1_000_000, 2_000_000)
        .addReferences(ref(Model.SpanRefType.CHILD_OF, 1))
        .addTags(string("span.kind", "client"))
        .addTags(Model.KeyValue.newBuilder().setKey("error").setVType(Model.ValueType.BOOL).setVBool(true))
        .setProcess(Model.Process.newBuilder().setServiceName("orders-db")
            .addTags(Model.KeyValue.newBuilder().setKey("db.pool").setVType(Model.ValueType.FLOAT64).setVFloat64(0.5)))
        .build();
    Model.Span audit = span(3, "audit", t0 + 4_000_000, 1_000)
        .addReferences(ref(Model.SpanRefType.FOLLOWS_FROM, 1))
        .build();
    stub().postSpans(PostSpansRequest.newBuilder().setBatch(Model.Batch.newBuilder()
        .setProcess(Model.Process.newBuilder().setServiceName("orders-api").addTags(string("region", "eu")))
        .addSpans(root).addSpans(db).addSpans(audit)).build());

    JsonNode trace = query.get("/api/traces/" + hex(TRACE_HIGH) + hex(TRACE_LOW)).json().get("data").get(0);
    Map<String, JsonNode> spans = new HashMap<>();
    trace.get("spans").forEach(s -> spans.put(s.get("operationName").asText(), s));
    JsonNode r = spans.get("GET /orders");
    assertEquals(t0 / 1_000, r.get("startTime").asLong());
    assertEquals(5_000, r.get("duration").asLong());
    assertTag(r, "span.kind", "string", "server");
    assertTag(r, "http.status_code", "int64", "200");
    assertTag(r, "payload", "binary", "yv4=");
    assertEquals("parsed", r.get("logs").get(0).get("fields").get(0).get("value").asText());
    JsonNode d = spans.get("SELECT orders");
    assertEquals("CHILD_OF", d.get("references").get(0).get("refType").asText());
    assertEquals(hex(1), d.get("references").get(0).get("spanID").asText());
    assertTag(d, "error", "bool", "true");
    JsonNode a = spans.get("audit");
    assertEquals(1, a.get("references").size(), a.toString());
    assertEquals("FOLLOWS_FROM", a.get("references").get(0).get("refType").asText());
    assertEquals("orders-api", trace.get("processes").get(r.get("processID").asText()).get("serviceName").asText());
    JsonNode dbProcess = trace.get("processes").get(d.get("processID").asText());
    assertEquals("orders-db", dbProcess.get("serviceName").asText());
    assertEquals("float64", dbProcess.get("tags").get(0).get("type").asText());
  }

  @Test
  void aGzippedRequestIsAccepted() throws Exception {
    stub().withCompression("gzip").postSpans(PostSpansRequest.newBuilder().setBatch(Model.Batch.newBuilder()
        .setProcess(Model.Process.newBuilder().setServiceName("zipped"))
        .addSpans(Model.Span.newBuilder().setTraceId(traceId(0, 0x21)).setSpanId(spanId(1)).setOperationName("gz")))
        .build());
    JsonNode trace = query.get("/api/traces/" + hex(0x21)).json().get("data").get(0);
    assertEquals("gz", trace.get("spans").get(0).get("operationName").asText());
  }

  @Test
  void truncatedBytesAreInvalidArgument() {
    // Field 1 (batch), length-delimited, claiming 100 bytes that are not there.
    assertInvalidArgument(new byte[] {0x0a, 0x64, 0x01, 0x02}, "malformed PostSpansRequest");
  }

  @Test
  void aLengthClaimingTwoGigabytesIsInvalidArgument() {
    // Field 1 (batch) with a varint length of 2^31-1.
    assertInvalidArgument(new byte[] {0x0a, (byte) 0xff, (byte) 0xff, (byte) 0xff, (byte) 0xff, 0x07, 0x01},
        "malformed PostSpansRequest");
  }

  @Test
  void deeplyNestedUnknownGroupsAreInvalidArgument() {
    // Unknown field 15 as a start-group tag, 100 000 deep: protobuf's recursion limit stops it.
    byte[] nested = new byte[100_000];
    java.util.Arrays.fill(nested, (byte) 0x7b);
    assertInvalidArgument(nested, "malformed PostSpansRequest");
  }

  private static void assertInvalidArgument(byte[] body, String message) {
    MethodDescriptor<byte[], byte[]> raw = MethodDescriptor.<byte[], byte[]>newBuilder()
        .setType(MethodDescriptor.MethodType.UNARY)
        .setFullMethodName("jaeger.api_v2.CollectorService/PostSpans")
        .setRequestMarshaller(RawBytesMarshaller.INSTANCE)
        .setResponseMarshaller(RawBytesMarshaller.INSTANCE)
        .build();
    StatusRuntimeException e = assertThrows(StatusRuntimeException.class, () -> ClientCalls.blockingUnaryCall(
        channel, raw, CallOptions.DEFAULT.withDeadlineAfter(30, TimeUnit.SECONDS), body));
    assertEquals(Status.Code.INVALID_ARGUMENT, e.getStatus().getCode(), e.getStatus().toString());
    assertTrue(e.getStatus().getDescription().startsWith(message), e.getStatus().getDescription());
  }

  @Test
  void anOversizedMessageIsResourceExhausted() {
    Model.Span huge = span(9, "x".repeat(LIMIT + 1), 0, 0).build();
    StatusRuntimeException e = assertThrows(StatusRuntimeException.class, () -> stub().postSpans(
        PostSpansRequest.newBuilder().setBatch(Model.Batch.newBuilder().addSpans(huge)).build()));
    assertEquals(Status.Code.RESOURCE_EXHAUSTED, e.getStatus().getCode());
  }

  @Test
  void spansWithBadIdsAreCountedAndTheOthersStored() throws Exception {
    long low = 0x77;
    Model.Span good = Model.Span.newBuilder().setTraceId(traceId(0, low)).setSpanId(spanId(1)).setOperationName("good").build();
    Model.Span shortId = good.toBuilder().setTraceId(ByteString.copyFrom(new byte[5])).setOperationName("short").build();
    Model.Span zero = good.toBuilder().setSpanId(spanId(0)).setOperationName("zero").build();
    stub().postSpans(PostSpansRequest.newBuilder()
        .setBatch(Model.Batch.newBuilder().addSpans(shortId).addSpans(good).addSpans(zero)).build());

    JsonNode trace = query.get("/api/traces/" + hex(low)).json().get("data").get(0);
    assertEquals(1, trace.get("spans").size());
    String metrics = new HttpTestClient(server.adminPort()).get("/metrics").text();
    assertTrue(metrics.contains("ariadne_receiver_refused_spans_total{receiver=\"jaeger\",transport=\"grpc\"} 2.0"), metrics);
  }

  private static Model.Span.Builder span(long spanId, String name, long startNanos, long durationNanos) {
    return Model.Span.newBuilder()
        .setTraceId(traceId(TRACE_HIGH, TRACE_LOW))
        .setSpanId(spanId(spanId))
        .setOperationName(name)
        .setFlags(1)
        .setStartTime(timestamp(startNanos))
        .setDuration(Duration.newBuilder().setSeconds(durationNanos / 1_000_000_000).setNanos((int) (durationNanos % 1_000_000_000)));
  }

  private static Model.SpanRef ref(Model.SpanRefType type, long spanId) {
    return Model.SpanRef.newBuilder().setRefType(type).setTraceId(traceId(TRACE_HIGH, TRACE_LOW)).setSpanId(spanId(spanId)).build();
  }

  private static Model.KeyValue string(String key, String value) {
    return Model.KeyValue.newBuilder().setKey(key).setVType(Model.ValueType.STRING).setVStr(value).build();
  }

  private static Timestamp timestamp(long nanos) {
    return Timestamp.newBuilder().setSeconds(nanos / 1_000_000_000).setNanos((int) (nanos % 1_000_000_000)).build();
  }

  private static ByteString traceId(long high, long low) {
    return ByteString.copyFrom(ByteBuffer.allocate(16).putLong(high).putLong(low).array());
  }

  private static ByteString spanId(long id) {
    return ByteString.copyFrom(ByteBuffer.allocate(8).putLong(id).array());
  }
}
