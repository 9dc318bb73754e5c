package dev.ariadne.server;

import static dev.ariadne.server.JaegerQueryGrpcTest.bytes;
import static dev.ariadne.server.JaegerQueryGrpcTest.list;
import static dev.ariadne.server.JaegerQueryGrpcTest.seconds;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.protobuf.ByteString;
import com.google.protobuf.Duration;
import com.google.protobuf.Timestamp;
import com.google.protobuf.UnknownFieldSet;
import dev.ariadne.server.receiver.RawBytesMarshaller;
import io.grpc.CallOptions;
import io.grpc.ManagedChannel;
import io.grpc.MethodDescriptor;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import io.grpc.stub.ClientCalls;
import io.jaegertracing.api_v2.Query;
import io.jaegertracing.api_v3.QueryServiceOuterClass;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/**
 * Bad arguments to Jaeger's query gRPC services: malformed trace ids, missing or out-of-range fields and
 * unknown span kinds are INVALID_ARGUMENT naming the field; unknown traces NOT_FOUND; bytes that are not
 * the request message (garbage, truncated, nested past protobuf's limit) INVALID_ARGUMENT; a message over
 * the limit RESOURCE_EXHAUSTED. The trace stored first stays queryable throughout.
 */
class JaegerQueryGrpcBadInputTest {
  private static final int LIMIT = 64 * 1024;
  private static final long T0 = 1_700_000_000_000_000_000L;
  private static final String UNKNOWN = "0123456789abcdef0123456789abcdef";
  private static AllInOne server;
  private static ManagedChannel channel;
  private static String kept;

  @BeforeAll
  static void start() {
    server = new AllInOne(AllInOneConfig.ephemeral().withMaxRequestBytes(LIMIT)).start();
    channel = NettyChannelBuilder.forAddress("127.0.0.1", server.queryGrpcPort()).usePlaintext().build();
    kept = SdkTraces.sendSpan(server, "kept", "stored first", T0, 1_000);
  }

  @AfterAll
  static void stop() throws Exception {
    assertEquals("stored first", list(v2().getTrace(Query.GetTraceRequest.newBuilder().setTraceId(bytes(kept)).build()))
        .getFirst().getSpans(0).getOperationName());
    assertEquals(1, list(v3().getTrace(QueryServiceOuterClass.GetTraceRequest.newBuilder().setTraceId(kept).build()))
        .size());
    channel.shutdownNow().awaitTermination(10, TimeUnit.SECONDS);
    server.close();
  }

  private static io.jaegertracing.api_v2.QueryServiceGrpc.QueryServiceBlockingStub v2() {
    return io.jaegertracing.api_v2.QueryServiceGrpc.newBlockingStub(channel).withDeadlineAfter(30, TimeUnit.SECONDS);
  }

  private static io.jaegertracing.api_v3.QueryServiceGrpc.QueryServiceBlockingStub v3() {
    return io.jaegertracing.api_v3.QueryServiceGrpc.newBlockingStub(channel).withDeadlineAfter(30, TimeUnit.SECONDS);
  }

  @Test
  void v2TraceIdsMustBeSixteenNonZeroBytes() {
    assertInvalid("trace_id: must be 16 bytes, got 8", () -> v2GetTrace(ByteString.copyFrom(new byte[8])));
    assertInvalid("trace_id: must be 16 bytes, got 0", () -> v2GetTrace(ByteString.EMPTY));
    assertInvalid("trace_id: must be 16 bytes, got 17", () -> v2GetTrace(ByteString.copyFrom(new byte[17])));
    assertInvalid("uninitialized TraceID", () -> v2GetTrace(ByteString.copyFrom(new byte[16])));
    assertStatus(Status.Code.NOT_FOUND, "trace not found", () -> v2GetTrace(bytes(UNKNOWN)));
    assertInvalid("start_time", () -> list(v2().getTrace(Query.GetTraceRequest.newBuilder().setTraceId(bytes(kept))
        .setStartTime(Timestamp.newBuilder().setSeconds(1).setNanos(-1)).build())));
  }

