package dev.ariadne.server.pipeline;

import dev.ariadne.collector.Counters;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tag;
import java.util.Map;

/**
 * The collector module's counters as Micrometer counters, under the names processors give them
 * ({@code otelcol_processor_dropped_spans}); the Prometheus exposition adds {@code _total}, as the
 * Collector's own does.
 */
public final class MicrometerCounters implements Counters {
  private final MeterRegistry registry;

  public MicrometerCounters(MeterRegistry registry) {
    this.registry = registry;
  }

  @Override
  public Counter counter(String name, Map<String, String> tags) {
    io.micrometer.core.instrument.Counter counter = io.micrometer.core.instrument.Counter.builder(name)
        .tags(tags.entrySet().stream().map(tag -> Tag.of(tag.getKey(), tag.getValue())).toList())
        .register(registry);
    return amount -> counter.increment(amount);
  }
}
