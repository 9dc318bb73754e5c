package dev.ariadne.collector;

/**
 * A pipeline stage built with the consumer it feeds. On each {@link #consume} it may pass a modified
 * batch on at once, drop spans, or hold spans and pass them on later from its own timer (batch, tail
 * sampling). Implementations are safe for concurrent calls: every receiver feeds a pipeline from its own
 * threads.
 */
public interface Processor extends TracesConsumer {

  /**
   * Passes on whatever it holds and stops its timers; called once, upstream stages first, before the
   * exporters stop. Held spans the next stage refuses are lost and counted.
   */
  default void shutdown() {}
}
