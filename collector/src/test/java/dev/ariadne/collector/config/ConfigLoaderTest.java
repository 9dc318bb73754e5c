package dev.ariadne.collector.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ariadne.collector.config.exporter.DebugExporterConfig;
import dev.ariadne.collector.config.exporter.OtlpExporterConfig;
import dev.ariadne.collector.processor.batch.BatchConfig;
import dev.ariadne.collector.processor.memorylimiter.MemoryLimiterConfig;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ConfigLoaderTest {

  private static ConfigException error(String yaml) {
    return assertThrows(ConfigException.class, () -> Yaml.load(yaml));
  }

  @Test
  void misspeltKeyIsReportedWithPathSuggestionAndLine() {
    ConfigException e = error(Yaml.withProcessors("""
        batch:
          timout: 5s""", "batch"));
    assertEquals("processors.batch.timout", e.path());
    assertEquals(7, e.line());
    assertEquals("processors.batch.timout: unknown key (did you mean timeout?) (line 7)", e.getMessage());
  }

  @Test
  void unknownKeyDeepInsideAReceiverIsReported() {
    ConfigException e = error(Yaml.withProcessors("batch:", "batch")
        .replace("      grpc:\n", "      grpc:\n        endpoint: 0.0.0.0:4317\n        max_recv_msg_size: 8\n"));
    assertEquals("receivers.otlp.protocols.grpc.max_recv_msg_size", e.path());
    assertTrue(e.getMessage().contains("did you mean max_recv_msg_size_mib?"), e.getMessage());
  }

  @Test
  void unknownTopLevelKeyIsReported() {
    ConfigException e = error(Yaml.withProcessors("batch:", "batch") + "exporter:\n  debug:\n");
    assertEquals("exporter", e.path());
    assertTrue(e.getMessage().contains("did you mean exporters?"), e.getMessage());
  }

  @Test
  void unknownComponentTypeNamesTheSupportedOnes() {
    ConfigException e = error(Yaml.withProcessors("batchh:", "batchh"));
    assertEquals("processors.batchh", e.path());
    assertTrue(e.getMessage().startsWith("processors.batchh: unknown processor type \"batchh\" (did you mean batch?); supported: attributes, batch,"),
        e.getMessage());
  }

  @Test
  void connectorsAreRefused() {
    ConfigException e = error(Yaml.withProcessors("batch:", "batch") + "connectors:\n  spanmetrics:\n");
    assertEquals("connectors: connectors are not supported (line 15)", e.getMessage());
  }

  @Test
  void namedInstancesAreDistinctComponents() {
    CollectorConfig config = Yaml.load("""
        receivers:
          otlp:
            protocols: {grpc: }
          otlp/2:
            protocols: {http: }
        processors:
          batch:
          batch/big:
            send_batch_size: 10000
        exporters:
          otlp/tempo:
            endpoint: tempo:4317
          otlp/jaeger:
            endpoint: jaeger:4317
            timeout: 1m30s
        service:
          pipelines:
            traces:
              receivers: [otlp, otlp/2]
              processors: [batch/big]
              exporters: [otlp/tempo]
            traces/copy:
              receivers: [otlp]
              processors: [batch]
              exporters: [otlp/jaeger]
        """);
    assertEquals(List.of(new ComponentId("otlp", ""), new ComponentId("otlp", "2")), List.copyOf(config.receivers().keySet()));
    assertEquals(10000, ((BatchConfig) config.processors().get(ComponentId.parse("batch/big"))).sendBatchSize());
    assertEquals(8192, ((BatchConfig) config.processors().get(ComponentId.parse("batch"))).sendBatchSize());
    assertEquals(Duration.ofSeconds(90), ((OtlpExporterConfig) config.exporters().get(ComponentId.parse("otlp/jaeger"))).settings().timeout());
    assertEquals(List.of(PipelineId.parse("traces"), PipelineId.parse("traces/copy")), List.copyOf(config.service().pipelines().keySet()));
  }

  @Test
  void pipelineReferenceToAnUndefinedComponentIsAnError() {
    ConfigException e = error(Yaml.withProcessors("batch:", "batch, batch/2"));
    assertEquals("service.pipelines.traces.processors[1]", e.path());
    assertTrue(e.getMessage().contains("references processor \"batch/2\", which is not defined in processors"), e.getMessage());
  }

  @Test
  void processorListedTwiceInAPipelineIsAnError() {
    ConfigException e = error(Yaml.withProcessors("batch:", "batch, batch"));
    assertTrue(e.getMessage().contains("processor \"batch\" is listed twice"), e.getMessage());
  }

  @Test
  void pipelineWithoutExportersIsAnError() {
    ConfigException e = error("""
        receivers:
          otlp:
            protocols: {grpc: }
        service:
          pipelines:
            traces:
              receivers: [otlp]
        """);
    assertEquals("service.pipelines.traces.exporters", e.path());
  }

  @Test
  void unusedComponentsAreFine() {
    CollectorConfig config = Yaml.load(Yaml.withProcessors("batch:\nfilter:\n  traces:\n    span: ['name == \"x\"']", "batch"));
    assertTrue(config.processors().containsKey(ComponentId.parse("filter")));
  }

  @Test
  void metricsAndLogsPipelinesAreCheckedThenIgnoredWithAWarning() {
    String yaml = Yaml.withProcessors("batch:", "batch") + """
            metrics:
              receivers: [otlp]
              exporters: [debug]
        """;
    CollectorConfig config = Yaml.load(yaml);
    assertEquals(List.of(PipelineId.parse("metrics")), config.service().ignoredPipelines());
    assertEquals(1, config.service().pipelines().size());
    assertTrue(config.warnings().contains("service.pipelines.metrics: only traces pipelines run here; this pipeline is ignored"),
        config.warnings().toString());
  }

  @Test
  void environmentIsExpandedBeforeValuesAreTyped() {
    CollectorConfig config = Yaml.load(Yaml.withProcessors("""
        memory_limiter:
          check_interval: ${env:CHECK}
          limit_mib: ${LIMIT}
          spike_limit_mib: ${env:SPIKE:-100}""", "memory_limiter"), Map.of("CHECK", "2s", "LIMIT", "400"));
    MemoryLimiterConfig limiter = (MemoryLimiterConfig) config.processors().get(ComponentId.parse("memory_limiter"));
    assertEquals(Duration.ofSeconds(2), limiter.checkInterval());
    assertEquals(400, limiter.limitMib());
    assertEquals(100, limiter.spikeLimitMib());
  }

  @Test
  void anUnsetVariableIsReportedAtItsPath() {
    CollectorConfig config = Yaml.load(Yaml.withProcessors("batch:", "batch")
        .replace("  debug:\n", "  otlp:\n    endpoint: ${env:TEMPO_HOST}:4317\n  debug:\n"));
    // Once, though the required endpoint is read twice (set? then its value).
    assertEquals(List.of("exporters.otlp.endpoint: environment variable TEMPO_HOST is not set; it expands to \"\""),
        config.warnings());
  }

  @Test
  void wronglyTypedValueNamesItsPath() {
    ConfigException e = error(Yaml.withProcessors("batch:\n  send_batch_size: lots", "batch"));
    assertEquals("processors.batch.send_batch_size: expected an integer, got \"lots\" (line 7)", e.getMessage());
    ConfigException duration = error(Yaml.withProcessors("batch:\n  timeout: 5", "batch"));
    assertTrue(duration.getMessage().startsWith("processors.batch.timeout: missing unit"), duration.getMessage());
  }

  @Test
  void loggingIsADeprecatedAliasOfDebug() {
    CollectorConfig config = Yaml.load(Yaml.withProcessors("batch:", "batch").replace("  debug:", "  logging:\n    loglevel: debug")
        .replace("exporters: [debug]", "exporters: [logging]"));
    DebugExporterConfig logging = (DebugExporterConfig) config.exporters().get(ComponentId.parse("logging"));
    assertEquals(new DebugExporterConfig("detailed", 2, 500), logging);
    assertTrue(config.warnings().contains("exporters.logging: the logging exporter is deprecated; use debug"), config.warnings().toString());
  }

  @Test
  void telemetryIsRead() {
    CollectorConfig config = Yaml.load(Yaml.withProcessors("batch:", "batch") + """
          telemetry:
            metrics:
              address: 0.0.0.0:9999
              level: detailed
            logs:
              level: debug
        """);
    assertEquals(new TelemetryConfig("0.0.0.0:9999", "detailed", "debug"), config.service().telemetry());
    ConfigException e = error(Yaml.withProcessors("batch:", "batch") + "  telemetry:\n    logs:\n      level: loud\n");
    assertEquals("service.telemetry.logs.level", e.path());
  }

  @Test
  void extensionsInTheServiceMustBeDefined() {
    ConfigException e = error(Yaml.withProcessors("batch:", "batch") + "  extensions: [zpages]\n");
    assertTrue(e.getMessage().contains("references extension \"zpages\", which is not defined in extensions"), e.getMessage());
  }

  @Test
  void duplicateKeysAndInvalidYamlAreReported() {
    ConfigException duplicate = error(Yaml.withProcessors("batch:\n  timeout: 1s\n  timeout: 2s", "batch"));
    assertEquals("processors.batch.timeout", duplicate.path());
    assertTrue(duplicate.getMessage().contains("key defined twice"));
    ConfigException invalid = error("receivers: [\n");
    assertTrue(invalid.getMessage().startsWith("invalid YAML"), invalid.getMessage());
    assertEquals("the configuration is empty", error("").getMessage());
  }

  @Test
  void missingServiceIsAnError() {
    assertEquals("service: must be set: it lists the pipelines to run", error("receivers:\n  otlp:\n    protocols: {grpc: }\n").getMessage());
  }
}
