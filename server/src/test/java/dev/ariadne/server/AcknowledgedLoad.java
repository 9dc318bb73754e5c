package dev.ariadne.server;

import dev.ariadne.model.Span;
import dev.ariadne.model.TraceId;
import dev.ariadne.tracegen.Corpus;
import dev.ariadne.tracegen.Sender;
import dev.ariadne.tracegen.WireFormat;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Sends corpus batches over OTLP gRPC with tracegen's sender, a few in flight, and remembers exactly which
 * traces the server acknowledged: what a durability test may then demand back.
 */
final class AcknowledgedLoad {
  private final Sender sender;
  private final Semaphore inFlight;
  private final Map<TraceId, Integer> acknowledged = new ConcurrentHashMap<>();
  private final AtomicInteger acknowledgedBatches = new AtomicInteger();
  private final AtomicInteger failedBatches = new AtomicInteger();
  private volatile Throwable firstFailure;

  AcknowledgedLoad(int otlpGrpcPort, int maxInFlight) {
    this.sender = Sender.create(WireFormat.OTLP_GRPC, "http://127.0.0.1:" + otlpGrpcPort);
    this.inFlight = new Semaphore(maxInFlight);
  }

  /** Sends every batch, pausing {@code pauseMillis} after each {@code pauseEvery}; returns when all are answered. */
  void send(List<Corpus.Batch> batches, int pauseEvery, long pauseMillis) throws InterruptedException {
    int sent = 0;
    for (Corpus.Batch batch : batches) {
      Map<TraceId, Integer> traces = new HashMap<>();
      for (Span span : batch.spans()) traces.merge(span.traceId(), 1, Integer::sum);
      List<CompletableFuture<Void>> requests = WireFormat.OTLP_GRPC.encode(batch.spans()).stream()
          .map(request -> {
            inFlight.acquireUninterruptibly();
            return sender.send(request.body()).whenComplete((ok, error) -> inFlight.release());
          })
          .toList();
      CompletableFuture.allOf(requests.toArray(CompletableFuture[]::new)).whenComplete((ok, error) -> {
        if (error == null) {
          acknowledged.putAll(traces);
          acknowledgedBatches.incrementAndGet();
        } else {
          if (firstFailure == null) firstFailure = error;
          failedBatches.incrementAndGet();
        }
      });
      if (++sent % pauseEvery == 0) Thread.sleep(pauseMillis);
    }
    while (acknowledgedBatches.get() + failedBatches.get() < batches.size()) Thread.sleep(5);
  }

  /** Trace id → span count of every trace whose batch the server acknowledged. */
  Map<TraceId, Integer> acknowledged() {
    return Map.copyOf(acknowledged);
  }

  int acknowledgedBatches() {
    return acknowledgedBatches.get();
  }

  int failedBatches() {
    return failedBatches.get();
  }

  /** How the first refused batch was answered, or null. */
  Throwable firstFailure() {
    return firstFailure;
  }

  void close() {
    sender.close();
  }
}
