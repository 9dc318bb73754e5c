package dev.ariadne.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.protobuf.ByteString;
import com.google.protobuf.Timestamp;
import dev.ariadne.model.Hex;
import io.grpc.ManagedChannel;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import io.jaegertracing.api_v2.Model;
import io.jaegertracing.api_v2.Query;
import io.jaegertracing.api_v3.QueryServiceOuterClass;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.context.Context;
import io.opentelemetry.proto.trace.v1.ResourceSpans;
import io.opentelemetry.proto.trace.v1.ScopeSpans;
import io.opentelemetry.proto.trace.v1.Status.StatusCode;
import io.opentelemetry.proto.trace.v1.TracesData;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Jaeger's query gRPC services on a free port, fed by the OpenTelemetry SDK and called through grpc-java
 * stubs generated from Jaeger's protos: every call of jaeger.api_v2.QueryService and
 * jaeger.api_v3.QueryService, with their streamed chunks.
 */
class JaegerQueryGrpcTest {
  private static final long T0 = 1_700_000_000_123_456_789L;
  private static final long HOUR_SECONDS = 3_600;
  private static final int WIDE_CHILDREN = 24;
  private static AllInOne server;
  private static ManagedChannel channel;
  private static SdkTraces.Shop shop;
  private static String wideTraceId;
  private static String wideRootSpanId;

  @BeforeAll
  static void start() {
    server = new AllInOne(AllInOneConfig.ephemeral()).start();
    channel = NettyChannelBuilder.forAddress("127.0.0.1", server.queryGrpcPort()).usePlaintext().build();
    shop = SdkTraces.sendShop(server, "grpc", T0);
    SdkTracerProvider wide = SdkTraces.batchingProvider(server, "grpc-wide");
    Span root = wide.get("wide").spanBuilder("fan-out").setSpanKind(SpanKind.SERVER)
        .setStartTimestamp(T0 + 1_000_000_000L, TimeUnit.NANOSECONDS).startSpan();
    for (int i = 0; i < WIDE_CHILDREN; i++) {
      wide.get("wide").spanBuilder("part-" + i).setParent(Context.root().with(root))
          .setStartTimestamp(T0 + 1_000_000_000L + i, TimeUnit.NANOSECONDS).startSpan()
          .end(T0 + 1_000_000_000L + 1_000 + i, TimeUnit.NANOSECONDS);
    }
    root.end(T0 + 1_100_000_000L, TimeUnit.NANOSECONDS);
    SdkTraces.flush(wide);
    wideTraceId = root.getSpanContext().getTraceId();
    wideRootSpanId = root.getSpanContext().getSpanId();
    for (int i = 0; i < 2; i++) SdkTraces.sendSpan(server, "grpc-health", "GET /health", T0 + i, 1_000);
  }

  @AfterAll
  static void stop() throws Exception {
    channel.shutdownNow().awaitTermination(10, TimeUnit.SECONDS);
    server.close();
  }

  private static io.jaegertracing.api_v2.QueryServiceGrpc.QueryServiceBlockingStub v2() {
    return io.jaegertracing.api_v2.QueryServiceGrpc.newBlockingStub(channel).withDeadlineAfter(30, TimeUnit.SECONDS);
  }

  private static io.jaegertracing.api_v3.QueryServiceGrpc.QueryServiceBlockingStub v3() {
    return io.jaegertracing.api_v3.QueryServiceGrpc.newBlockingStub(channel).withDeadlineAfter(30, TimeUnit.SECONDS);
  }

  // jaeger.api_v2.QueryService

  @Test
  void v2GetTraceStreamsTenSpansPerChunkEachWithItsProcess() {
    List<Query.SpansResponseChunk> chunks = list(v2().getTrace(Query.GetTraceRequest.newBuilder()
        .setTraceId(bytes(wideTraceId)).build()));
    assertEquals(List.of(10, 10, 5), chunks.stream().map(Query.SpansResponseChunk::getSpansCount).toList());
    Set<String> spanIds = new HashSet<>();
    for (Query.SpansResponseChunk chunk : chunks) {
      for (Model.Span span : chunk.getSpansList()) {
        assertEquals(bytes(wideTraceId), span.getTraceId());
        spanIds.add(Hex.fromBytes(span.getSpanId().toByteArray()));
        assertEquals("grpc-wide", span.getProcess().getServiceName());
        assertTrue(span.getProcess().getTagsList().stream()
            .anyMatch(t -> t.getKey().equals("deployment.environment") && t.getVStr().equals("e2e")));
        if (!Hex.fromBytes(span.getSpanId().toByteArray()).equals(wideRootSpanId)) {
          assertEquals(Model.SpanRefType.CHILD_OF, span.getReferences(0).getRefType());
          assertEquals(wideRootSpanId, Hex.fromBytes(span.getReferences(0).getSpanId().toByteArray()));
        }
      }
    }
    assertEquals(WIDE_CHILDREN + 1, spanIds.size());
  }

