package dev.ariadne.collector.processor.sampling;

import dev.ariadne.collector.Processor;
import dev.ariadne.collector.ProcessorContext;
import dev.ariadne.collector.TracesConsumer;
import dev.ariadne.collector.config.ComponentFactory;
import dev.ariadne.collector.config.ConfigNode;
import dev.ariadne.collector.config.ProcessorConfig;

/**
 * The {@code probabilistic_sampler} processor's settings. Only the Collector's {@code hash_seed} mode is
 * implemented; {@code mode: proportional} and {@code equalizing} (W3C trace state thresholds) are refused.
 *
 * @param samplingPercentage the share of traces kept, 0 to 100
 * @param hashSeed the seed; collectors that must agree on traces use the same one
 */
public record ProbabilisticSamplerConfig(double samplingPercentage, int hashSeed) implements ProcessorConfig {
  public static final ComponentFactory<ProbabilisticSamplerConfig> FACTORY =
      new ComponentFactory<>("probabilistic_sampler", ProbabilisticSamplerConfig::parse);

  static ProbabilisticSamplerConfig parse(ConfigNode node) {
    double percentage = node.number("sampling_percentage", 0);
    if (percentage < 0 || Double.isNaN(percentage)) throw node.child("sampling_percentage").error("must not be negative");
    long seed = node.longValue("hash_seed", 0);
    if (seed < 0 || seed > 0xffff_ffffL) throw node.child("hash_seed").error("must be an unsigned 32-bit integer");
    String mode = node.oneOf("mode", "hash_seed", "proportional", "equalizing");
    if (!mode.equals("hash_seed")) throw node.child("mode").error("only hash_seed is supported");
    node.oneOf("attribute_source", "traceID");
    return new ProbabilisticSamplerConfig(percentage, (int) seed);
  }

  @Override
  public Processor create(TracesConsumer next, ProcessorContext context) {
    return new ProbabilisticSampler(this, next, context);
  }
}
