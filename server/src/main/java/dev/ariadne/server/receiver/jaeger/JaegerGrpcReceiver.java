package dev.ariadne.server.receiver.jaeger;

import com.google.protobuf.InvalidProtocolBufferException;
import com.linecorp.armeria.server.grpc.GrpcService;
import dev.ariadne.codec.jaeger.JaegerProtoDecoder;
import dev.ariadne.codec.otlp.DecodedSpans;
import dev.ariadne.server.receiver.RawBytesMarshaller;
import dev.ariadne.server.receiver.ReceiverMetrics;
import dev.ariadne.server.receiver.SpanConsumer;
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

  private final SpanConsumer consumer;
  private final ReceiverMetrics metrics;

  public JaegerGrpcReceiver(SpanConsumer consumer, ReceiverMetrics metrics) {
    this.consumer = consumer;
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
      if (!decoded.spans().isEmpty()) consumer.consume(decoded.spans());
    } catch (RuntimeException e) {
      metrics.refused(decoded.spans().size() + decoded.rejected());
      response.onError(Status.UNAVAILABLE
          .withDescription("spans not stored, retry later: " + e.getMessage())
          .asRuntimeException());
      return;
    }
    metrics.accepted(decoded.spans().size());
    metrics.refused(decoded.rejected());
    response.onNext(PostSpansResponse.getDefaultInstance());
    response.onCompleted();
  }
}
