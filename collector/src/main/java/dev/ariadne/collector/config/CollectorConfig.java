package dev.ariadne.collector.config;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A loaded, checked Collector configuration: every component by id with its typed configuration (maps
 * in file order), the service section, and the warnings loading produced (deprecated names, unset
 * environment variables, ignored pipelines).
 */
public record CollectorConfig(
    Map<ComponentId, ReceiverConfig> receivers,
    Map<ComponentId, ProcessorConfig> processors,
    Map<ComponentId, ExporterConfig> exporters,
    Map<ComponentId, ExtensionConfig> extensions,
    ServiceConfig service,
    List<String> warnings) {

  public CollectorConfig {
    receivers = frozen(receivers);
    processors = frozen(processors);
    exporters = frozen(exporters);
    extensions = frozen(extensions);
    warnings = List.copyOf(warnings);
  }

  private static <V> Map<ComponentId, V> frozen(Map<ComponentId, V> map) {
    return Collections.unmodifiableMap(new LinkedHashMap<>(map));
  }
}
