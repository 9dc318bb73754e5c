package dev.ariadne.server.api.jaeger.grpc;

import static dev.ariadne.server.api.jaeger.grpc.GrpcCalls.invalidArgument;
import static dev.ariadne.server.api.jaeger.grpc.GrpcCalls.raw;

import dev.ariadne.codec.jaeger.JaegerProtoEncoder;
import dev.ariadne.model.Resource;
import dev.ariadne.model.Span;
import dev.ariadne.model.TraceId;
import dev.ariadne.query.JaegerSearchParams;
import dev.ariadne.store.DependencyLink;
import dev.ariadne.store.Operation;
import dev.ariadne.store.SpanReader;
import dev.ariadne.store.Trace;
import dev.ariadne.store.TraceQuery;
import io.grpc.ServerServiceDefinition;
import io.grpc.Status;
import io.jaegertracing.api_v2.Model;
import io.jaegertracing.api_v2.Query;
import io.jaegertracing.api_v2.QueryServiceGrpc;
import java.nio.ByteBuffer;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Jaeger's gRPC query service jaeger.api_v2.QueryService, as Jaeger's query service answers it
 * (cmd/jaeger/.../jaegerquery/internal/grpc_handler.go): spans in api_v2 protobuf, each carrying its
 * process, streamed ten per SpansResponseChunk; a trace not found is NOT_FOUND; a zero or malformed trace
 * id is INVALID_ARGUMENT. ArchiveTrace is UNIMPLEMENTED: there is no archive store.
 */
public final class QueryServiceV2 {
  /** Jaeger's maxSpanCountInChunk. */
  static final int SPANS_PER_CHUNK = 10;

  private final SpanReader reader;

  public QueryServiceV2(SpanReader reader) {
    this.reader = reader;
  }

  public ServerServiceDefinition definition() {
    return ServerServiceDefinition.builder(QueryServiceGrpc.SERVICE_NAME)
        .addMethod(raw(QueryServiceGrpc.getGetTraceMethod()),
            GrpcCalls.streaming(Query.GetTraceRequest.getDefaultInstance(), this::getTrace))
        .addMethod(raw(QueryServiceGrpc.getArchiveTraceMethod()),
            GrpcCalls.unary(Query.ArchiveTraceRequest.getDefaultInstance(), this::archiveTrace))
        .addMethod(raw(QueryServiceGrpc.getFindTracesMethod()),
            GrpcCalls.streaming(Query.FindTracesRequest.getDefaultInstance(), this::findTraces))
        .addMethod(raw(QueryServiceGrpc.getGetServicesMethod()),
            GrpcCalls.unary(Query.GetServicesRequest.getDefaultInstance(), this::getServices))
        .addMethod(raw(QueryServiceGrpc.getGetOperationsMethod()),
            GrpcCalls.unary(Query.GetOperationsRequest.getDefaultInstance(), this::getOperations))
        .addMethod(raw(QueryServiceGrpc.getGetDependenciesMethod()),
            GrpcCalls.unary(Query.GetDependenciesRequest.getDefaultInstance(), this::getDependencies))
        .build();
  }

  private void getTrace(Query.GetTraceRequest request, Consumer<Query.SpansResponseChunk> send) {
    TraceId id = traceId(request.getTraceId().toByteArray());
    ProtoArgs.nanos("start_time", request.hasStartTime(), request.getStartTime());
    ProtoArgs.nanos("end_time", request.hasEndTime(), request.getEndTime());
    Trace trace = reader.trace(id);
    if (trace.isEmpty()) throw Status.NOT_FOUND.withDescription("trace not found").asRuntimeException();
    sendChunks(trace.spans(), send);
  }

  private Query.ArchiveTraceResponse archiveTrace(Query.ArchiveTraceRequest request) {
    throw Status.UNIMPLEMENTED.withDescription("ArchiveTrace: Ariadne has no archive storage").asRuntimeException();
  }

