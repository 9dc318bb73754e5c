package dev.ariadne.collector.config;

/** An exporter's typed configuration; the server turns it into the consumer a pipeline ends in. */
public interface ExporterConfig {

  /** Whether this exporter takes spans; a metrics-only exporter in a traces pipeline gets none. */
  default boolean exportsTraces() {
    return true;
  }
}
