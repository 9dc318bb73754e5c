package dev.ariadne.collector.processor.attributes;

import dev.ariadne.collector.ProcessorContext;
import dev.ariadne.collector.TracesConsumer;
import dev.ariadne.collector.processor.SpanCopy;
import dev.ariadne.collector.processor.TransformingProcessor;
import dev.ariadne.model.Attributes;
import dev.ariadne.model.Span;
import java.util.ArrayList;
import java.util.List;

/** Applies the attributes processor's actions to the attributes of each selected span. */
final class AttributesProcessor extends TransformingProcessor {
  private final AttributesConfig config;
  private final AttributeActions actions;

  AttributesProcessor(AttributesConfig config, TracesConsumer next, ProcessorContext context) {
    super(next, context);
    this.config = config;
    this.actions = new AttributeActions(config.actions());
  }

  @Override
  protected List<Span> process(List<Span> spans) {
    List<Span> out = new ArrayList<>(spans.size());
    for (Span span : spans) {
      if (!config.include().test(span) || config.exclude().test(span)) {
        out.add(span);
        continue;
      }
      Attributes changed = actions.apply(span.attributes());
      out.add(changed == span.attributes() ? span : SpanCopy.with(span, span.resource(), changed));
    }
    return out;
  }
}
