package dev.ariadne.tracegen;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Sends a corpus to a receiver. Throughput mode keeps {@code concurrency} requests in flight until all
 * are acknowledged, having encoded every batch first so the client spends no CPU encoding during the run,
 * or, streaming, encoding as it goes so that a corpus too large to hold encoded still fits in memory;
 * rate mode encodes as it goes and paces batches to a target of spans per second.
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

  public Map<String, Object> maxThroughput(long seed, long startNanos, int traces, int tracesPerBatch) {
    return maxThroughput(seed, startNanos, traces, tracesPerBatch, false);
  }

  /** @param streaming encode each batch just before sending it, instead of all of them first */
  public Map<String, Object> maxThroughput(long seed, long startNanos, int traces, int tracesPerBatch,
      boolean streaming) {
    List<WireFormat.Request> encoded = new ArrayList<>();
    if (!streaming) {
      Corpus.generate(seed, startNanos, traces, tracesPerBatch, b -> encoded.addAll(format.encode(b.spans())),
          s -> { });
    }
    try (InFlight flight = new InFlight(format, endpoint, concurrency, concurrency)) {
      long started = System.nanoTime();
      if (streaming) {
        Corpus.generate(seed, startNanos, traces, tracesPerBatch, b -> format.encode(b.spans()).forEach(flight::send),
            s -> { });
      } else {
        encoded.forEach(flight::send);
      }
      flight.awaitAll();
      double seconds = (System.nanoTime() - started) / 1e9;
      return Summary.of(
          "mode", "throughput",
          "protocol", format.cliName(),
          "streaming", streaming,
          "traces", traces,
          "requests", flight.requests(),
          "bytes", flight.bytes(),
          "spansAcknowledged", flight.acknowledgedSpans(),
          "spansFailed", flight.failedSpans(),
          "retries", flight.retries(),
          "firstFailure", flight.firstFailure(),
          "seconds", seconds,
          "spansPerSecond", flight.acknowledgedSpans() / seconds,
          "requestLatencyMs", Summary.percentiles(flight.latencies()));
    }
  }

  public Map<String, Object> steadyRate(long seed, long startNanos, double spansPerSecond, double durationSeconds,
      int tracesPerBatch) throws InterruptedException {
    TraceGenerator generator = new TraceGenerator(seed, startNanos);
    long spansSent = 0;
    try (InFlight flight = new InFlight(format, endpoint, concurrency, 1)) {
      long started = System.nanoTime();
      long deadline = started + (long) (durationSeconds * 1e9);
      while (System.nanoTime() < deadline) {
        List<dev.ariadne.model.Span> spans = new ArrayList<>();
        for (int i = 0; i < tracesPerBatch; i++) spans.addAll(generator.nextTrace());
        List<WireFormat.Request> requests = format.encode(spans);
        // Wait until this batch is due at the target rate.
        long due = started + (long) (spansSent / spansPerSecond * 1e9);
        long wait = due - System.nanoTime();
        if (wait > 0) Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
        for (WireFormat.Request request : requests) {
          flight.send(request);
          spansSent += request.spans();
        }
      }
      flight.awaitAll();
      double seconds = (System.nanoTime() - started) / 1e9;
      return Summary.of(
          "mode", "rate",
          "protocol", format.cliName(),
          "targetSpansPerSecond", spansPerSecond,
          "spansAcknowledged", flight.acknowledgedSpans(),
          "spansFailed", flight.failedSpans(),
          "retries", flight.retries(),
          "seconds", seconds,
          "spansPerSecond", flight.acknowledgedSpans() / seconds,
          "requestLatencyMs", Summary.percentiles(flight.latencies()));
    }
  }
}
