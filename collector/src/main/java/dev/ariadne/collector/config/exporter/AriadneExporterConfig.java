package dev.ariadne.collector.config.exporter;

import dev.ariadne.collector.config.ComponentFactory;
import dev.ariadne.collector.config.ConfigNode;
import dev.ariadne.collector.config.ExporterConfig;

/**
 * The {@code ariadne} exporter: hands spans to Ariadne's own store, the one the server's storage flags
 * configure. It takes no keys: the store's settings are the server's, and a store append that returns
 * has made the spans durable, so there is nothing to queue or retry.
 */
public record AriadneExporterConfig() implements ExporterConfig {
  public static final ComponentFactory<AriadneExporterConfig> FACTORY = new ComponentFactory<>("ariadne", node -> new AriadneExporterConfig());
}
