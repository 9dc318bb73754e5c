package dev.ariadne.collector.config;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.ariadne.collector.config.exporter.AriadneExporterConfig;
import dev.ariadne.collector.processor.batch.BatchConfig;
import dev.ariadne.collector.processor.memorylimiter.MemoryLimiterConfig;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DefaultConfigTest {

  @Test
  void builtInConfigurationIsAllInOne() {
    CollectorConfig config = Yaml.loader(Map.of()).loadDefault();
    PipelineConfig traces = config.service().pipelines().get(PipelineId.parse("traces"));
    assertEquals(List.of("otlp", "zipkin", "jaeger"), traces.receivers().stream().map(ComponentId::toString).toList());
    assertEquals(List.of("memory_limiter", "batch"), traces.processors().stream().map(ComponentId::toString).toList());
    assertEquals(List.of("ariadne"), traces.exporters().stream().map(ComponentId::toString).toList());
    assertEquals(new AriadneExporterConfig(), config.exporters().get(ComponentId.parse("ariadne")));
    assertEquals(new BatchConfig(Duration.ofMillis(200), 8192, 0), config.processors().get(ComponentId.parse("batch")));
    MemoryLimiterConfig limiter = (MemoryLimiterConfig) config.processors().get(ComponentId.parse("memory_limiter"));
    assertEquals(80, limiter.limitPercentage());
    assertEquals(List.of(), config.warnings());
  }
}
