package dev.ariadne.collector.config;

import java.util.List;
import java.util.Map;

/**
 * The {@code service} section.
 *
 * @param extensions the extensions to start, in order
 * @param pipelines the traces pipelines, in file order: the only ones that run
 * @param ignoredPipelines metrics and logs pipelines: checked (their components must exist) and not run
 */
public record ServiceConfig(
    List<ComponentId> extensions,
    Map<PipelineId, PipelineConfig> pipelines,
    List<PipelineId> ignoredPipelines,
    TelemetryConfig telemetry) {

  public ServiceConfig {
    extensions = List.copyOf(extensions);
    pipelines = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(pipelines));
    ignoredPipelines = List.copyOf(ignoredPipelines);
  }
}
