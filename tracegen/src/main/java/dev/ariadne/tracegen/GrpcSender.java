package dev.ariadne.tracegen;

import com.google.common.util.concurrent.FutureCallback;
import com.google.common.util.concurrent.Futures;
import com.google.common.util.concurrent.MoreExecutors;
import io.grpc.CallOptions;
import io.grpc.ManagedChannel;
import io.grpc.MethodDescriptor;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import io.grpc.stub.ClientCalls;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Calls OTLP's TraceService/Export with grpc-java, handing it batches already encoded so the client
 * spends no CPU encoding during a run.
 */
final class GrpcSender implements Sender {
  private static final MethodDescriptor<byte[], byte[]> EXPORT = MethodDescriptor.<byte[], byte[]>newBuilder()
      .setType(MethodDescriptor.MethodType.UNARY)
      .setFullMethodName("opentelemetry.proto.collector.trace.v1.TraceService/Export")
      .setRequestMarshaller(RawBytes.INSTANCE)
      .setResponseMarshaller(RawBytes.INSTANCE)
      .build();

  private final ManagedChannel channel;

  GrpcSender(String endpoint) {
    URI uri = URI.create(endpoint);
    this.channel = NettyChannelBuilder.forAddress(uri.getHost(), uri.getPort())
        .usePlaintext()
        .maxInboundMessageSize(16 * 1024 * 1024)
        .build();
  }

  @Override
  public CompletableFuture<Void> send(byte[] encodedBatch) {
    CompletableFuture<Void> done = new CompletableFuture<>();
    Futures.addCallback(
        ClientCalls.futureUnaryCall(channel.newCall(EXPORT, CallOptions.DEFAULT.withDeadlineAfter(60, TimeUnit.SECONDS)), encodedBatch),
        new FutureCallback<>() {
          @Override
          public void onSuccess(byte[] response) {
            done.complete(null);
          }

          @Override
          public void onFailure(Throwable t) {
            done.completeExceptionally(t);
          }
        },
        MoreExecutors.directExecutor());
    return done;
  }

  @Override
  public void close() {
    channel.shutdown();
    try {
      channel.awaitTermination(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private enum RawBytes implements MethodDescriptor.Marshaller<byte[]> {
    INSTANCE;

    @Override
    public InputStream stream(byte[] value) {
      return new ByteArrayInputStream(value);
    }

    @Override
    public byte[] parse(InputStream stream) {
      try {
        return stream.readAllBytes();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }
}
