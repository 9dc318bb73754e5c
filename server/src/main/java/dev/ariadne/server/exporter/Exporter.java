package dev.ariadne.server.exporter;

import dev.ariadne.collector.TracesConsumer;

/** The consumer a pipeline ends in, closed once the pipelines have passed on what they held. */
public interface Exporter extends TracesConsumer, AutoCloseable {
  @Override
  default void close() {}
}