  @Test
  void v2SearchFieldsAreChecked() {
    assertInvalid("missing query", () -> list(v2().findTraces(Query.FindTracesRequest.getDefaultInstance())));
    assertInvalid("query.duration_min", () -> v2Find(Query.TraceQueryParameters.newBuilder()
        .setDurationMin(Duration.newBuilder().setSeconds(-1))));
    assertInvalid("query.duration_max", () -> v2Find(Query.TraceQueryParameters.newBuilder()
        .setDurationMin(Duration.newBuilder().setSeconds(2)).setDurationMax(Duration.newBuilder().setSeconds(1))));
    assertInvalid("query.search_depth", () -> v2Find(Query.TraceQueryParameters.newBuilder().setSearchDepth(-1)));
    assertInvalid("query.start_time_min", () -> v2Find(Query.TraceQueryParameters.newBuilder()
        .setStartTimeMin(Timestamp.newBuilder().setSeconds(1_000_000_000_000L))));
    assertInvalid("span_kind", () -> v2().getOperations(Query.GetOperationsRequest.newBuilder()
        .setService("kept").setSpanKind("sideways").build()));
    assertInvalid("StartTime and EndTime must be initialized",
        () -> v2().getDependencies(Query.GetDependenciesRequest.getDefaultInstance()));
    assertInvalid("end_time", () -> v2().getDependencies(Query.GetDependenciesRequest.newBuilder()
        .setStartTime(seconds(200)).setEndTime(seconds(100)).build()));
  }

  @Test
  void v3TraceIdsMustBeHex() {
    assertInvalid("trace_id", () -> v3GetTrace("xyz"));
    assertInvalid("trace_id", () -> v3GetTrace("a".repeat(33)));
    assertInvalid("trace_id", () -> v3GetTrace(""));
    assertStatus(Status.Code.NOT_FOUND, "trace not found", () -> v3GetTrace(UNKNOWN));
    assertInvalid("end_time", () -> list(v3().getTrace(QueryServiceOuterClass.GetTraceRequest.newBuilder()
        .setTraceId(kept).setEndTime(Timestamp.newBuilder().setSeconds(Long.MAX_VALUE)).build())));
  }

  @Test
  void v3SearchFieldsAreChecked() {
    assertInvalid("missing query", () -> list(v3().findTraces(QueryServiceOuterClass.FindTracesRequest.getDefaultInstance())));
    assertInvalid("query.start_time_min and query.start_time_max are required", () -> v3Find(
        QueryServiceOuterClass.TraceQueryParameters.newBuilder().setServiceName("kept")));
    assertInvalid("query.start_time_max: must be after", () -> v3Find(window().setStartTimeMax(seconds(0))));
    assertInvalid("query.duration_min", () -> v3Find(window().setDurationMin(Duration.newBuilder().setNanos(-5))));
    assertInvalid("query.duration_max", () -> v3Find(window().setDurationMax(Duration.newBuilder().setNanos(2_000_000_000))));
    assertInvalid("query.search_depth", () -> v3Find(window().setSearchDepth(-5)));
    // TraceQueryParameters.filter (field 10), which Jaeger refuses unless a feature gate is on.
    assertInvalid("query.filter", () -> v3Find(window().setUnknownFields(UnknownFieldSet.newBuilder()
        .addField(10, UnknownFieldSet.Field.newBuilder().addLengthDelimited(ByteString.copyFromUtf8("\n\u0002eq")).build())
        .build())));
    assertInvalid("missing query", () -> list(v3().findTraceSummaries(
        QueryServiceOuterClass.FindTraceSummariesRequest.getDefaultInstance())));
    assertInvalid("query.start_time_min", () -> list(v3().findTraceSummaries(
        QueryServiceOuterClass.FindTraceSummariesRequest.newBuilder()
            .setQuery(QueryServiceOuterClass.TraceQueryParameters.getDefaultInstance()).build())));
    assertInvalid("span_kind", () -> v3().getOperations(QueryServiceOuterClass.GetOperationsRequest.newBuilder()
        .setService("kept").setSpanKind("up").build()));
    assertInvalid("start_time and end_time", () -> v3().getDependencies(
        QueryServiceOuterClass.GetDependenciesRequest.newBuilder().setStartTime(seconds(1)).build()));
    assertInvalid("start_time must be less than or equal to end_time", () -> v3().getDependencies(
        QueryServiceOuterClass.GetDependenciesRequest.newBuilder().setStartTime(seconds(2)).setEndTime(seconds(1)).build()));
  }

