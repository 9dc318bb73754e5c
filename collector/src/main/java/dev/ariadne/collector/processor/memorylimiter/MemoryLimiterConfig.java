package dev.ariadne.collector.processor.memorylimiter;

import dev.ariadne.collector.Processor;
import dev.ariadne.collector.ProcessorContext;
import dev.ariadne.collector.TracesConsumer;
import dev.ariadne.collector.config.ComponentFactory;
import dev.ariadne.collector.config.ConfigNode;
import dev.ariadne.collector.config.ProcessorConfig;
import java.time.Duration;

/**
 * The {@code memory_limiter} processor's settings. Limits are given in MiB ({@code limit_mib},
 * {@code spike_limit_mib}, default 20% of the limit) or as percentages ({@code limit_percentage},
 * {@code spike_limit_percentage}). Where the Collector takes percentages of the machine's or cgroup's
 * memory, here they are of the JVM's maximum heap: the heap is what runs out, and the JVM already sizes
 * it from the container's memory.
 */
public record MemoryLimiterConfig(
    Duration checkInterval,
    long limitMib,
    long spikeLimitMib,
    int limitPercentage,
    int spikeLimitPercentage,
    Duration minGcIntervalWhenSoftLimited,
    Duration minGcIntervalWhenHardLimited) implements ProcessorConfig {
  public static final ComponentFactory<MemoryLimiterConfig> FACTORY = new ComponentFactory<>("memory_limiter", MemoryLimiterConfig::parse);

  private static final long MIB = 1024 * 1024;

  static MemoryLimiterConfig parse(ConfigNode node) {
    Duration checkInterval = node.duration("check_interval", Duration.ZERO);
    if (checkInterval.isZero()) throw node.child("check_interval").error("must be greater than zero");
    long limitMib = node.longValue("limit_mib", 0);
    int limitPercentage = node.integer("limit_percentage", 0);
    long spikeLimitMib = node.longValue("spike_limit_mib", limitMib / 5);
    int spikeLimitPercentage = node.integer("spike_limit_percentage", 0);
    if (limitMib <= 0 && limitPercentage <= 0) throw node.error("set limit_mib or limit_percentage");
    if (limitMib > 0 && spikeLimitMib >= limitMib) {
      throw node.child("spike_limit_mib").error("must be below limit_mib (" + limitMib + ")");
    }
    if (limitMib <= 0 && (limitPercentage > 100 || spikeLimitPercentage >= limitPercentage)) {
      throw node.child("limit_percentage").error("must be at most 100 and above spike_limit_percentage");
    }
    return new MemoryLimiterConfig(checkInterval, limitMib, spikeLimitMib, limitPercentage, spikeLimitPercentage,
        node.duration("min_gc_interval_when_soft_limited", Duration.ofSeconds(10)),
        node.duration("min_gc_interval_when_hard_limited", Duration.ZERO));
  }

  /** The hard limit in bytes; percentages are of {@code maxHeapBytes}. */
  long limitBytes(long maxHeapBytes) {
    return limitMib > 0 ? limitMib * MIB : maxHeapBytes / 100 * limitPercentage;
  }

  /** How far below the hard limit the soft limit lies, in bytes. */
  long spikeBytes(long maxHeapBytes) {
    return limitMib > 0 ? spikeLimitMib * MIB : maxHeapBytes / 100 * spikeLimitPercentage;
  }

  @Override
  public Processor create(TracesConsumer next, ProcessorContext context) {
    MemoryLimiter limiter = context.shared(MemoryLimiter.class, () -> MemoryLimiter.forHeap(this, context.scheduler()));
    return new MemoryLimiterProcessor(limiter, next, context);
  }
}
