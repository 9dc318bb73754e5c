package dev.ariadne.collector.processor;

import static dev.ariadne.collector.TestSpans.span;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ariadne.collector.ManualScheduler;
import dev.ariadne.collector.Processor;
import dev.ariadne.collector.RecordingConsumer;
import dev.ariadne.collector.RecordingCounters;
import dev.ariadne.collector.config.ConfigException;
import dev.ariadne.model.Attributes;
import dev.ariadne.model.InstrumentationScope;
import dev.ariadne.model.Span;
import dev.ariadne.model.SpanKind;
import java.util.List;
import org.junit.jupiter.api.Test;

class AttributesProcessorTest {
  private final RecordingConsumer next = new RecordingConsumer();

  private Processor attributes(String yaml) {
    return Processors.build("attributes:\n" + yaml.indent(2), next, new ManualScheduler(), new RecordingCounters());
  }

  /** The attributes of the one span passed on after {@code yaml}'s actions ran on a span with {@code before}. */
  private Attributes after(String yaml, Attributes before) {
    attributes(yaml).consume(List.of(span(1, "GET /").attributes(before).build()));
    return next.spans().getLast().attributes();
  }

  @Test
  void insertAddsOnlyWhenAbsent() {
    String yaml = "actions:\n  - {key: env, value: prod, action: insert}";
    assertEquals(Attributes.of("a", 1L, "env", "prod"), after(yaml, Attributes.of("a", 1L)));
    assertEquals(Attributes.of("env", "dev"), after(yaml, Attributes.of("env", "dev")));
  }

  @Test
  void updateChangesOnlyWhenPresentAndUpsertDoesBoth() {
    String update = "actions:\n  - {key: env, value: prod, action: update}";
    assertEquals(Attributes.of("a", 1L), after(update, Attributes.of("a", 1L)));
    assertEquals(Attributes.of("env", "prod"), after(update, Attributes.of("env", "dev")));
    String upsert = "actions:\n  - {key: env, value: prod, action: upsert}";
    assertEquals(Attributes.of("a", 1L, "env", "prod"), after(upsert, Attributes.of("a", 1L)));
    assertEquals(Attributes.of("env", "prod"), after(upsert, Attributes.of("env", "dev")));
  }

  @Test
  void valuesKeepTheirYamlType() {
    String yaml = """
        actions:
          - {key: port, value: 8080, action: insert}
          - {key: ratio, value: 0.5, action: insert}
          - {key: flag, value: true, action: insert}
          - {key: quoted, value: "8080", action: insert}""";
    assertEquals(Attributes.of("port", 8080L, "ratio", 0.5, "flag", true, "quoted", "8080"), after(yaml, Attributes.EMPTY));
  }

  @Test
  void fromAttributeCopiesAnotherValue() {
    String yaml = "actions:\n  - {key: route, from_attribute: http.target, action: upsert}";
    assertEquals(Attributes.of("http.target", "/a", "route", "/a"), after(yaml, Attributes.of("http.target", "/a")));
    assertEquals(Attributes.of("x", 1L), after(yaml, Attributes.of("x", 1L)));
  }

  @Test
  void deleteByKeyAndPattern() {
    String yaml = "actions:\n  - {key: password, action: delete}\n  - {pattern: ^secret\\., action: delete}";
    assertEquals(Attributes.of("keep", 1L),
        after(yaml, Attributes.of("password", "x", "secret.a", "y", "keep", 1L, "secret.b", "z")));
  }

  @Test
  void hashIsSha1HexOfTheValueAsTheCollectorHashesIt() {
    String yaml = "actions:\n  - {key: user.email, action: hash}\n  - {pattern: ^n\\., action: hash}";
    assertEquals(Attributes.of("user.email", "fc2398a73dd54d6237c4fdb58fd7d75347cf5af3",
            "n.int", "0fa4ec0a84ae2770ff9eafdf3d9b12297e24d7e7", "n.bool", "bf8b4530d8d246dd74ac53a13471bba17941dff7"),
        after(yaml, Attributes.of("user.email", "alice@example.com", "n.int", 200L, "n.bool", true)));
  }

