package dev.ariadne.collector.processor.memorylimiter;

import dev.ariadne.collector.Counters;
import dev.ariadne.collector.Processor;
import dev.ariadne.collector.ProcessorContext;
import dev.ariadne.collector.TracesConsumer;
import dev.ariadne.model.Span;
import java.util.List;

/**
 * Refuses batches with a {@link dev.ariadne.collector.RefusedException} while the shared
 * {@link MemoryLimiter} says so, and passes them on otherwise. First in a pipeline, its refusal reaches
 * the receiver while the sender can still retry.
 */
public final class MemoryLimiterProcessor implements Processor {
  private final MemoryLimiter limiter;
  private final TracesConsumer next;
  private final Counters.Counter refused;

  public MemoryLimiterProcessor(MemoryLimiter limiter, TracesConsumer next, ProcessorContext context) {
    this.limiter = limiter;
    this.next = next;
    this.refused = context.counter("otelcol_processor_refused_spans");
  }

  @Override
  public void consume(List<Span> spans) {
    if (limiter.mustRefuse()) {
      refused.add(spans.size());
      throw limiter.refusal();
    }
    next.consume(spans);
  }

  @Override
  public void shutdown() {
    limiter.stop();
  }
}
