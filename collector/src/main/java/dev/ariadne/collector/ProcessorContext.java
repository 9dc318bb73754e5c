package dev.ariadne.collector;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * What a processor gets besides its configuration: its id and pipeline (for metric tags), time, and
 * counters. {@link #shared} gives state that every pipeline's instance of the same component shares, as
 * the Collector shares one memory limiter across the pipelines that list it.
 *
 * @param id the component id, e.g. {@code batch/traces}
 * @param pipeline the pipeline id, e.g. {@code traces}
 */
public record ProcessorContext(
    String id, String pipeline, Scheduler scheduler, Counters counters, Map<String, Object> sharedState) {

  public ProcessorContext(String id, String pipeline, Scheduler scheduler, Counters counters) {
    this(id, pipeline, scheduler, counters, new ConcurrentHashMap<>());
  }

  /** A counter tagged with this processor's id, plus {@code extraTags} as alternating keys and values. */
  public Counters.Counter counter(String name, String... extraTags) {
    Map<String, String> tags = new java.util.LinkedHashMap<>();
    tags.put("processor", id);
    for (int i = 0; i + 1 < extraTags.length; i += 2) tags.put(extraTags[i], extraTags[i + 1]);
    return counters.counter(name, Map.copyOf(tags));
  }

  /** The value shared by every instance of this component, made on first use. */
  public <T> T shared(Class<T> type, Supplier<T> create) {
    return type.cast(sharedState.computeIfAbsent(id, key -> create.get()));
  }
}
