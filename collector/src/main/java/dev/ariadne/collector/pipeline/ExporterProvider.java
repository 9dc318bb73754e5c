package dev.ariadne.collector.pipeline;

import dev.ariadne.collector.TracesConsumer;
import dev.ariadne.collector.config.ComponentId;
import dev.ariadne.collector.config.ExporterConfig;

/**
 * Makes the consumer behind each exporter id: the server implements it (the {@code ariadne} exporter
 * appends to the store, {@code otlp} sends over gRPC, …). Called once per exporter id that a traces
 * pipeline uses; pipelines listing the same id share the consumer, as the Collector shares exporters.
 */
@FunctionalInterface
public interface ExporterProvider {
  TracesConsumer exporter(ComponentId id, ExporterConfig config);
}
