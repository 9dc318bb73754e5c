package dev.ariadne.server.receiver.jaeger;

import com.google.protobuf.InvalidProtocolBufferException;
import com.linecorp.armeria.server.grpc.GrpcService;
import dev.ariadne.codec.jaeger.JaegerProtoDecoder;
import dev.ariadne.codec.otlp.DecodedSpans;
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
import io.jaegertracing.api_v2.Collector.PostSpansResponse;

/**
 * Jaeger's collector gRPC API: jaeger.api_v2.CollectorService/PostSpans, what Jaeger agents and the OTel
 * Collector's Jaeger exporter send to port 14250.
 *
 * <p>The request is taken as raw bytes and decoded here, so a malformed message is answered
 * INVALID_ARGUMENT naming the problem; over the size limit the gRPC stack answers RESOURCE_EXHAUSTED.
 * PostSpansResponse has no field for partial success: spans with invalid ids are counted as refused
 * and the rest stored.
 */
public final class JaegerGrpcReceiver {
  static final String SERVICE = "jaeger.api_v2.CollectorService";

  private final SpanIntake intake;
  private final ReceiverMetrics metrics;

  public JaegerGrpcReceiver(SpanConsumer consumer, ReceiverMetrics metrics) {
    this.intake = new SpanIntake(consumer, metrics);
    this.metrics = metrics;
  }

  public GrpcService service(int maxMessageBytes) {
    MethodDescriptor<byte[], PostSpansResponse> postSpans =
        MethodDescriptor.<byte[], PostSpansResponse>newBuilder()
            .setType(MethodDescriptor.MethodType.UNARY)
            .setFullMethodName(MethodDescriptor.generateFullMethodName(SERVICE, "PostSpans"))
            .setRequestMarshaller(RawBytesMarshaller.INSTANCE)
            .setResponseMarshaller(ProtoUtils.marshaller(PostSpansResponse.getDefaultInstance()))
            .build();
    ServerServiceDefinition definition = ServerServiceDefinition.builder(SERVICE)
        .addMethod(postSpans, ServerCalls.asyncUnaryCall(this::postSpans))
        .build();
    return GrpcService.builder()
        .addService(definition)
        .maxRequestMessageLength(maxMessageBytes)
        .useBlockingTaskExecutor(true)
        .build();
  }

  private void postSpans(byte[] body, StreamObserver<PostSpansResponse> response) {
    DecodedSpans decoded;
    try {
      decoded = JaegerProtoDecoder.decode(body);
    } catch (InvalidProtocolBufferException e) {
      metrics.refusedRequest("malformed");
      response.onError(Status.INVALID_ARGUMENT
          .withDescription("malformed PostSpansRequest: " + e.getMessage())
          .asRuntimeException());
      return;
    }
    try {
      intake.deliver(decoded);
    } catch (SpanIntake.NotStoredException e) {
      response.onError(Status.UNAVAILABLE.withDescription(e.getMessage()).asRuntimeException());
      return;
    }
    response.onNext(PostSpansResponse.getDefaultInstance());
    response.onCompleted();
  }
}
