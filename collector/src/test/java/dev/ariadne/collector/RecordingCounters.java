package dev.ariadne.collector;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/** Counters kept in memory, read back by name and tags. */
public final class RecordingCounters implements Counters {
  private final Map<String, AtomicLong> counts = new ConcurrentHashMap<>();

  @Override
  public Counter counter(String name, Map<String, String> tags) {
    AtomicLong count = counts.computeIfAbsent(name + new java.util.TreeMap<>(tags), key -> new AtomicLong());
    return count::addAndGet;
  }

  /** The sum of every counter named {@code name} whose tags include {@code tagPairs} (alternating keys and values). */
  public long get(String name, String... tagPairs) {
    long sum = 0;
    for (Map.Entry<String, AtomicLong> entry : counts.entrySet()) {
      if (!entry.getKey().startsWith(name + "{")) continue;
      boolean all = true;
      for (int i = 0; i < tagPairs.length; i += 2) all &= entry.getKey().contains(tagPairs[i] + "=" + tagPairs[i + 1]);
      if (all) sum += entry.getValue().get();
    }
    return sum;
  }
}
