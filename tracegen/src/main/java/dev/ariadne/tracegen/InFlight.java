package dev.ariadne.tracegen;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Requests on their way to a receiver: at most {@code concurrency} at once, spread round-robin over
 * {@code connections} senders, each counted as acknowledged or failed when its final answer arrives,
 * with its latency from the first attempt. A request the receiver refuses with a retryable error is
 * sent again after a back-off, as OpenTelemetry's exporters do ({@link Retry}), keeping its slot.
 */
final class InFlight implements AutoCloseable {
  private final List<Sender> senders = new ArrayList<>();
  private final int concurrency;
  private final Semaphore slots;
  private final AtomicLong acknowledgedSpans = new AtomicLong();
  private final AtomicLong failedSpans = new AtomicLong();
  private final AtomicReference<Throwable> firstFailure = new AtomicReference<>();
  private final AtomicLong retries = new AtomicLong();
  private final ScheduledExecutorService backoff = Executors.newSingleThreadScheduledExecutor(
      Thread.ofPlatform().daemon().name("tracegen-retry").factory());
  private final Latencies latencies = new Latencies();
  private long requests;
  private long bytes;

  InFlight(WireFormat format, String endpoint, int concurrency, int connections) {
    this.concurrency = concurrency;
    this.slots = new Semaphore(concurrency);
    for (int i = 0; i < connections; i++) senders.add(Sender.create(format, endpoint));
  }

  /** Sends once fewer than {@code concurrency} requests are in flight; returns without waiting for the answer. */
  void send(WireFormat.Request request) {
    slots.acquireUninterruptibly();
    Sender sender = senders.get((int) (requests++ % senders.size()));
    bytes += request.body().length;
    attempt(sender, request, System.nanoTime(), 1);
  }

  private void attempt(Sender sender, WireFormat.Request request, long sent, int attempt) {
    sender.send(request.body()).whenComplete((ok, error) -> {
      if (error != null && attempt < Retry.MAX_ATTEMPTS && Retry.isRetryable(error)) {
        retries.incrementAndGet();
        backoff.schedule(() -> attempt(sender, request, sent, attempt + 1), Retry.backoffMillis(attempt + 1),
            TimeUnit.MILLISECONDS);
        return;
      }
      latencies.record(System.nanoTime() - sent);
      if (error == null) {
        acknowledgedSpans.addAndGet(request.spans());
      } else {
        failedSpans.addAndGet(request.spans());
        firstFailure.compareAndSet(null, error);
      }
      slots.release();
    });
  }

  /** Waits until every request sent has its answer. */
  void awaitAll() {
    slots.acquireUninterruptibly(concurrency);
    slots.release(concurrency);
  }

  long requests() {
    return requests;
  }

  long bytes() {
    return bytes;
  }

  long acknowledgedSpans() {
    return acknowledgedSpans.get();
  }

  long failedSpans() {
    return failedSpans.get();
  }

  /** Attempts repeated after a retryable refusal. */
  long retries() {
    return retries.get();
  }

  String firstFailure() {
    return firstFailure.get() == null ? null : String.valueOf(firstFailure.get());
  }

  Latencies latencies() {
    return latencies;
  }

  @Override
  public void close() {
    backoff.shutdownNow();
    senders.forEach(Sender::close);
  }
}
