package dev.ariadne.collector.pipeline;

import static dev.ariadne.collector.TestSpans.span;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.ariadne.collector.ManualScheduler;
import dev.ariadne.collector.RecordingConsumer;
import dev.ariadne.collector.RecordingCounters;
import dev.ariadne.collector.RefusedException;
import dev.ariadne.collector.TracesConsumer;
import dev.ariadne.collector.config.CollectorConfig;
import dev.ariadne.collector.config.ComponentId;
import dev.ariadne.collector.config.ExporterConfig;
import dev.ariadne.collector.config.Yaml;
import dev.ariadne.model.Attributes;
import dev.ariadne.model.Span;
import dev.ariadne.model.StatusCode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PipelinesTest {
  private final ManualScheduler scheduler = new ManualScheduler();
  private final Map<String, RecordingConsumer> exporters = new LinkedHashMap<>();
  private final List<String> created = new ArrayList<>();

  /** Builds the pipelines of a test resource, e.g. {@code pipelines/fan-out.yaml}. */
  private Pipelines build(String resource) throws IOException {
    try (InputStream in = PipelinesTest.class.getResourceAsStream("/" + resource)) {
      CollectorConfig config = Yaml.load(new String(in.readAllBytes(), StandardCharsets.UTF_8));
      return Pipelines.build(config, this::exporter, scheduler, new RecordingCounters());
    }
  }

  private RecordingConsumer exporter(ComponentId id, ExporterConfig config) {
    created.add(id.toString());
    return exporters.computeIfAbsent(id.toString(), key -> new RecordingConsumer());
  }

  private static final Span HEALTH = span(1, "GET /health").attributes(Attributes.of("http.route", "/health")).build();
  private static final Span ORDERS = span(2, "GET /orders").attributes(Attributes.of("http.route", "/orders")).build();

  @Test
  void aReceiverFeedsEveryPipelineThatListsItAndPipelinesFanOutToTheirExporters() throws IOException {
    Pipelines pipelines = build("pipelines/fan-out.yaml");
    assertEquals(List.of("otlp", "zipkin"), pipelines.receivers().stream().map(ComponentId::toString).toList());
    pipelines.consumerFor(ComponentId.parse("otlp")).consume(List.of(HEALTH, ORDERS));
    pipelines.consumerFor(ComponentId.parse("zipkin")).consume(List.of(ORDERS));

    RecordingConsumer store = exporters.get("ariadne");
    assertEquals(List.of("GET /health", "GET /orders", "GET /orders"), store.names());
    assertEquals("stored", store.spans().getFirst().attributes().get("pipeline"));
    assertEquals(store.spans(), exporters.get("otlp/tempo").spans());
    RecordingConsumer debug = exporters.get("debug");
    assertEquals(List.of("GET /orders"), debug.names());
    assertSame(ORDERS, debug.spans().getFirst());
  }

  @Test
  void exportersAreMadeOnceEachPrometheusIncluded() throws IOException {
    build("pipelines/fan-out.yaml");
    assertEquals(List.of("ariadne", "otlp/tempo", "prometheus", "debug"), created);
  }

  @Test
  void aReceiverOutsideEveryTracesPipelineHasNoConsumer() throws IOException {
    Pipelines pipelines = build("pipelines/fan-out.yaml");
    assertThrows(IllegalArgumentException.class, () -> pipelines.consumerFor(ComponentId.parse("jaeger")));
  }

  @Test
  void aRefusingExporterFailsTheBatchAfterTheOthersTookIt() throws IOException {
    Pipelines pipelines = build("pipelines/fan-out.yaml");
    exporters.get("ariadne").failure = new RefusedException("store full", Duration.ofSeconds(1));
    RefusedException e = assertThrows(RefusedException.class,
        () -> pipelines.consumerFor(ComponentId.parse("otlp")).consume(List.of(ORDERS)));
    assertEquals("store full", e.getMessage());
    assertEquals(List.of("GET /orders"), exporters.get("otlp/tempo").names());
    assertEquals(List.of("GET /orders"), exporters.get("debug").names());
  }

  @Test
  void pipelinesShareOneMemoryLimiterButBatchOnTheirOwn() throws IOException {
    Pipelines pipelines = build("pipelines/shared-limiter.yaml");
    assertEquals(1, scheduler.pending(), "one memory limiter timer");
    pipelines.consumerFor(ComponentId.parse("otlp")).consume(List.of(ORDERS));
    assertEquals(3, scheduler.pending(), "and a batch timer per pipeline");
    scheduler.advance(Duration.ofSeconds(5));
    assertEquals(List.of("GET /orders"), exporters.get("ariadne").names());
    assertEquals(List.of("GET /orders"), exporters.get("otlphttp").names());
  }

  @Test
  void aSeedConfigurationBatchesThenTailSamples() throws IOException {
    // batch (200ms) → tail_sampling (decision_wait 10s: errors, or 10% by hash) → jaeger.
    Pipelines pipelines = build("seeds/000-tail-sampling-jaeger.yaml");
    TracesConsumer otlp = pipelines.consumerFor(ComponentId.parse("otlp"));
    otlp.consume(List.of(span(1, "checkout").status(StatusCode.ERROR, "declined").build(), span(2, "browse").build()));
    scheduler.advance(Duration.ofMillis(200));
    otlp.consume(List.of(span(1, "charge").build()));
    scheduler.advance(Duration.ofSeconds(10));
    assertEquals(List.of(), exporters.get("jaeger").names(), "decided at the first one-second tick after decision_wait");
    scheduler.advance(Duration.ofSeconds(1));
    // Trace 2's FNV-1a hash is about 0.85 of 2^64: outside the 10%.
    assertEquals(List.of("checkout", "charge"), exporters.get("jaeger").names());
  }

  @Test
  void shutdownFlushesHeldSpansAndStopsTimers() throws IOException {
    Pipelines pipelines = build("pipelines/shared-limiter.yaml");
    pipelines.consumerFor(ComponentId.parse("otlp")).consume(List.of(HEALTH));
    pipelines.shutdown();
    assertEquals(List.of("GET /health"), exporters.get("ariadne").names());
    assertEquals(List.of("GET /health"), exporters.get("otlphttp").names());
    assertEquals(0, scheduler.pending());
  }
}
