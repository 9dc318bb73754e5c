package dev.ariadne.collector.config;

import dev.ariadne.collector.pipeline.BuiltInComponents;
import java.util.Map;

/** Loads test configurations with the built-in components and a fixed environment. */
public final class Yaml {
  private Yaml() {}

  public static CollectorConfig load(String yaml) {
    return load(yaml, Map.of());
  }

  public static CollectorConfig load(String yaml, Map<String, String> env) {
    return loader(env).load(yaml);
  }

  public static ConfigLoader loader(Map<String, String> env) {
    return new ConfigLoader(BuiltInComponents.all(), env::get);
  }

  /** A configuration with one traces pipeline, otlp in and debug out, and {@code processors} (YAML under processors:) in it. */
  public static String withProcessors(String processorsYaml, String pipelineProcessors) {
    return """
        receivers:
          otlp:
            protocols:
              grpc:
        processors:
        %s
        exporters:
          debug:
        service:
          pipelines:
            traces:
              receivers: [otlp]
              processors: [%s]
              exporters: [debug]
        """.formatted(processorsYaml.indent(2).stripTrailing(), pipelineProcessors);
  }
}
