package dev.ariadne.server.api.jaeger.grpc;

import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.Message;
import dev.ariadne.server.receiver.RawBytesMarshaller;
import io.grpc.MethodDescriptor;
import io.grpc.ServerCallHandler;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.stub.ServerCalls;
import io.grpc.stub.StreamObserver;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Adapts the query services' handlers to grpc-java. Requests arrive as raw bytes and are parsed here, so a
 * malformed one (truncated, lengths past its end, nesting past protobuf's limit) is answered
 * INVALID_ARGUMENT naming the message, where grpc-java's own marshaller would answer INTERNAL. A handler
 * reports a bad argument by throwing {@link StatusRuntimeException}.
 */
final class GrpcCalls {
  private GrpcCalls() {}

  /** A handler that streams its answer through {@code send}. */
  @FunctionalInterface
  interface Streaming<Q, R> {
    void handle(Q request, Consumer<R> send);
  }

  /** The generated method with its request taken as bytes. */
  static <Q, R> MethodDescriptor<byte[], R> raw(MethodDescriptor<Q, R> method) {
    return method.toBuilder(RawBytesMarshaller.INSTANCE, method.getResponseMarshaller()).build();
  }

  static <Q extends Message, R> ServerCallHandler<byte[], R> unary(Q prototype, Function<Q, R> handler) {
    return ServerCalls.asyncUnaryCall((bytes, response) -> run(response, () -> {
      response.onNext(handler.apply(parse(prototype, bytes)));
      response.onCompleted();
    }));
  }

  static <Q extends Message, R> ServerCallHandler<byte[], R> streaming(Q prototype, Streaming<Q, R> handler) {
    return ServerCalls.asyncServerStreamingCall((bytes, response) -> run(response, () -> {
      handler.handle(parse(prototype, bytes), response::onNext);
      response.onCompleted();
    }));
  }

  static StatusRuntimeException invalidArgument(String message) {
    return Status.INVALID_ARGUMENT.withDescription(message).asRuntimeException();
  }

  private static void run(StreamObserver<?> response, Runnable call) {
    try {
      call.run();
    } catch (StatusRuntimeException e) {
      response.onError(e);
    } catch (RuntimeException e) {
      response.onError(Status.INTERNAL.withDescription(e.toString()).withCause(e).asRuntimeException());
    }
  }

  @SuppressWarnings("unchecked")
  private static <Q extends Message> Q parse(Q prototype, byte[] bytes) {
    try {
      return (Q) prototype.getParserForType().parseFrom(bytes);
    } catch (InvalidProtocolBufferException e) {
      throw invalidArgument("malformed " + prototype.getDescriptorForType().getName() + ": " + e.getMessage());
    }
  }
}
