package dev.ariadne.tracegen;

import java.util.concurrent.CompletableFuture;

/** Sends pre-encoded batches to a receiver; a future completes when the receiver acknowledged one. */
public interface Sender extends AutoCloseable {
  CompletableFuture<Void> send(byte[] encodedBatch);

  @Override
  void close();

  static Sender create(WireFormat format, String endpoint) {
    return format == WireFormat.OTLP_GRPC ? new GrpcSender(endpoint) : new HttpSender(format, endpoint);
  }
}