  @Test
  void bytesThatAreNotTheRequestAreInvalidArgument() {
    byte[] garbage = new byte[64];
    Arrays.fill(garbage, (byte) 0xff);
    assertInvalid("malformed GetTraceRequest", () -> raw("jaeger.api_v2.QueryService/GetTrace", garbage));
    byte[] request = QueryServiceOuterClass.FindTracesRequest.newBuilder()
        .setQuery(window().setServiceName("kept").setOperationName("x".repeat(100))).build().toByteArray();
    assertInvalid("malformed FindTracesRequest",
        () -> raw("jaeger.api_v3.QueryService/FindTraces", Arrays.copyOf(request, request.length - 10)));
    byte[] nested = new byte[50_000];
    Arrays.fill(nested, (byte) 0x7b); // start-group tags, each one level deeper
    assertInvalid("malformed FindTraceSummariesRequest",
        () -> raw("jaeger.api_v3.QueryService/FindTraceSummaries", nested));
    assertInvalid("malformed GetServicesRequest", () -> rawUnary("jaeger.api_v2.QueryService/GetServices", garbage));
  }

  @Test
  void grpcJsonAndGrpcWebAreUnsupportedMediaTypes() throws Exception {
    HttpTestClient http = new HttpTestClient(server.queryGrpcPort());
    for (String type : new String[] {"application/grpc+json", "application/grpc-web"}) {
      HttpTestClient.Response r = http.send(java.net.http.HttpRequest.newBuilder(
              http.uri("/jaeger.api_v3.QueryService/GetServices"))
          .header("Content-Type", type)
          .POST(java.net.http.HttpRequest.BodyPublishers.ofByteArray(new byte[] {0, 0, 0, 0, 2, '{', '}'})));
      assertEquals(415, r.status(), type + ": " + r.text());
    }
  }

  @Test
  void aRequestOverTheLimitIsResourceExhausted() {
    Query.TraceQueryParameters.Builder huge = Query.TraceQueryParameters.newBuilder();
    huge.putTags("k", "v".repeat(LIMIT + 1));
    assertStatus(Status.Code.RESOURCE_EXHAUSTED, "",
        () -> list(v2().findTraces(Query.FindTracesRequest.newBuilder().setQuery(huge).build())));
  }

  private static void v2GetTrace(ByteString id) {
    list(v2().getTrace(Query.GetTraceRequest.newBuilder().setTraceId(id).build()));
  }

  private static void v2Find(Query.TraceQueryParameters.Builder query) {
    list(v2().findTraces(Query.FindTracesRequest.newBuilder().setQuery(query).build()));
  }

  private static void v3GetTrace(String id) {
    list(v3().getTrace(QueryServiceOuterClass.GetTraceRequest.newBuilder().setTraceId(id).build()));
  }

  private static void v3Find(QueryServiceOuterClass.TraceQueryParameters.Builder query) {
    list(v3().findTraces(QueryServiceOuterClass.FindTracesRequest.newBuilder().setQuery(query).build()));
  }

  private static QueryServiceOuterClass.TraceQueryParameters.Builder window() {
    return QueryServiceOuterClass.TraceQueryParameters.newBuilder()
        .setStartTimeMin(seconds(T0 / 1_000_000_000L - 60)).setStartTimeMax(seconds(T0 / 1_000_000_000L + 60));
  }

  private static void raw(String method, byte[] body) {
    list(ClientCalls.blockingServerStreamingCall(channel, rawMethod(method, MethodDescriptor.MethodType.SERVER_STREAMING),
        CallOptions.DEFAULT.withDeadlineAfter(30, TimeUnit.SECONDS), body));
  }

  private static void rawUnary(String method, byte[] body) {
    ClientCalls.blockingUnaryCall(channel, rawMethod(method, MethodDescriptor.MethodType.UNARY),
        CallOptions.DEFAULT.withDeadlineAfter(30, TimeUnit.SECONDS), body);
  }

  private static MethodDescriptor<byte[], byte[]> rawMethod(String name, MethodDescriptor.MethodType type) {
    return MethodDescriptor.<byte[], byte[]>newBuilder().setType(type).setFullMethodName(name)
        .setRequestMarshaller(RawBytesMarshaller.INSTANCE).setResponseMarshaller(RawBytesMarshaller.INSTANCE).build();
  }

  private static void assertInvalid(String fragment, Executable call) {
    assertStatus(Status.Code.INVALID_ARGUMENT, fragment, call);
  }

  private static void assertStatus(Status.Code code, String fragment, Executable call) {
    StatusRuntimeException e = assertThrows(StatusRuntimeException.class, call);
    assertEquals(code, e.getStatus().getCode(), e.getStatus().toString());
    String description = String.valueOf(e.getStatus().getDescription());
    assertTrue(description.contains(fragment), description);
  }
}