  private void findTraces(Query.FindTracesRequest request, Consumer<Query.SpansResponseChunk> send) {
    if (!request.hasQuery()) throw invalidArgument("missing query");
    Query.TraceQueryParameters q = request.getQuery();
    long durationMin = ProtoArgs.nanos("query.duration_min", q.hasDurationMin(), q.getDurationMin());
    long durationMax = ProtoArgs.nanos("query.duration_max", q.hasDurationMax(), q.getDurationMax());
    ProtoArgs.durationOrder("query.duration_min", durationMin, "query.duration_max", durationMax);
    int depth = ProtoArgs.searchDepth("query.search_depth", q.getSearchDepth());
    TraceQuery query = TraceQuery.builder()
        .serviceName(q.getServiceName().isEmpty() ? null : q.getServiceName())
        .operationName(q.getOperationName().isEmpty() ? null : q.getOperationName())
        .tags(ProtoArgs.entries(q.getTagsMap()))
        .startWithin(ProtoArgs.nanos("query.start_time_min", q.hasStartTimeMin(), q.getStartTimeMin()),
            ProtoArgs.nanos("query.start_time_max", q.hasStartTimeMax(), q.getStartTimeMax()))
        .durationNanos(durationMin, durationMax)
        .limit(depth == 0 ? JaegerSearchParams.DEFAULT_LIMIT : depth)
        .build();
    for (Trace trace : reader.findTraces(query)) sendChunks(trace.spans(), send);
  }

  private Query.GetServicesResponse getServices(Query.GetServicesRequest request) {
    return Query.GetServicesResponse.newBuilder().addAllServices(reader.services()).build();
  }

  private Query.GetOperationsResponse getOperations(Query.GetOperationsRequest request) {
    List<Operation> ops = reader.operations(request.getService(), ProtoArgs.spanKind("span_kind", request.getSpanKind()));
    Query.GetOperationsResponse.Builder response = Query.GetOperationsResponse.newBuilder();
    for (Operation op : ops) {
      response.addOperations(Query.Operation.newBuilder().setName(op.name()).setSpanKind(op.kind().jaegerName()));
    }
    // The deprecated operationNames, which older clients read: each name once.
    ops.stream().map(Operation::name).distinct().forEach(response::addOperationNames);
    return response.build();
  }

  private Query.GetDependenciesResponse getDependencies(Query.GetDependenciesRequest request) {
    if (!request.hasStartTime() || !request.hasEndTime()) {
      throw invalidArgument("StartTime and EndTime must be initialized.");
    }
    long start = ProtoArgs.nanos("start_time", true, request.getStartTime());
    long end = ProtoArgs.nanos("end_time", true, request.getEndTime());
    if (end < start) throw invalidArgument("end_time: must not be before start_time");
    long endMillis = Math.floorDiv(end, 1_000_000L);
    Query.GetDependenciesResponse.Builder response = Query.GetDependenciesResponse.newBuilder();
    for (DependencyLink link : reader.dependencies(endMillis, endMillis - Math.floorDiv(start, 1_000_000L))) {
      response.addDependencies(Model.DependencyLink.newBuilder()
          .setParent(link.parent()).setChild(link.child()).setCallCount(link.callCount()));
    }
    return response.build();
  }

  /** Jaeger's trace id: 16 bytes, big-endian, not all zero. */
  private static TraceId traceId(byte[] bytes) {
    if (bytes.length != 16) throw invalidArgument("trace_id: must be 16 bytes, got " + bytes.length);
    ByteBuffer buffer = ByteBuffer.wrap(bytes);
    TraceId id = new TraceId(buffer.getLong(), buffer.getLong());
    if (!id.isValid()) throw invalidArgument("trace_id: uninitialized TraceID is not allowed");
    return id;
  }

  /** Spans in chunks of ten, each with its process, which spans sharing a resource share. */
  private static void sendChunks(List<Span> spans, Consumer<Query.SpansResponseChunk> send) {
    Map<Resource, Model.Process> processes = new IdentityHashMap<>();
    for (int i = 0; i < spans.size(); i += SPANS_PER_CHUNK) {
      Query.SpansResponseChunk.Builder chunk = Query.SpansResponseChunk.newBuilder();
      for (Span span : spans.subList(i, Math.min(spans.size(), i + SPANS_PER_CHUNK))) {
        Model.Process process = processes.computeIfAbsent(span.resource(), JaegerProtoEncoder::process);
        chunk.addSpans(JaegerProtoEncoder.span(span).toBuilder().setProcess(process));
      }
      send.accept(chunk.build());
    }
  }
}
