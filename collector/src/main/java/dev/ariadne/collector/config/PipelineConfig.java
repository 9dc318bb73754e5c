package dev.ariadne.collector.config;

import java.util.List;

/** One pipeline of {@code service.pipelines}: its receivers, its processors in order, its exporters. */
public record PipelineConfig(List<ComponentId> receivers, List<ComponentId> processors, List<ComponentId> exporters) {

  public PipelineConfig {
    receivers = List.copyOf(receivers);
    processors = List.copyOf(processors);
    exporters = List.copyOf(exporters);
  }
}
