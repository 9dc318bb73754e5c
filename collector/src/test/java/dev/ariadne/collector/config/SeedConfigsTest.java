package dev.ariadne.collector.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ariadne.collector.config.exporter.DebugExporterConfig;
import dev.ariadne.collector.config.exporter.JaegerExporterConfig;
import dev.ariadne.collector.config.extension.PprofConfig;
import dev.ariadne.collector.config.receiver.JaegerReceiverConfig;
import dev.ariadne.collector.config.receiver.OtlpReceiverConfig;
import dev.ariadne.collector.processor.batch.BatchConfig;
import dev.ariadne.collector.processor.memorylimiter.MemoryLimiterConfig;
import dev.ariadne.collector.processor.tailsampling.TailSamplingConfig;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The Collector configurations found in the seed documents, copied as written, each loaded. */
class SeedConfigsTest {

  private static CollectorConfig seed(String name) throws IOException {
    try (InputStream in = SeedConfigsTest.class.getResourceAsStream("/seeds/" + name)) {
      return Yaml.load(new String(in.readAllBytes(), StandardCharsets.UTF_8), Map.of());
    }
  }

  private static <T> T component(Map<ComponentId, ?> section, String id, Class<T> type) {
    return type.cast(section.get(ComponentId.parse(id)));
  }

  @Test
  void tailSamplingToJaeger() throws IOException {
    CollectorConfig config = seed("000-tail-sampling-jaeger.yaml");
    OtlpReceiverConfig otlp = component(config.receivers(), "otlp", OtlpReceiverConfig.class);
    assertEquals("0.0.0.0:4317", otlp.grpc().orElseThrow().endpoint());
    assertEquals("0.0.0.0:4318", otlp.http().orElseThrow().endpoint());
    assertEquals(new BatchConfig(Duration.ofMillis(200), 8192, 0), component(config.processors(), "batch", BatchConfig.class));
    TailSamplingConfig tail = component(config.processors(), "tail_sampling", TailSamplingConfig.class);
    assertEquals(Duration.ofSeconds(10), tail.decisionWait());
    assertEquals(100, tail.numTraces());
    assertEquals(List.of("error-policy", "probability-policy"), tail.policies().stream().map(p -> p.name()).toList());
    JaegerExporterConfig jaeger = component(config.exporters(), "jaeger", JaegerExporterConfig.class);
    assertEquals("jaeger-collector.observability:14250", jaeger.endpoint());
    assertTrue(jaeger.settings().tls().insecure());
    assertEquals("none", jaeger.settings().compression());
    assertEquals(List.of(), config.warnings());
  }

  @Test
  void allReceiversToJaegerAndLogging() throws IOException {
    CollectorConfig config = seed("001-all-receivers-jaeger-logging.yaml");
    assertEquals(3, config.receivers().size());
    JaegerReceiverConfig jaeger = component(config.receivers(), "jaeger", JaegerReceiverConfig.class);
    assertEquals("0.0.0.0:14268", jaeger.thriftHttp().orElseThrow().endpoint());
    assertTrue(jaeger.grpc().isEmpty());
    MemoryLimiterConfig limiter = component(config.processors(), "memory_limiter", MemoryLimiterConfig.class);
    assertEquals(1000, limiter.limitMib());
    assertEquals(200, limiter.spikeLimitMib());
    assertEquals("detailed", component(config.exporters(), "logging", DebugExporterConfig.class).verbosity());
    assertEquals("localhost:1777", component(config.extensions(), "pprof", PprofConfig.class).endpoint());
    assertEquals(3, config.service().extensions().size());
    assertEquals(List.of("exporters.logging: the logging exporter is deprecated; use debug"), config.warnings());
  }

  @Test
  void batchToOtlp() throws IOException {
    CollectorConfig config = seed("002-batch-otlp.yaml");
    assertEquals(new BatchConfig(Duration.ofSeconds(1), 1024, 0), component(config.processors(), "batch", BatchConfig.class));
    assertTrue(component(config.receivers(), "otlp", OtlpReceiverConfig.class).http().isEmpty());
    assertEquals(List.of(), config.warnings());
  }

  @Test
  void tailSamplingToOtlpAndPrometheusLoadsAsWritten() throws IOException {
    CollectorConfig config = seed("002-tail-sampling-otlp-prometheus.yaml");
    MemoryLimiterConfig limiter = component(config.processors(), "memory_limiter", MemoryLimiterConfig.class);
    assertEquals(512 / 5, limiter.spikeLimitMib());
    TailSamplingConfig tail = component(config.processors(), "tail_sampling", TailSamplingConfig.class);
    assertEquals(Duration.ofSeconds(30), tail.decisionWait());
    assertEquals(50_000, tail.numTraces());
    assertEquals(List.of(), config.warnings(), "prometheus in a traces pipeline serves span metrics");
  }
}