  @Test
  void v2GetTraceKeepsTimesTagsAndReferencesExactly() {
    Map<String, Model.Span> spans = new HashMap<>();
    v2().getTrace(Query.GetTraceRequest.newBuilder().setTraceId(bytes(shop.traceId())).build())
        .forEachRemaining(c -> c.getSpansList().forEach(s -> spans.put(s.getOperationName(), s)));
    assertEquals(3, spans.size());
    Model.Span call = spans.get("POST /checkout");
    assertEquals(shop.callSpanId(), Hex.fromBytes(call.getSpanId().toByteArray()));
    long start = T0 + SdkTraces.Shop.CALL_START;
    assertEquals(start / 1_000_000_000L, call.getStartTime().getSeconds());
    assertEquals(start % 1_000_000_000L, call.getStartTime().getNanos());
    assertEquals(SdkTraces.Shop.CALL_END - SdkTraces.Shop.CALL_START, call.getDuration().getNanos());
    Map<String, Model.KeyValue> tags = new HashMap<>();
    call.getTagsList().forEach(t -> tags.put(t.getKey(), t));
    assertEquals("card", tags.get("payment.method").getVStr());
    assertEquals("client", tags.get("span.kind").getVStr());
    assertTrue(tags.get("error").getVBool());
    assertEquals("card declined", tags.get("otel.status_description").getVStr());
    assertEquals(shop.rootSpanId(), Hex.fromBytes(call.getReferences(0).getSpanId().toByteArray()));
    assertEquals("grpc-checkout", call.getProcess().getServiceName());
    assertEquals("grpc-frontend", spans.get("GET /cart").getProcess().getServiceName());
  }

  @Test
  void v2FindTracesStreamsTheSpansOfEachMatchingTrace() {
    List<Model.Span> found = spans(v2().findTraces(Query.FindTracesRequest.newBuilder()
        .setQuery(Query.TraceQueryParameters.newBuilder()
            .setServiceName("grpc-checkout")
            .putTags("payment.method", "card")
            .setStartTimeMin(seconds(T0 / 1_000_000_000L - HOUR_SECONDS))
            .setStartTimeMax(seconds(T0 / 1_000_000_000L + HOUR_SECONDS)))
        .build()));
    assertEquals(3, found.size());
    assertTrue(found.stream().allMatch(s -> s.getTraceId().equals(bytes(shop.traceId()))));

    assertEquals(1, spans(v2().findTraces(search("grpc-health", 1))).size(), "search_depth 1: one trace");
    assertEquals(2, spans(v2().findTraces(search("grpc-health", 0))).size(), "search_depth 0: the default");
    assertEquals(0, spans(v2().findTraces(Query.FindTracesRequest.newBuilder()
        .setQuery(Query.TraceQueryParameters.newBuilder().setServiceName("grpc-checkout").putTags("payment.method", "cash"))
        .build())).size());
    List<Model.Span> wide = spans(v2().findTraces(search("grpc-wide", 0)));
    assertEquals(WIDE_CHILDREN + 1, wide.size());
  }

