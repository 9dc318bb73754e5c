package dev.ariadne.collector.processor;

import dev.ariadne.collector.Counters;
import dev.ariadne.collector.Processor;
import dev.ariadne.collector.ProcessorContext;
import dev.ariadne.collector.TracesConsumer;
import dev.ariadne.model.Span;
import java.util.List;

/**
 * A processor that holds nothing: each batch is turned into another, at once, by {@link #process}, and
 * passed on unless empty. Counts spans in and out under the Collector's
 * {@code otelcol_processor_incoming_items} and {@code otelcol_processor_outgoing_items}.
 */
public abstract class TransformingProcessor implements Processor {
  private final TracesConsumer next;
  private final Counters.Counter incoming;
  private final Counters.Counter outgoing;

  protected TransformingProcessor(TracesConsumer next, ProcessorContext context) {
    this.next = next;
    this.incoming = context.counter("otelcol_processor_incoming_items", "otel.signal", "traces");
    this.outgoing = context.counter("otelcol_processor_outgoing_items", "otel.signal", "traces");
  }

  /** The spans to pass on: some of {@code spans}, possibly changed, in order. Must not modify the argument. */
  protected abstract List<Span> process(List<Span> spans);

  @Override
  public final void consume(List<Span> spans) {
    incoming.add(spans.size());
    List<Span> out = process(spans);
    if (out.isEmpty()) return;
    outgoing.add(out.size());
    next.consume(out);
  }
}
