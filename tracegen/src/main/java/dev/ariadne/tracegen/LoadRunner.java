package dev.ariadne.tracegen;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Sends a corpus to a receiver. Throughput mode encodes every batch first and then keeps
 * {@code concurrency} requests in flight until all are acknowledged; rate mode encodes as it goes and
 * paces batches to a target of spans per second.
 */
public final class LoadRunner {
  private final WireFormat format;
  private final String endpoint;
  private final int concurrency;

  public LoadRunner(WireFormat format, String endpoint, int concurrency) {
    this.format = format;
    this.endpoint = endpoint;
    this.concurrency = concurrency;
  }

  public Map<String, Object> maxThroughput(long seed, long startNanos, int traces, int tracesPerBatch)
      throws InterruptedException {
    List<WireFormat.Request> requests = new ArrayList<>();
    Corpus.generate(seed, startNanos, traces, tracesPerBatch, b -> requests.addAll(format.encode(b.spans())), s -> { });
    long bytes = requests.stream().mapToLong(r -> r.body().length).sum();

    List<Sender> senders = new ArrayList<>();
    for (int i = 0; i < concurrency; i++) senders.add(Sender.create(format, endpoint));
    Semaphore inFlight = new Semaphore(concurrency);
    AtomicLong acknowledged = new AtomicLong();
    AtomicLong failed = new AtomicLong();
    AtomicReference<Throwable> firstFailure = new AtomicReference<>();
    Latencies latencies = new Latencies();
    long started = System.nanoTime();
    for (int i = 0; i < requests.size(); i++) {
      WireFormat.Request request = requests.get(i);
      inFlight.acquire();
      long sent = System.nanoTime();
      senders.get(i % senders.size()).send(request.body()).whenComplete((ok, error) -> {
        latencies.record(System.nanoTime() - sent);
        if (error == null) {
          acknowledged.addAndGet(request.spans());
        } else {
          failed.addAndGet(request.spans());
          firstFailure.compareAndSet(null, error);
        }
        inFlight.release();
      });
    }
    inFlight.acquire(concurrency);
    double seconds = (System.nanoTime() - started) / 1e9;
    senders.forEach(Sender::close);
    return Summary.of(
        "mode", "throughput",
        "protocol", format.cliName(),
        "traces", traces,
        "requests", requests.size(),
        "bytes", bytes,
        "spansAcknowledged", acknowledged.get(),
        "spansFailed", failed.get(),
        "firstFailure", firstFailure.get() == null ? null : String.valueOf(firstFailure.get()),
        "seconds", seconds,
        "spansPerSecond", acknowledged.get() / seconds,
        "requestLatencyMs", Summary.percentiles(latencies));
  }

  public Map<String, Object> steadyRate(long seed, long startNanos, double spansPerSecond, double durationSeconds,
      int tracesPerBatch) throws InterruptedException {
    AtomicLong acknowledged = new AtomicLong();
    AtomicLong failed = new AtomicLong();
    Latencies latencies = new Latencies();
    long started = System.nanoTime();
    long deadline = started + (long) (durationSeconds * 1e9);
    long[] spansSent = {0};
    TraceGenerator generator = new TraceGenerator(seed, startNanos);
    Semaphore inFlight = new Semaphore(concurrency);
    try (Sender sender = Sender.create(format, endpoint)) {
      while (System.nanoTime() < deadline) {
        List<dev.ariadne.model.Span> spans = new ArrayList<>();
        for (int i = 0; i < tracesPerBatch; i++) spans.addAll(generator.nextTrace());
        List<WireFormat.Request> requests = format.encode(spans);
        // Wait until this batch is due at the target rate.
        long due = started + (long) (spansSent[0] / spansPerSecond * 1e9);
        long wait = due - System.nanoTime();
        if (wait > 0) Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
        for (WireFormat.Request request : requests) {
          inFlight.acquire();
          long sent = System.nanoTime();
          spansSent[0] += request.spans();
          sender.send(request.body()).whenComplete((ok, error) -> {
            latencies.record(System.nanoTime() - sent);
            (error == null ? acknowledged : failed).addAndGet(request.spans());
            inFlight.release();
          });
        }
      }
      inFlight.acquire(concurrency);
    }
    double seconds = (System.nanoTime() - started) / 1e9;
    return Summary.of(
        "mode", "rate",
        "protocol", format.cliName(),
        "targetSpansPerSecond", spansPerSecond,
        "spansAcknowledged", acknowledged.get(),
        "spansFailed", failed.get(),
        "seconds", seconds,
        "spansPerSecond", acknowledged.get() / seconds,
        "requestLatencyMs", Summary.percentiles(latencies));
  }
}
