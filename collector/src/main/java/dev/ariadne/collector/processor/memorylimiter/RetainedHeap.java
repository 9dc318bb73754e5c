package dev.ariadne.collector.processor.memorylimiter;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.util.List;
import java.util.function.LongSupplier;

/**
 * The heap a memory limiter should watch: every heap pool but the young generation's allocation space
 * (G1's and Parallel's "Eden"). Eden fills with garbage by design until the next young collection, so
 * the whole heap's "used" sits near its maximum on a healthy JVM and would refuse data (and force full
 * collections) for nothing; what survives young collections is what the process really holds.
 */
final class RetainedHeap implements LongSupplier {
  private final List<MemoryPoolMXBean> pools = ManagementFactory.getMemoryPoolMXBeans().stream()
      .filter(pool -> pool.getType() == MemoryType.HEAP && !pool.getName().contains("Eden"))
      .toList();

  @Override
  public long getAsLong() {
    long used = 0;
    for (MemoryPoolMXBean pool : pools) used += pool.getUsage().getUsed();
    return used;
  }
}
