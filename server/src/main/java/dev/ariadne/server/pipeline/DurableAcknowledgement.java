package dev.ariadne.server.pipeline;

import dev.ariadne.collector.config.CollectorConfig;
import dev.ariadne.collector.config.ComponentId;
import dev.ariadne.collector.config.PipelineConfig;
import dev.ariadne.collector.config.PipelineId;
import dev.ariadne.collector.config.ServiceConfig;
import dev.ariadne.collector.processor.batch.BatchConfig;
import dev.ariadne.collector.processor.tailsampling.TailSamplingConfig;
import dev.ariadne.server.exporter.Exporters;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Ariadne never loses a span it acknowledged. The batch processor takes spans and returns at once,
 * holding them in memory; in front of the store that would acknowledge spans a crash then loses. So in
 * a pipeline that ends in a durable exporter ({@code ariadne}), batch is a pass-through: the local
 * store's WAL already commits concurrent appends as one group before any of them returns, which is the
 * batching a store needs, and a batch that reaches the store untouched keeps its OTLP request bytes.
 * Tail sampling must hold spans until it decides, so it cannot be made safe this way: it is kept, with
 * a warning.
 */
public final class DurableAcknowledgement {
  private static final Logger log = LoggerFactory.getLogger(DurableAcknowledgement.class);

  private DurableAcknowledgement() {}

  /** {@code config} with batch taken out of every pipeline that exports to a durable exporter. */
  public static CollectorConfig apply(CollectorConfig config) {
    Map<PipelineId, PipelineConfig> pipelines = new LinkedHashMap<>();
    config.service().pipelines().forEach((id, pipeline) -> {
      boolean durable = pipeline.exporters().stream().anyMatch(e -> Exporters.durable(config.exporters().get(e)));
      if (!durable) {
        pipelines.put(id, pipeline);
        return;
      }
      List<ComponentId> kept = pipeline.processors().stream()
          .filter(p -> !(config.processors().get(p) instanceof BatchConfig)).toList();
      if (kept.size() < pipeline.processors().size()) {
        log.info("pipeline {}: batch passes spans straight on, because the pipeline exports to Ariadne's store, "
            + "whose WAL commits in groups and acknowledges only spans on disk", id);
      }
      if (kept.stream().anyMatch(p -> config.processors().get(p) instanceof TailSamplingConfig)) {
        log.warn("pipeline {}: tail_sampling holds spans in memory until it decides; spans it holds are "
            + "acknowledged and are lost if the process dies before they reach the store", id);
      }
      pipelines.put(id, new PipelineConfig(pipeline.receivers(), kept, pipeline.exporters()));
    });
    ServiceConfig service = config.service();
    return new CollectorConfig(config.receivers(), config.processors(), config.exporters(), config.extensions(),
        new ServiceConfig(service.extensions(), pipelines, service.ignoredPipelines(), service.telemetry()),
        config.warnings());
  }
}
