package dev.ariadne.collector.processor.tailsampling;

import dev.ariadne.collector.Processor;
import dev.ariadne.collector.ProcessorContext;
import dev.ariadne.collector.TracesConsumer;
import dev.ariadne.collector.config.ComponentFactory;
import dev.ariadne.collector.config.ConfigNode;
import dev.ariadne.collector.config.ProcessorConfig;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The {@code tail_sampling} processor's settings, with the Collector's defaults.
 *
 * @param decisionWait how long after a trace's first span its decision is made (30s)
 * @param numTraces traces kept in memory, decided or not; past that the oldest is forgotten (50000)
 * @param expectedNewTracesPerSec sizes the trace table up front (0)
 * @param sampledCacheSize trace ids remembered as sampled, for spans arriving after the decision (0: off)
 * @param nonSampledCacheSize trace ids remembered as not sampled (0: off)
 */
public record TailSamplingConfig(
    Duration decisionWait,
    int numTraces,
    int expectedNewTracesPerSec,
    int sampledCacheSize,
    int nonSampledCacheSize,
    List<Policy> policies) implements ProcessorConfig {
  public static final ComponentFactory<TailSamplingConfig> FACTORY = new ComponentFactory<>("tail_sampling", TailSamplingConfig::parse);

  static TailSamplingConfig parse(ConfigNode node) {
    Duration decisionWait = node.duration("decision_wait", Duration.ofSeconds(30));
    if (decisionWait.isZero()) throw node.child("decision_wait").error("must be greater than zero");
    ConfigNode cache = node.child("decision_cache");
    List<ConfigNode> items = node.list("policies");
    if (items.isEmpty()) throw node.child("policies").error("must list at least one policy");
    Set<String> names = new HashSet<>();
    List<Policy> policies = items.stream().map(item -> {
      Policy policy = PolicyParser.parse(item);
      if (!names.add(policy.name())) throw item.child("name").error("policy name \"" + policy.name() + "\" is used twice");
      return policy;
    }).toList();
    return new TailSamplingConfig(
        decisionWait,
        node.integer("num_traces", 50_000, 1),
        node.integer("expected_new_traces_per_sec", 0),
        cache.integer("sampled_cache_size", 0),
        cache.integer("non_sampled_cache_size", 0),
        policies);
  }

  @Override
  public Processor create(TracesConsumer next, ProcessorContext context) {
    return new TailSamplingProcessor(this, next, context);
  }
}
