package dev.ariadne.server.api.jaeger.grpc;

import static dev.ariadne.server.api.jaeger.grpc.GrpcCalls.invalidArgument;
import static dev.ariadne.server.api.jaeger.grpc.GrpcCalls.raw;

import dev.ariadne.codec.otlp.OtlpProtoEncoder;
import dev.ariadne.model.TraceId;
import dev.ariadne.query.BadParameterException;
import dev.ariadne.query.JaegerSearchParams;
import dev.ariadne.query.JaegerV3Params;
import dev.ariadne.query.TraceSummary;
import dev.ariadne.store.DependencyLink;
import dev.ariadne.store.Operation;
import dev.ariadne.store.SpanReader;
import dev.ariadne.store.Trace;
import dev.ariadne.store.TraceQuery;
import io.grpc.ServerServiceDefinition;
import io.grpc.Status;
import io.jaegertracing.api_v3.QueryServiceGrpc;
import io.jaegertracing.api_v3.QueryServiceOuterClass.DependenciesResponse;
import io.jaegertracing.api_v3.QueryServiceOuterClass.Dependency;
import io.jaegertracing.api_v3.QueryServiceOuterClass.FindTraceSummariesRequest;
import io.jaegertracing.api_v3.QueryServiceOuterClass.FindTraceSummariesResponse;
import io.jaegertracing.api_v3.QueryServiceOuterClass.FindTracesRequest;
import io.jaegertracing.api_v3.QueryServiceOuterClass.GetDependenciesRequest;
import io.jaegertracing.api_v3.QueryServiceOuterClass.GetOperationsRequest;
import io.jaegertracing.api_v3.QueryServiceOuterClass.GetOperationsResponse;
import io.jaegertracing.api_v3.QueryServiceOuterClass.GetServicesRequest;
import io.jaegertracing.api_v3.QueryServiceOuterClass.GetServicesResponse;
import io.jaegertracing.api_v3.QueryServiceOuterClass.GetTraceRequest;
import io.jaegertracing.api_v3.QueryServiceOuterClass.ServiceSummary;
import io.jaegertracing.api_v3.QueryServiceOuterClass.TraceQueryParameters;
import io.opentelemetry.proto.trace.v1.TracesData;
import java.util.List;
import java.util.function.Consumer;

/**
 * Jaeger's stable gRPC query service jaeger.api_v3.QueryService, as Jaeger answers it
 * (cmd/jaeger/.../apiv3/grpc_handler.go): traces as OTLP TracesData, one message per trace; trace
 * summaries computed by {@link TraceSummary}. A search needs start_time_min and start_time_max; a trace
 * not found is NOT_FOUND; a bad id or field is INVALID_ARGUMENT naming the field.
 */
public final class QueryServiceV3 {
  /** TraceQueryParameters.filter, which the proto here leaves out; see query_service.proto. */
  private static final int FILTER_FIELD = 10;
  static final int SUMMARIES_PER_CHUNK = 100;

  private final SpanReader reader;

  public QueryServiceV3(SpanReader reader) {
    this.reader = reader;
  }

  public ServerServiceDefinition definition() {
    return ServerServiceDefinition.builder(QueryServiceGrpc.SERVICE_NAME)
        .addMethod(raw(QueryServiceGrpc.getGetTraceMethod()),
            GrpcCalls.streaming(GetTraceRequest.getDefaultInstance(), this::getTrace))
        .addMethod(raw(QueryServiceGrpc.getFindTracesMethod()),
            GrpcCalls.streaming(FindTracesRequest.getDefaultInstance(), this::findTraces))
        .addMethod(raw(QueryServiceGrpc.getGetServicesMethod()),
            GrpcCalls.unary(GetServicesRequest.getDefaultInstance(), this::getServices))
        .addMethod(raw(QueryServiceGrpc.getGetOperationsMethod()),
            GrpcCalls.unary(GetOperationsRequest.getDefaultInstance(), this::getOperations))
        .addMethod(raw(QueryServiceGrpc.getGetDependenciesMethod()),
            GrpcCalls.unary(GetDependenciesRequest.getDefaultInstance(), this::getDependencies))
        .addMethod(raw(QueryServiceGrpc.getFindTraceSummariesMethod()),
            GrpcCalls.streaming(FindTraceSummariesRequest.getDefaultInstance(), this::findTraceSummaries))
        .build();
  }

  private void getTrace(GetTraceRequest request, Consumer<TracesData> send) {
    TraceId id;
    try {
      id = JaegerSearchParams.traceId("trace_id", request.getTraceId());
    } catch (BadParameterException e) {
      throw invalidArgument(e.getMessage());
    }
    ProtoArgs.nanos("start_time", request.hasStartTime(), request.getStartTime());
    ProtoArgs.nanos("end_time", request.hasEndTime(), request.getEndTime());
    Trace trace = reader.trace(id);
    if (trace.isEmpty()) throw Status.NOT_FOUND.withDescription("trace not found").asRuntimeException();
    send.accept(tracesData(trace));
  }

