package dev.ariadne.collector.processor.filter;

import dev.ariadne.collector.Processor;
import dev.ariadne.collector.ProcessorContext;
import dev.ariadne.collector.TracesConsumer;
import dev.ariadne.collector.config.ComponentFactory;
import dev.ariadne.collector.config.ConfigNode;
import dev.ariadne.collector.config.ProcessorConfig;
import dev.ariadne.model.Span;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * The {@code filter} processor's settings: {@code traces.span} holds OTTL conditions (see
 * {@link OttlCondition} for the subset), and a span that meets any of them is dropped.
 *
 * @param errorMode ignore, propagate (the Collector's default) or silent. The supported subset cannot
 *     fail while evaluating, so it only matters once richer expressions are.
 * @param conditions the source text of each condition, in order
 */
public record FilterConfig(String errorMode, List<String> conditions, Predicate<Span> drop) implements ProcessorConfig {
  public static final ComponentFactory<FilterConfig> FACTORY = new ComponentFactory<>("filter", FilterConfig::parse);

  static FilterConfig parse(ConfigNode node) {
    if (node.contains("spans")) {
      throw node.child("spans").error("the legacy include/exclude form is not supported; write traces.span conditions");
    }
    String errorMode = node.oneOf("error_mode", "propagate", "ignore", "silent");
    ConfigNode traces = node.child("traces");
    if (traces.contains("spanevent")) throw traces.child("spanevent").error("span event conditions are not supported");
    List<String> sources = new ArrayList<>();
    Predicate<Span> drop = span -> false;
    for (ConfigNode item : traces.list("span")) {
      String source = item.text();
      Predicate<Span> condition;
      try {
        condition = OttlCondition.parse(source);
      } catch (IllegalArgumentException e) {
        throw item.error("condition " + source + ": " + e.getMessage());
      }
      sources.add(source);
      drop = drop.or(condition);
    }
    if (sources.isEmpty()) throw traces.child("span").error("must list at least one condition");
    return new FilterConfig(errorMode, sources, drop);
  }

  @Override
  public Processor create(TracesConsumer next, ProcessorContext context) {
    return new FilterProcessor(this, next, context);
  }
}