  @Test
  void v2ServicesOperationsAndDependencies() {
    List<String> services = v2().getServices(Query.GetServicesRequest.getDefaultInstance()).getServicesList();
    assertEquals(List.of("grpc-checkout", "grpc-frontend", "grpc-health", "grpc-wide"), services);

    Query.GetOperationsResponse ops = v2().getOperations(Query.GetOperationsRequest.newBuilder()
        .setService("grpc-frontend").build());
    assertEquals(List.of("GET /cart:server", "load-batch:internal"),
        ops.getOperationsList().stream().map(o -> o.getName() + ":" + o.getSpanKind()).toList());
    assertEquals(List.of("GET /cart", "load-batch"), ops.getOperationNamesList());
    assertEquals(List.of("GET /cart"), v2().getOperations(Query.GetOperationsRequest.newBuilder()
        .setService("grpc-frontend").setSpanKind("server").build()).getOperationNamesList());

    Query.GetDependenciesResponse deps = v2().getDependencies(Query.GetDependenciesRequest.newBuilder()
        .setStartTime(seconds(T0 / 1_000_000_000L - HOUR_SECONDS))
        .setEndTime(seconds(T0 / 1_000_000_000L + HOUR_SECONDS)).build());
    assertTrue(deps.getDependenciesList().stream().anyMatch(d -> d.getParent().equals("grpc-frontend")
        && d.getChild().equals("grpc-checkout") && d.getCallCount() == 1), deps.toString());
  }

  @Test
  void v2ArchiveTraceIsUnimplemented() {
    StatusRuntimeException e = assertThrows(StatusRuntimeException.class, () -> v2().archiveTrace(
        Query.ArchiveTraceRequest.newBuilder().setTraceId(bytes(shop.traceId())).build()));
    assertEquals(Status.Code.UNIMPLEMENTED, e.getStatus().getCode());
  }

  // jaeger.api_v3.QueryService

  @Test
  void v3GetTraceIsOneTracesDataWithTheOtlpSpans() {
    List<TracesData> messages = list(v3().getTrace(QueryServiceOuterClass.GetTraceRequest.newBuilder()
        .setTraceId(shop.traceId()).build()));
    assertEquals(1, messages.size());
    Map<String, io.opentelemetry.proto.trace.v1.Span> spans = new HashMap<>();
    Map<String, String> serviceOf = new HashMap<>();
    for (ResourceSpans rs : messages.getFirst().getResourceSpansList()) {
      String service = rs.getResource().getAttributesList().stream()
          .filter(a -> a.getKey().equals("service.name")).findFirst().orElseThrow().getValue().getStringValue();
      for (ScopeSpans ss : rs.getScopeSpansList()) {
        for (io.opentelemetry.proto.trace.v1.Span s : ss.getSpansList()) {
          spans.put(s.getName(), s);
          serviceOf.put(s.getName(), service + "/" + ss.getScope().getName());
        }
      }
    }
    assertEquals(3, spans.size());
    io.opentelemetry.proto.trace.v1.Span call = spans.get("POST /checkout");
    assertEquals(bytes(shop.traceId()), call.getTraceId());
    assertEquals(bytes(shop.callSpanId()), call.getSpanId());
    assertEquals(bytes(shop.rootSpanId()), call.getParentSpanId());
    assertEquals(io.opentelemetry.proto.trace.v1.Span.SpanKind.SPAN_KIND_CLIENT, call.getKind());
    assertEquals(StatusCode.STATUS_CODE_ERROR, call.getStatus().getCode());
    assertEquals(T0 + SdkTraces.Shop.CALL_START, call.getStartTimeUnixNano());
    assertEquals(T0 + SdkTraces.Shop.CALL_END, call.getEndTimeUnixNano());
    assertEquals("grpc-checkout/shop.checkout", serviceOf.get("POST /checkout"));
    assertEquals("grpc-frontend/shop.frontend", serviceOf.get("GET /cart"));
  }

  @Test
  void v3FindTracesSendsOneTracesDataPerTrace() {
    List<TracesData> messages = list(v3().findTraces(QueryServiceOuterClass.FindTracesRequest.newBuilder()
        .setQuery(v3Query("grpc-health").setSearchDepth(0)).build()));
    assertEquals(2, messages.size());
    Set<ByteString> traceIds = new HashSet<>();
    for (TracesData message : messages) {
      Set<ByteString> inMessage = new HashSet<>();
      message.getResourceSpansList().forEach(rs -> rs.getScopeSpansList().forEach(ss ->
          ss.getSpansList().forEach(s -> inMessage.add(s.getTraceId()))));
      assertEquals(1, inMessage.size(), "one trace per message");
      traceIds.addAll(inMessage);
    }
    assertEquals(2, traceIds.size());
    assertEquals(1, list(v3().findTraces(QueryServiceOuterClass.FindTracesRequest.newBuilder()
        .setQuery(v3Query("grpc-health").setSearchDepth(1)).build())).size());
    assertEquals(1, list(v3().findTraces(QueryServiceOuterClass.FindTracesRequest.newBuilder()
        .setQuery(v3Query("grpc-checkout").putAttributes("payment.method", "card")).build())).size());
    assertFalse(v3().findTraces(QueryServiceOuterClass.FindTracesRequest.newBuilder()
        .setQuery(v3Query("grpc-checkout").putAttributes("payment.method", "cash")).build()).hasNext());
  }

