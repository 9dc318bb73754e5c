package dev.ariadne.collector.processor;

import static dev.ariadne.collector.TestSpans.span;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ariadne.collector.ManualScheduler;
import dev.ariadne.collector.Processor;
import dev.ariadne.collector.RecordingConsumer;
import dev.ariadne.collector.RecordingCounters;
import dev.ariadne.collector.config.ConfigException;
import dev.ariadne.model.Attributes;
import dev.ariadne.model.Resource;
import dev.ariadne.model.Span;
import dev.ariadne.model.SpanKind;
import dev.ariadne.model.StatusCode;
import java.util.List;
import org.junit.jupiter.api.Test;

class FilterProcessorTest {
  private final RecordingConsumer next = new RecordingConsumer();
  private final RecordingCounters counters = new RecordingCounters();

  private static final List<Span> SPANS = List.of(
      span(1, "GET /health").kind(SpanKind.SERVER).attributes(Attributes.of("http.route", "/health", "http.status_code", 200L)).build(),
      span(2, "GET /orders").kind(SpanKind.SERVER).attributes(Attributes.of("http.route", "/orders", "http.status_code", 500L))
          .status(StatusCode.ERROR, "boom").build(),
      span(3, "compute").kind(SpanKind.INTERNAL).build(),
      span(4, "SELECT").kind(SpanKind.CLIENT).resource(Resource.of(Attributes.of("service.name", "db-proxy")))
          .attributes(Attributes.of("retry", true, "ratio", 0.25)).build());

  /** The names of the spans that pass a filter with these conditions. */
  private List<String> passing(String... conditions) {
    StringBuilder yaml = new StringBuilder("filter:\n  error_mode: ignore\n  traces:\n    span:\n");
    for (String condition : conditions) yaml.append("      - '").append(condition).append("'\n");
    Processor filter = Processors.build(yaml.toString().stripTrailing(), next, new ManualScheduler(), counters);
    filter.consume(SPANS);
    return next.names();
  }

  @Test
  void attributeEquality() {
    assertEquals(List.of("GET /orders", "compute", "SELECT"), passing("attributes[\"http.route\"] == \"/health\""));
    assertEquals(1, counters.get("otelcol_processor_filter_spans_filtered"));
    assertEquals(4, counters.get("otelcol_processor_incoming_items", "otel.signal", "traces"));
    assertEquals(3, counters.get("otelcol_processor_outgoing_items", "otel.signal", "traces"));
  }

  @Test
  void nameKindAndStatus() {
    assertEquals(List.of("GET /health", "GET /orders", "SELECT"), passing("name == \"compute\""));
    next.batches.clear();
    assertEquals(List.of("GET /health", "GET /orders", "SELECT"), passing("kind == SPAN_KIND_INTERNAL"));
    next.batches.clear();
    assertEquals(List.of("GET /health", "GET /orders", "SELECT"), passing("kind.string == \"Internal\""));
    next.batches.clear();
    assertEquals(List.of("GET /health", "compute", "SELECT"), passing("status.code == STATUS_CODE_ERROR"));
  }

  @Test
  void resourceAttributes() {
    assertEquals(List.of("GET /health", "GET /orders", "compute"), passing("resource.attributes[\"service.name\"] == \"db-proxy\""));
  }

  @Test
  void anyConditionDrops() {
    assertEquals(List.of("GET /orders"), passing("name == \"compute\"", "kind != SPAN_KIND_SERVER", "attributes[\"http.route\"] == \"/health\""));
  }

  @Test
  void andOrNotAndParentheses() {
    assertEquals(List.of("GET /health", "compute", "SELECT"),
        passing("kind == SPAN_KIND_SERVER and not (attributes[\"http.status_code\"] < 400 or name == \"x\")"));
  }

  @Test
  void numbersCompareAcrossTypesAndOtherTypesNeverEqual() {
    assertEquals(List.of("GET /health", "GET /orders", "compute"), passing("attributes[\"ratio\"] < 1"));
    next.batches.clear();
    assertEquals(List.of("GET /health", "GET /orders", "compute", "SELECT"), passing("attributes[\"http.status_code\"] == \"500\""));
    next.batches.clear();
    assertEquals(List.of("GET /health", "GET /orders", "compute"), passing("attributes[\"retry\"] == true"));
  }

  @Test
  void nilIsAnAbsentAttribute() {
    assertEquals(List.of("GET /health", "GET /orders"), passing("attributes[\"http.route\"] == nil"));
  }

  @Test
  void isMatchFindsARegexInText() {
    assertEquals(List.of("compute", "SELECT"), passing("IsMatch(name, \"^GET /\")"));
    next.batches.clear();
    assertEquals(List.of("GET /health", "compute", "SELECT"), passing("IsMatch(attributes[\"http.status_code\"], \"5..\")"));
  }

  @Test
  void expressionsOutsideTheSubsetAreConfigErrorsNamingThem() {
    ConfigException function = assertThrows(ConfigException.class, () -> passing("IsString(name)"));
    assertEquals("processors.filter.traces.span[0]", function.path());
    assertTrue(function.getMessage().contains("function IsString is not supported; supported: IsMatch"), function.getMessage());
    ConfigException path = assertThrows(ConfigException.class, () -> passing("span.name == \"x\""));
    assertTrue(path.getMessage().contains("path span.name is not supported"), path.getMessage());
    ConfigException syntax = assertThrows(ConfigException.class, () -> passing("name == "));
    assertTrue(syntax.getMessage().contains("unexpected the end at position 8"), syntax.getMessage());
    ConfigException events = assertThrows(ConfigException.class,
        () -> Processors.build("filter:\n  traces:\n    spanevent: ['name == \"x\"']", next, new ManualScheduler(), counters));
    assertEquals("processors.filter.traces.spanevent", events.path());
  }
}
