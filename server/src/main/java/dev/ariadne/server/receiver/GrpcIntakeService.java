package dev.ariadne.server.receiver;

import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.Message;
import com.linecorp.armeria.server.grpc.GrpcService;
import dev.ariadne.codec.otlp.DecodedSpans;
import io.grpc.MethodDescriptor;
import io.grpc.ServerServiceDefinition;
import io.grpc.Status;
import io.grpc.protobuf.ProtoUtils;
import io.grpc.stub.ServerCalls;
import io.grpc.stub.StreamObserver;
import java.util.function.Function;

/**
 * The gRPC side every collector receiver shares: one unary method that takes the request as raw bytes
 * and decodes it itself, so a malformed message is answered INVALID_ARGUMENT naming the problem
 * (grpc-java's own protobuf marshaller would answer INTERNAL); the spans go on through {@link SpanIntake}
 * (UNAVAILABLE when the next stage did not take them); messages over the size limit are answered
 * RESOURCE_EXHAUSTED by the gRPC stack.
 *
 * @param <R> the method's response message
 */
public final class GrpcIntakeService<R extends Message> {
  /** Turns the request bytes into spans. */
  @FunctionalInterface
  public interface Decoder {
    DecodedSpans decode(byte[] body) throws InvalidProtocolBufferException;
  }

  private final String requestName;
  private final Decoder decoder;
  private final Function<DecodedSpans, R> reply;
  private final SpanIntake intake;
  private final ReceiverMetrics metrics;

  /**
   * @param requestName the request message's name, for error messages
   * @param reply the answer for a request whose spans were stored
   */
  public GrpcIntakeService(String requestName, Decoder decoder, Function<DecodedSpans, R> reply,
      SpanConsumer consumer, ReceiverMetrics metrics) {
    this.requestName = requestName;
    this.decoder = decoder;
    this.reply = reply;
    this.intake = new SpanIntake(consumer, metrics);
    this.metrics = metrics;
  }

  /** The service {@code service} with its one method {@code method} answering {@code responsePrototype}'s type. */
  public GrpcService build(String service, String method, R responsePrototype, int maxMessageBytes) {
    MethodDescriptor<byte[], R> descriptor = MethodDescriptor.<byte[], R>newBuilder()
        .setType(MethodDescriptor.MethodType.UNARY)
        .setFullMethodName(MethodDescriptor.generateFullMethodName(service, method))
        .setRequestMarshaller(RawBytesMarshaller.INSTANCE)
        .setResponseMarshaller(ProtoUtils.marshaller(responsePrototype))
        .build();
    ServerServiceDefinition definition = ServerServiceDefinition.builder(service)
        .addMethod(descriptor, ServerCalls.asyncUnaryCall(this::handle))
        .build();
    return GrpcService.builder()
        .addService(definition)
        .maxRequestMessageLength(maxMessageBytes)
        .useBlockingTaskExecutor(true)
        .build();
  }

  private void handle(byte[] body, StreamObserver<R> response) {
    DecodedSpans decoded;
    try {
      decoded = decoder.decode(body);
    } catch (InvalidProtocolBufferException e) {
      metrics.refusedRequest("malformed");
      response.onError(Status.INVALID_ARGUMENT
          .withDescription("malformed " + requestName + ": " + e.getMessage())
          .asRuntimeException());
      return;
    }
    try {
      intake.deliver(decoded);
    } catch (SpanIntake.NotStoredException e) {
      response.onError(Status.UNAVAILABLE.withDescription(e.getMessage()).asRuntimeException());
      return;
    }
    response.onNext(reply.apply(decoded));
    response.onCompleted();
  }
}