  @Test
  void v3FindTraceSummariesSummarisesEachTrace() {
    List<QueryServiceOuterClass.FindTraceSummariesResponse> chunks = list(v3().findTraceSummaries(
        QueryServiceOuterClass.FindTraceSummariesRequest.newBuilder().setQuery(v3Query("grpc-checkout")).build()));
    assertEquals(1, chunks.size());
    QueryServiceOuterClass.TraceSummary s = chunks.getFirst().getSummaries(0);
    assertEquals(shop.traceId(), s.getTraceId());
    assertEquals("grpc-frontend", s.getRootServiceName());
    assertEquals("GET /cart", s.getRootOperationName());
    assertEquals(T0, s.getMinStartTimeUnixNano());
    assertEquals(T0 + SdkTraces.Shop.ROOT_DURATION, s.getMaxEndTimeUnixNano());
    assertEquals(List.of(3, 1, 0), List.of(s.getSpanCount(), s.getErrorSpanCount(), s.getOrphanSpanCount()));
    assertEquals(List.of("grpc-checkout:1:1", "grpc-frontend:2:0"), s.getServicesList().stream()
        .map(v -> v.getName() + ":" + v.getSpanCount() + ":" + v.getErrorSpanCount()).toList());
  }

  @Test
  void v3ServicesOperationsAndDependencies() {
    assertEquals(List.of("grpc-checkout", "grpc-frontend", "grpc-health", "grpc-wide"),
        v3().getServices(QueryServiceOuterClass.GetServicesRequest.getDefaultInstance()).getServicesList());
    assertEquals(List.of("load-batch:internal"), v3().getOperations(QueryServiceOuterClass.GetOperationsRequest
            .newBuilder().setService("grpc-frontend").setSpanKind("internal").build())
        .getOperationsList().stream().map(o -> o.getName() + ":" + o.getSpanKind()).toList());
    QueryServiceOuterClass.DependenciesResponse deps = v3().getDependencies(
        QueryServiceOuterClass.GetDependenciesRequest.newBuilder()
            .setStartTime(seconds(T0 / 1_000_000_000L - HOUR_SECONDS))
            .setEndTime(seconds(T0 / 1_000_000_000L + HOUR_SECONDS)).build());
    assertTrue(deps.getDependenciesList().stream().anyMatch(d -> d.getParent().equals("grpc-frontend")
        && d.getChild().equals("grpc-checkout") && d.getCallCount() == 1), deps.toString());
  }

  private static QueryServiceOuterClass.TraceQueryParameters.Builder v3Query(String service) {
    return QueryServiceOuterClass.TraceQueryParameters.newBuilder()
        .setServiceName(service)
        .setStartTimeMin(seconds(T0 / 1_000_000_000L - HOUR_SECONDS))
        .setStartTimeMax(seconds(T0 / 1_000_000_000L + HOUR_SECONDS));
  }

  private static Query.FindTracesRequest search(String service, int depth) {
    return Query.FindTracesRequest.newBuilder()
        .setQuery(Query.TraceQueryParameters.newBuilder().setServiceName(service).setSearchDepth(depth)).build();
  }

  private static List<Model.Span> spans(Iterator<Query.SpansResponseChunk> chunks) {
    List<Model.Span> out = new ArrayList<>();
    chunks.forEachRemaining(c -> out.addAll(c.getSpansList()));
    return out;
  }

  static <T> List<T> list(Iterator<T> it) {
    List<T> out = new ArrayList<>();
    it.forEachRemaining(out::add);
    return out;
  }

  static ByteString bytes(String hex) {
    return ByteString.copyFrom(java.util.HexFormat.of().parseHex(hex));
  }

  static Timestamp seconds(long seconds) {
    return Timestamp.newBuilder().setSeconds(seconds).build();
  }
}
