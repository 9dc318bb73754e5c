package dev.ariadne.collector.processor.attributes;

import dev.ariadne.collector.Processor;
import dev.ariadne.collector.ProcessorContext;
import dev.ariadne.collector.TracesConsumer;
import dev.ariadne.collector.config.ComponentFactory;
import dev.ariadne.collector.config.ConfigNode;
import dev.ariadne.collector.config.ProcessorConfig;
import java.util.List;

/** The {@code resource} processor's settings: the same actions as the attributes processor, under {@code attributes}, on resource attributes. */
public record ResourceConfig(List<AttributeAction> actions) implements ProcessorConfig {
  public static final ComponentFactory<ResourceConfig> FACTORY = new ComponentFactory<>("resource", ResourceConfig::parse);

  static ResourceConfig parse(ConfigNode node) {
    if (!node.isPresent()) throw node.error("must list attributes actions");
    return new ResourceConfig(AttributeAction.parseList(node, "attributes"));
  }

  @Override
  public Processor create(TracesConsumer next, ProcessorContext context) {
    return new ResourceProcessor(this, next, context);
  }
}
