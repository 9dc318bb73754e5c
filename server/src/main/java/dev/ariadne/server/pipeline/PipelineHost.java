package dev.ariadne.server.pipeline;

import dev.ariadne.collector.ExecutorScheduler;
import dev.ariadne.collector.config.CollectorConfig;
import dev.ariadne.collector.pipeline.Pipelines;
import dev.ariadne.server.exporter.Exporters;
import dev.ariadne.store.SpanStore;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.SequencedMap;
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

  public Receivers receivers() {
    return receivers;
  }

  /** Exporters with a listener of their own (prometheus), by id, with their ports. */
  public SequencedMap<String, Integer> exporterPorts() {
    return exporters.ports();
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
