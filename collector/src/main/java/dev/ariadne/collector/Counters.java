package dev.ariadne.collector;

import java.util.Map;

/**
 * Where processors count what they do, under the Collector's metric names
 * ({@code otelcol_processor_dropped_spans}, {@code otelcol_processor_batch_timeout_trigger_send}, …).
 * The server binds it to Micrometer.
 */
@FunctionalInterface
public interface Counters {
  /** The counter {@code name} with {@code tags}; asking twice gives counts that add up. */
  Counter counter(String name, Map<String, String> tags);

  /** A monotonically increasing count. */
  @FunctionalInterface
  interface Counter {
    void add(long amount);
  }
}