  @Test
  void extractUpsertsNamedGroups() {
    String yaml = "actions:\n  - key: http.url\n    pattern: ^/api/(?P<version>v\\d+)/(?P<resource>\\w+)\n    action: extract";
    assertEquals(Attributes.of("http.url", "/api/v2/orders/7", "version", "v2", "resource", "orders"),
        after(yaml, Attributes.of("http.url", "/api/v2/orders/7")));
    assertEquals(Attributes.of("http.url", "/health"), after(yaml, Attributes.of("http.url", "/health")));
  }

  @Test
  void convertChangesTypesAndLeavesWhatDoesNotConvert() {
    String yaml = """
        actions:
          - {key: a, action: convert, converted_type: int}
          - {key: b, action: convert, converted_type: double}
          - {key: c, action: convert, converted_type: string}
          - {key: d, action: convert, converted_type: int}""";
    assertEquals(Attributes.of("a", 42L, "b", 1.0, "c", "3.5", "d", "not a number"),
        after(yaml, Attributes.of("a", "42", "b", 1L, "c", 3.5, "d", "not a number")));
  }

  @Test
  void unchangedSpansAreTheSameObjects() {
    Span span = span(1, "x").build();
    attributes("actions:\n  - {key: absent, action: delete}").consume(List.of(span));
    assertSame(span, next.spans().getFirst());
  }

  @Test
  void includeAndExcludeSelectSpans() {
    Processor processor = attributes("""
        include:
          match_type: strict
          services: [shop]
          span_kinds: [SPAN_KIND_SERVER]
        exclude:
          match_type: regexp
          span_names: ["^GET /health"]
        actions:
          - {key: tagged, value: true, action: insert}""");
    processor.consume(List.of(
        span(1, "GET /orders").kind(SpanKind.SERVER).build(),
        span(2, "GET /healthz").kind(SpanKind.SERVER).build(),
        span(3, "GET /orders").kind(SpanKind.CLIENT).build()));
    List<Boolean> tagged = next.spans().stream().map(s -> s.attributes().get("tagged") != null).toList();
    assertEquals(List.of(true, false, false), tagged);
  }

  @Test
  void includeByAttributesResourcesAndLibraries() {
    Processor processor = attributes("""
        include:
          match_type: strict
          attributes: [{key: http.status_code, value: 500}]
          resources: [{key: service.name}]
          libraries: [{name: io.opentelemetry.jdbc}]
        actions:
          - {key: tagged, value: true, action: insert}""");
    InstrumentationScope jdbc = InstrumentationScope.of("io.opentelemetry.jdbc", "2.0");
    processor.consume(List.of(
        span(1, "a").scope(jdbc).attributes(Attributes.of("http.status_code", 500L)).build(),
        span(2, "b").scope(jdbc).attributes(Attributes.of("http.status_code", 200L)).build(),
        span(3, "c").attributes(Attributes.of("http.status_code", 500L)).build()));
    List<Boolean> tagged = next.spans().stream().map(s -> s.attributes().get("tagged") != null).toList();
    assertEquals(List.of(true, false, false), tagged);
  }

  @Test
  void actionsAreCheckedWhenLoaded() {
    assertEquals("processors.attributes.actions[0]",
        assertThrows(ConfigException.class, () -> attributes("actions:\n  - {key: a, action: insert}")).path());
    ConfigException extract = assertThrows(ConfigException.class,
        () -> attributes("actions:\n  - {key: a, pattern: \"[a-z]+\", action: extract}"));
    assertTrue(extract.getMessage().contains("named groups"), extract.getMessage());
    ConfigException unknown = assertThrows(ConfigException.class, () -> attributes("actions:\n  - {key: a, action: rename}"));
    assertEquals("processors.attributes.actions[0].action", unknown.path());
    ConfigException matchType = assertThrows(ConfigException.class,
        () -> attributes("include:\n  services: [a]\nactions:\n  - {key: a, action: delete}"));
    assertEquals("processors.attributes.include.match_type", matchType.path());
  }
}
