package dev.ariadne.collector.processor.batch;

import dev.ariadne.collector.Counters;
import dev.ariadne.collector.Processor;
import dev.ariadne.collector.ProcessorContext;
import dev.ariadne.collector.Scheduler;
import dev.ariadne.collector.TracesConsumer;
import dev.ariadne.model.Span;
import java.util.ArrayList;
import java.util.List;

/**
 * Gathers spans into batches as the Collector's batch processor does: a batch leaves as soon as
 * {@code send_batch_size} spans are waiting (all of them, split into pieces of at most
 * {@code send_batch_max_size}), or when {@code timeout} has passed since the first waiting span arrived.
 *
 * <p>Like the Collector's, it takes spans and returns at once: a batch the next stage refuses cannot
 * be handed back to its many senders, so its spans are dropped and counted
 * ({@code otelcol_processor_dropped_spans}). Put {@code memory_limiter} before it, so refusals happen
 * while the sender can still retry.
 */
final class BatchProcessor implements Processor {
  private static final System.Logger LOG = System.getLogger(BatchProcessor.class.getName());
  private final BatchConfig config;
  private final TracesConsumer next;
  private final Scheduler scheduler;
  private final Counters.Counter sizeTriggers;
  private final Counters.Counter timeoutTriggers;
  private final Counters.Counter dropped;
  private final Object lock = new Object();
  private List<Span> waiting = new ArrayList<>();
  private Scheduler.Cancellable timer;

  BatchProcessor(BatchConfig config, TracesConsumer next, ProcessorContext context) {
    this.config = config;
    this.next = next;
    this.scheduler = context.scheduler();
    this.sizeTriggers = context.counter("otelcol_processor_batch_batch_size_trigger_send");
    this.timeoutTriggers = context.counter("otelcol_processor_batch_timeout_trigger_send");
    this.dropped = context.counter("otelcol_processor_dropped_spans");
  }

  @Override
  public void consume(List<Span> spans) {
    List<List<Span>> ready;
    synchronized (lock) {
      waiting.addAll(spans);
      boolean immediate = config.timeout().isZero();
      if (!immediate && waiting.size() < config.sendBatchSize()) {
        if (timer == null && !waiting.isEmpty()) timer = scheduler.schedule(config.timeout(), this::onTimeout);
        return;
      }
      ready = takeAll();
    }
    sizeTriggers.add(ready.size());
    send(ready);
  }

  private void onTimeout() {
    List<List<Span>> ready;
    synchronized (lock) {
      timer = null;
      ready = takeAll();
    }
    timeoutTriggers.add(ready.size());
    send(ready);
  }

  @Override
  public void shutdown() {
    List<List<Span>> ready;
    synchronized (lock) {
      ready = takeAll();
    }
    send(ready);
  }

  /** Everything waiting, in batches of at most send_batch_max_size; stops the timer. Holds the lock. */
  private List<List<Span>> takeAll() {
    if (timer != null) {
      timer.cancel();
      timer = null;
    }
    List<List<Span>> batches = new ArrayList<>();
    int max = config.sendBatchMaxSize() > 0 ? config.sendBatchMaxSize() : Math.max(waiting.size(), 1);
    for (int from = 0; from < waiting.size(); from += max) {
      batches.add(List.copyOf(waiting.subList(from, Math.min(waiting.size(), from + max))));
    }
    waiting = new ArrayList<>();
    return batches;
  }

  private void send(List<List<Span>> batches) {
    for (List<Span> batch : batches) {
      try {
        next.consume(batch);
      } catch (RuntimeException e) {
        dropped.add(batch.size());
        LOG.log(System.Logger.Level.WARNING, "batch of " + batch.size() + " spans dropped: " + e.getMessage());
      }
    }
  }
}
