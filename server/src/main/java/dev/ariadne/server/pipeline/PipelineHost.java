package dev.ariadne.server.pipeline;

import dev.ariadne.collector.ExecutorScheduler;
import dev.ariadne.collector.config.CollectorConfig;
import dev.ariadne.collector.config.ComponentId;
import dev.ariadne.collector.config.exporter.PrometheusExporterConfig;
import dev.ariadne.collector.pipeline.Pipelines;
import dev.ariadne.server.exporter.Exporters;
import dev.ariadne.store.SpanStore;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A configuration's traces pipelines, running: exporters, processors, and the receivers feeding them.
 * The owner starts the receivers' listeners ({@link #receivers()}), and on shutdown stops them first,
 * then closes this, which lets processors pass on what they hold and exporters drain.
 */
public final class PipelineHost implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(PipelineHost.class);

  private final ExecutorScheduler scheduler = new ExecutorScheduler();
  private final Exporters exporters;
  private final Pipelines pipelines;
  private final Receivers receivers;

  /** @param store where the {@code ariadne} exporter appends; null in the collector role */
  public PipelineHost(CollectorConfig loaded, ReceiverEndpoints endpoints, MeterRegistry registry, SpanStore store,
      Receivers.ServerFactory servers) {
    loaded.warnings().forEach(warning -> log.warn("configuration: {}", warning));
    CollectorConfig config = DurableAcknowledgement.apply(loaded);
    logMetricsOnlyExporters(config);
    this.exporters = new Exporters(registry, store, config.extensions());
    try {
      this.pipelines = Pipelines.build(config, exporters, scheduler, new MicrometerCounters(registry));
      this.receivers = new Receivers(config, pipelines, endpoints, registry, servers);
    } catch (RuntimeException e) {
      exporters.close();
      scheduler.close();
      throw e;
    }
  }

  /** Prometheus in a traces pipeline serves span metrics (RED), which the span-metrics component computes. */
  private static void logMetricsOnlyExporters(CollectorConfig config) {
    config.service().pipelines().forEach((pipeline, settings) -> {
      for (ComponentId id : settings.exporters()) {
        if (config.exporters().get(id) instanceof PrometheusExporterConfig prometheus) {
          log.info("pipeline {}: exporter {} ({}) takes no spans; span metrics are served by the span-metrics component",
              pipeline, id, prometheus.endpoint());
        }
      }
    });
  }

  public Receivers receivers() {
    return receivers;
  }

  /** Call once the receivers' listeners have stopped: held spans flow on, exporters drain and close. */
  @Override
  public void close() {
    receivers.close();
    pipelines.shutdown();
    exporters.close();
    scheduler.close();
  }
}