  private void findTraces(FindTracesRequest request, Consumer<TracesData> send) {
    if (!request.hasQuery()) throw invalidArgument("missing query");
    for (Trace trace : reader.findTraces(query(request.getQuery()))) send.accept(tracesData(trace));
  }

  private void findTraceSummaries(FindTraceSummariesRequest request, Consumer<FindTraceSummariesResponse> send) {
    if (!request.hasQuery()) throw invalidArgument("missing query");
    List<Trace> traces = reader.findTraces(query(request.getQuery()));
    for (int i = 0; i < traces.size(); i += SUMMARIES_PER_CHUNK) {
      FindTraceSummariesResponse.Builder chunk = FindTraceSummariesResponse.newBuilder();
      for (Trace trace : traces.subList(i, Math.min(traces.size(), i + SUMMARIES_PER_CHUNK))) {
        chunk.addSummaries(summary(TraceSummary.of(trace)));
      }
      send.accept(chunk.build());
    }
  }

  private GetServicesResponse getServices(GetServicesRequest request) {
    return GetServicesResponse.newBuilder().addAllServices(reader.services()).build();
  }

  private GetOperationsResponse getOperations(GetOperationsRequest request) {
    GetOperationsResponse.Builder response = GetOperationsResponse.newBuilder();
    for (Operation op : reader.operations(request.getService(), ProtoArgs.spanKind("span_kind", request.getSpanKind()))) {
      response.addOperations(io.jaegertracing.api_v3.QueryServiceOuterClass.Operation.newBuilder()
          .setName(op.name()).setSpanKind(op.kind().jaegerName()));
    }
    return response.build();
  }

  private DependenciesResponse getDependencies(GetDependenciesRequest request) {
    if (!request.hasStartTime() || !request.hasEndTime()) {
      throw invalidArgument("start_time and end_time must be non-zero");
    }
    long start = ProtoArgs.nanos("start_time", true, request.getStartTime());
    long end = ProtoArgs.nanos("end_time", true, request.getEndTime());
    if (start > end) throw invalidArgument("start_time must be less than or equal to end_time");
    long endMillis = Math.floorDiv(end, 1_000_000L);
    DependenciesResponse.Builder response = DependenciesResponse.newBuilder();
    for (DependencyLink link : reader.dependencies(endMillis, endMillis - Math.floorDiv(start, 1_000_000L))) {
      response.addDependencies(Dependency.newBuilder()
          .setParent(link.parent()).setChild(link.child()).setCallCount(link.callCount()));
    }
    return response.build();
  }

  private static TraceQuery query(TraceQueryParameters q) {
    if (q.getUnknownFields().hasField(FILTER_FIELD)) {
      // Jaeger refuses the structured filter unless an alpha feature gate is on; dropping it would
      // answer with more traces than were asked for.
      throw invalidArgument("query.filter: the structured query filter is not supported");
    }
    if (!q.hasStartTimeMin() || !q.hasStartTimeMax()) {
      throw invalidArgument("query.start_time_min and query.start_time_max are required");
    }
    long startMin = ProtoArgs.nanos("query.start_time_min", true, q.getStartTimeMin());
    long startMax = ProtoArgs.nanos("query.start_time_max", true, q.getStartTimeMax());
    if (startMin >= startMax) throw invalidArgument("query.start_time_max: must be after query.start_time_min");
    long durationMin = ProtoArgs.nanos("query.duration_min", q.hasDurationMin(), q.getDurationMin());
    long durationMax = ProtoArgs.nanos("query.duration_max", q.hasDurationMax(), q.getDurationMax());
    ProtoArgs.durationOrder("query.duration_min", durationMin, "query.duration_max", durationMax);
    return JaegerV3Params.traceQuery(q.getServiceName(), q.getOperationName(),
        ProtoArgs.entries(q.getAttributesMap()), startMin, startMax, durationMin, durationMax,
        ProtoArgs.searchDepth("query.search_depth", q.getSearchDepth()));
  }

  private static TracesData tracesData(Trace trace) {
    return TracesData.newBuilder()
        .addAllResourceSpans(OtlpProtoEncoder.encode(trace.spans()).getResourceSpansList())
        .build();
  }

  private static io.jaegertracing.api_v3.QueryServiceOuterClass.TraceSummary summary(TraceSummary s) {
    var summary = io.jaegertracing.api_v3.QueryServiceOuterClass.TraceSummary.newBuilder()
        .setTraceId(s.traceId().toHex())
        .setRootServiceName(s.rootServiceName())
        .setRootOperationName(s.rootOperationName())
        .setMinStartTimeUnixNano(s.minStartEpochNanos())
        .setMaxEndTimeUnixNano(s.maxEndEpochNanos())
        .setSpanCount(s.spanCount())
        .setErrorSpanCount(s.errorSpanCount())
        .setOrphanSpanCount(s.orphanSpanCount());
    for (TraceSummary.ServiceSummary service : s.services()) {
      summary.addServices(ServiceSummary.newBuilder()
          .setName(service.name()).setSpanCount(service.spanCount()).setErrorSpanCount(service.errorSpanCount()));
    }
    return summary.build();
  }
}
