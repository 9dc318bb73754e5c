package dev.ariadne.collector.pipeline;

import dev.ariadne.collector.RefusedException;
import dev.ariadne.collector.TracesConsumer;
import dev.ariadne.model.Span;
import java.util.List;

/**
 * Hands the same batch to several consumers, as the Collector's fan-out does: spans are immutable, so no
 * copy is made. Every consumer is called even if one fails; then the failure is thrown, a refusal in
 * preference (so the sender retries), the others attached as suppressed. A retry after a partial failure
 * reaches again the consumers that had taken the batch.
 */
final class FanOut implements TracesConsumer {
  private final List<TracesConsumer> consumers;

  FanOut(List<TracesConsumer> consumers) {
    this.consumers = List.copyOf(consumers);
  }

  /** One consumer is used as it is; several are wrapped. */
  static TracesConsumer of(List<TracesConsumer> consumers) {
    return consumers.size() == 1 ? consumers.getFirst() : new FanOut(consumers);
  }

  @Override
  public void consume(List<Span> spans) {
    RuntimeException failure = null;
    for (TracesConsumer consumer : consumers) {
      try {
        consumer.consume(spans);
      } catch (RuntimeException e) {
        if (failure == null) {
          failure = e;
        } else if (e instanceof RefusedException && !(failure instanceof RefusedException)) {
          e.addSuppressed(failure);
          failure = e;
        } else {
          failure.addSuppressed(e);
        }
      }
    }
    if (failure != null) throw failure;
  }
}
