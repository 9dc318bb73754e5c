package dev.ariadne.server.api.jaeger.grpc;

import com.linecorp.armeria.common.grpc.GrpcSerializationFormats;
import com.linecorp.armeria.server.grpc.GrpcService;
import dev.ariadne.store.SpanReader;

/**
 * The Jaeger query gRPC listener's services (Jaeger's port 16685): jaeger.api_v2.QueryService and
 * jaeger.api_v3.QueryService, run off the event loop, requests bounded by the request limit. Plain gRPC
 * with protobuf only, as Jaeger serves it: the handlers parse requests themselves, so gRPC's JSON and
 * gRPC-Web variants, which need message marshallers, are refused as unsupported media types.
 */
public final class JaegerQueryGrpc {
  private JaegerQueryGrpc() {}

  public static GrpcService service(SpanReader reader, int maxRequestBytes) {
    return GrpcService.builder()
        .addService(new QueryServiceV2(reader).definition())
        .addService(new QueryServiceV3(reader).definition())
        .supportedSerializationFormats(GrpcSerializationFormats.PROTO)
        .maxRequestMessageLength(maxRequestBytes)
        .useBlockingTaskExecutor(true)
        .build();
  }
}
