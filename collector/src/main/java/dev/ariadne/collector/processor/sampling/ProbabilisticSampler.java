package dev.ariadne.collector.processor.sampling;

import dev.ariadne.collector.Counters;
import dev.ariadne.collector.ProcessorContext;
import dev.ariadne.collector.TracesConsumer;
import dev.ariadne.collector.processor.TransformingProcessor;
import dev.ariadne.model.Span;
import java.util.ArrayList;
import java.util.List;

/**
 * Keeps a fixed share of traces, deciding per span from its trace id alone, as the Collector's
 * probabilistic sampler in hash_seed mode: the 32-bit FNV-1a hash of seed and trace id, cut to 14 bits
 * (16384 buckets), is kept when below {@code percentage × 163.84}. All spans of a trace get the same
 * decision, wherever they pass.
 */
final class ProbabilisticSampler extends TransformingProcessor {
  private static final int BUCKET_MASK = 0x3fff;
  private static final double BUCKETS_PER_PERCENT = 0x4000 / 100.0;

  private final int seed;
  private final int threshold;
  private final Counters.Counter sampled;
  private final Counters.Counter notSampled;

  ProbabilisticSampler(ProbabilisticSamplerConfig config, TracesConsumer next, ProcessorContext context) {
    super(next, context);
    this.seed = config.hashSeed();
    this.threshold = (int) (config.samplingPercentage() * BUCKETS_PER_PERCENT);
    String name = "otelcol_processor_probabilistic_sampler_count_traces_sampled";
    this.sampled = context.counter(name, "sampled", "true");
    this.notSampled = context.counter(name, "sampled", "false");
  }

  /** Whether the trace with this id is kept. */
  boolean keeps(long traceIdHigh, long traceIdLow) {
    return (TraceIdHash.fnv32a(seed, traceIdHigh, traceIdLow) & BUCKET_MASK) < threshold;
  }

  @Override
  protected List<Span> process(List<Span> spans) {
    List<Span> kept = new ArrayList<>(spans.size());
    for (Span span : spans) {
      if (keeps(span.traceIdHigh(), span.traceIdLow())) kept.add(span);
    }
    sampled.add(kept.size());
    notSampled.add(spans.size() - kept.size());
    return kept;
  }
}
