package dev.ariadne.collector.config.extension;

import dev.ariadne.collector.config.ComponentFactory;
import dev.ariadne.collector.config.ExtensionConfig;

/** The {@code health_check} extension: an HTTP endpoint answering whether the collector is up. */
public record HealthCheckConfig(String endpoint, String path) implements ExtensionConfig {
  public static final ComponentFactory<HealthCheckConfig> FACTORY = new ComponentFactory<>("health_check",
      node -> new HealthCheckConfig(node.string("endpoint", "0.0.0.0:13133"), node.string("path", "/")));
}
