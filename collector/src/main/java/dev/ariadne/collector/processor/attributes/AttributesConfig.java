package dev.ariadne.collector.processor.attributes;

import dev.ariadne.collector.Processor;
import dev.ariadne.collector.ProcessorContext;
import dev.ariadne.collector.TracesConsumer;
import dev.ariadne.collector.config.ComponentFactory;
import dev.ariadne.collector.config.ConfigNode;
import dev.ariadne.collector.config.ProcessorConfig;
import dev.ariadne.model.Span;
import java.util.List;
import java.util.function.Predicate;

/**
 * The {@code attributes} processor's settings: {@code actions} on span attributes, applied to spans
 * that match {@code include} (all spans if absent) and do not match {@code exclude}.
 */
public record AttributesConfig(List<AttributeAction> actions, Predicate<Span> include, Predicate<Span> exclude)
    implements ProcessorConfig {
  public static final ComponentFactory<AttributesConfig> FACTORY = new ComponentFactory<>("attributes", AttributesConfig::parse);

  static AttributesConfig parse(ConfigNode node) {
    if (!node.isPresent()) throw node.error("must list actions");
    ConfigNode include = node.child("include");
    ConfigNode exclude = node.child("exclude");
    return new AttributesConfig(
        AttributeAction.parseList(node, "actions"),
        include.isPresent() ? SpanMatch.parse(include) : span -> true,
        exclude.isPresent() ? SpanMatch.parse(exclude) : span -> false);
  }

  @Override
  public Processor create(TracesConsumer next, ProcessorContext context) {
    return new AttributesProcessor(this, next, context);
  }
}
