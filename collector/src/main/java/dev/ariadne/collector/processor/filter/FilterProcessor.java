package dev.ariadne.collector.processor.filter;

import dev.ariadne.collector.Counters;
import dev.ariadne.collector.ProcessorContext;
import dev.ariadne.collector.TracesConsumer;
import dev.ariadne.collector.processor.TransformingProcessor;
import dev.ariadne.model.Span;
import java.util.ArrayList;
import java.util.List;

/** Drops each span that meets one of the filter's conditions; counts them as the Collector does. */
final class FilterProcessor extends TransformingProcessor {
  private final FilterConfig config;
  private final Counters.Counter filtered;

  FilterProcessor(FilterConfig config, TracesConsumer next, ProcessorContext context) {
    super(next, context);
    this.config = config;
    this.filtered = context.counter("otelcol_processor_filter_spans_filtered");
  }

  @Override
  protected List<Span> process(List<Span> spans) {
    List<Span> kept = new ArrayList<>(spans.size());
    for (Span span : spans) {
      if (!config.drop().test(span)) kept.add(span);
    }
    filtered.add(spans.size() - kept.size());
    return kept;
  }
}
