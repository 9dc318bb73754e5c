package dev.ariadne.server.exporter;

import dev.ariadne.collector.RefusedException;
import dev.ariadne.collector.config.exporter.ExporterSettings;
import dev.ariadne.collector.config.exporter.QueueSettings;
import dev.ariadne.model.Span;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Collector's exporter helper around a {@link Sender}: a bounded sending queue
 * ({@code sending_queue}: {@code queue_size} batches, {@code num_consumers} threads sending from it; in
 * memory, or on disk with a storage extension) and {@code retry_on_failure} with exponential back-off.
 * With the queue on, a batch is taken once queued and a full queue refuses it for now (the receiver's
 * client retries); with it off, the caller waits for the sends and their retries. A batch that fails
 * permanently, or still fails after {@code max_elapsed_time}, is dropped and counted
 * ({@code otelcol_exporter_send_failed_spans}).
 */
final class NetworkExporter implements Exporter {
  private static final Logger log = LoggerFactory.getLogger(NetworkExporter.class);
  /** How long closing waits for an in-memory queue to drain before it gives up on what is left. */
  private static final Duration DRAIN_TIMEOUT = Duration.ofSeconds(10);

  /** What became of a batch. */
  private enum Outcome { SENT, DROPPED, KEPT_FOR_RESTART }

  private final String id;
  private final ExporterSettings settings;
  private final Sender sender;
  private final ExporterMetrics metrics;
  private final SendingQueue queue;
  private final List<Thread> consumers = new ArrayList<>();
  /** Counted down by close(): waits between retries end, and queued batches get one attempt each. */
  private final CountDownLatch closing = new CountDownLatch(1);

  /** @param queue the sending queue, or null when {@code sending_queue.enabled} is false */
  NetworkExporter(String id, ExporterSettings settings, Sender sender, SendingQueue queue, ExporterMetrics metrics,
      MeterRegistry registry) {
    this.id = id;
    this.settings = settings;
    this.sender = sender;
    this.metrics = metrics;
    this.queue = queue;
    if (queue == null) return;
    QueueSettings queueSettings = settings.sendingQueue();
    Gauge.builder("otelcol_exporter_queue_size", queue, SendingQueue::size)
        .description("Current size of the retry queue (in batches).").tag("exporter", id).register(registry);
    Gauge.builder("otelcol_exporter_queue_capacity", queueSettings, QueueSettings::queueSize)
        .description("Fixed capacity of the retry queue (in batches).").tag("exporter", id).register(registry);
    for (int i = 0; i < queueSettings.numConsumers(); i++) {
      consumers.add(Thread.ofPlatform().name("exporter-" + id + "-" + i).daemon().start(this::sendQueued));
    }
  }

  @Override
  public void consume(List<Span> spans) {
    if (queue == null) {
      if (deliver(spans) != Outcome.SENT) {
        throw new IllegalStateException("exporter " + id + " could not send " + spans.size() + " spans");
      }
      return;
    }
    if (closing() || !queue.offer(spans)) {
      metrics.enqueueFailed(spans.size());
      throw new RefusedException("sending queue of exporter " + id + " is full", Duration.ofSeconds(1));
    }
  }

  private void sendQueued() {
    // A persistent queue keeps what is left for the next run; an in-memory one is drained first.
    while (!(closing() && (queue.persistent() || queue.size() == 0))) {
      SendingQueue.Taken batch;
      try {
        batch = queue.poll(100, TimeUnit.MILLISECONDS);
      } catch (InterruptedException e) {
        return;
      }
      if (batch != null && deliver(batch.spans()) != Outcome.KEPT_FOR_RESTART) batch.done().run();
    }
  }

  /** Sends with retries. */
  private Outcome deliver(List<Span> batch) {
    Backoff backoff = new Backoff(settings.retryOnFailure());
    Duration maxElapsed = settings.retryOnFailure().maxElapsedTime();
    long deadline = maxElapsed.isZero() ? Long.MAX_VALUE : System.nanoTime() + maxElapsed.toNanos();
    while (true) {
      try {
        sender.send(batch);
        metrics.sent(batch.size());
        return Outcome.SENT;
      } catch (SendFailure failure) {
        Duration wait = backoff.next();
        if (failure.permanent() || !settings.retryOnFailure().enabled() || System.nanoTime() + wait.toNanos() > deadline) {
          return dropped(batch, failure.getMessage() + (failure.permanent() ? " (not retryable)" : ""));
        }
        metrics.retrying();
        log.info("exporter {}: sending {} spans failed, retrying in {} ms: {}", id, batch.size(), wait.toMillis(),
            failure.getMessage());
        try {
          if (closing.await(wait.toNanos(), TimeUnit.NANOSECONDS)) return stoppedRetrying(batch, failure);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          return stoppedRetrying(batch, failure);
        }
      }
    }
  }

  private Outcome stoppedRetrying(List<Span> batch, SendFailure failure) {
    if (queue != null && queue.persistent()) return Outcome.KEPT_FOR_RESTART;
    return dropped(batch, "shutting down, not retrying: " + failure.getMessage());
  }

  private Outcome dropped(List<Span> batch, String why) {
    metrics.sendFailed(batch.size());
    log.warn("exporter {}: dropped {} spans: {}", id, batch.size(), why);
    return Outcome.DROPPED;
  }

  private boolean closing() {
    return closing.getCount() == 0;
  }

  /**
   * Stops retrying, as the Collector does at shutdown. An in-memory queue gives each batch left one
   * more attempt, for up to ten seconds in all, then counts the rest as failed; a persistent queue keeps
   * them for the next run.
   */
  @Override
  public void close() {
    closing.countDown();
    long deadline = System.nanoTime() + DRAIN_TIMEOUT.toNanos();
    try {
      for (Thread consumer : consumers) {
        long left = Math.max(1, (deadline - System.nanoTime()) / 1_000_000);
        if (!consumer.join(Duration.ofMillis(left))) consumer.interrupt();
      }
      for (Thread consumer : consumers) consumer.join();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    if (queue != null && !queue.persistent()) {
      try {
        for (SendingQueue.Taken left; (left = queue.poll(0, TimeUnit.MILLISECONDS)) != null; ) {
          dropped(left.spans(), "still queued at shutdown");
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    sender.close();
  }
}
