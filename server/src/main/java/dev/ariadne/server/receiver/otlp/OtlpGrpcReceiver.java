package dev.ariadne.server.receiver.otlp;

import com.google.protobuf.InvalidProtocolBufferException;
import com.linecorp.armeria.server.grpc.GrpcService;
import dev.ariadne.codec.otlp.DecodedSpans;
import dev.ariadne.codec.otlp.OtlpProtoDecoder;
import dev.ariadne.server.receiver.RawBytesMarshaller;
import dev.ariadne.server.receiver.ReceiverMetrics;
import dev.ariadne.server.receiver.SpanConsumer;
import dev.ariadne.server.receiver.SpanIntake;
import io.grpc.MethodDescriptor;
import io.grpc.ServerServiceDefinition;
import io.grpc.Status;
import io.grpc.protobuf.ProtoUtils;
import io.grpc.stub.ServerCalls;
import io.grpc.stub.StreamObserver;
import io.opentelemetry.proto.collector.trace.v1.ExportTracePartialSuccess;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceResponse;

/**
 * OTLP over gRPC: opentelemetry.proto.collector.trace.v1.TraceService/Export.
 *
 * <p>The method takes the request as raw bytes and decodes it here, so a malformed message is answered
 * with INVALID_ARGUMENT and a message naming the problem (grpc-java's own protobuf marshaller would
 * answer INTERNAL). Messages over the size limit are answered RESOURCE_EXHAUSTED by the gRPC stack.
 */
public final class OtlpGrpcReceiver {
  static final String SERVICE = "opentelemetry.proto.collector.trace.v1.TraceService";

  private final SpanIntake intake;
  private final ReceiverMetrics metrics;

  public OtlpGrpcReceiver(SpanConsumer consumer, ReceiverMetrics metrics) {
    this.intake = new SpanIntake(consumer, metrics);
    this.metrics = metrics;
  }

  public GrpcService service(int maxMessageBytes) {
    MethodDescriptor<byte[], ExportTraceServiceResponse> export =
        MethodDescriptor.<byte[], ExportTraceServiceResponse>newBuilder()
            .setType(MethodDescriptor.MethodType.UNARY)
            .setFullMethodName(MethodDescriptor.generateFullMethodName(SERVICE, "Export"))
            .setRequestMarshaller(RawBytesMarshaller.INSTANCE)
            .setResponseMarshaller(ProtoUtils.marshaller(ExportTraceServiceResponse.getDefaultInstance()))
            .build();
    ServerServiceDefinition definition = ServerServiceDefinition.builder(SERVICE)
        .addMethod(export, ServerCalls.asyncUnaryCall(this::export))
        .build();
    return GrpcService.builder()
        .addService(definition)
        .maxRequestMessageLength(maxMessageBytes)
        .useBlockingTaskExecutor(true)
        .build();
  }

  private void export(byte[] body, StreamObserver<ExportTraceServiceResponse> response) {
    DecodedSpans decoded;
    try {
      decoded = OtlpProtoDecoder.decode(body);
    } catch (InvalidProtocolBufferException e) {
      metrics.refusedRequest("malformed");
      response.onError(Status.INVALID_ARGUMENT
          .withDescription("malformed ExportTraceServiceRequest: " + e.getMessage())
          .asRuntimeException());
      return;
    }
    try {
      intake.deliver(decoded);
    } catch (SpanIntake.NotStoredException e) {
      response.onError(Status.UNAVAILABLE.withDescription(e.getMessage()).asRuntimeException());
      return;
    }
    ExportTraceServiceResponse.Builder reply = ExportTraceServiceResponse.newBuilder();
    if (decoded.rejected() > 0) {
      reply.setPartialSuccess(ExportTracePartialSuccess.newBuilder()
          .setRejectedSpans(decoded.rejected())
          .setErrorMessage(decoded.errorMessage()));
    }
    response.onNext(reply.build());
    response.onCompleted();
  }
}
