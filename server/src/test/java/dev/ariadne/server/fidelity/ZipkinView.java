package dev.ariadne.server.fidelity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.UnaryOperator;
import zipkin2.Annotation;
import zipkin2.Endpoint;
import zipkin2.Span;

/**
 * A span as Zipkin's API shows it, as Zipkin's own {@link Span}: {@link #expected} builds it from what the
 * store holds by the OpenTelemetry Collector's Zipkin exporter rules written out below; answers are read
 * with Zipkin's decoder. The JSON inside annotation values and {@code otlp.link.N} tags is compared with
 * sorted keys ({@link #canonical}), since the order of its keys carries no meaning.
 */
final class ZipkinView {
  private ZipkinView() {}

  static Span expected(StoredSpan s) {
    Span.Builder z = Span.newBuilder()
        // 16 hex digits when the high half is zero; link tags below keep all 32, as the Collector writes them.
        .traceId(SentTrace.shortTraceIdHex(s.traceId()))
        .id(s.spanId())
        // Zipkin lowercases names; its times are microseconds, the duration truncated from nanoseconds.
        .name(lower(s.name()))
        .timestamp(s.startNanos() / 1_000)
        .duration((s.endNanos() - s.startNanos()) / 1_000)
        .localEndpoint(Endpoint.newBuilder().serviceName(lower(s.serviceName())).build());
    if (!s.parentId().isEmpty()) z.parentId(s.parentId());
    switch (s.kind()) {
      case "SERVER" -> z.kind(Span.Kind.SERVER);
      case "CLIENT" -> z.kind(Span.Kind.CLIENT);
      case "PRODUCER" -> z.kind(Span.Kind.PRODUCER);
      case "CONSUMER" -> z.kind(Span.Kind.CONSUMER);
      case "INTERNAL" -> z.putTag("span.kind", "internal");
      default -> { }
    }
    // Resource, scope and span attributes all become string tags; peer.service is the remote endpoint.
    s.resource().forEach((key, value) -> {
      if (!key.equals("service.name")) z.putTag(key, ValueText.of(value));
    });
    if (!s.scopeName().isEmpty()) z.putTag("otel.scope.name", s.scopeName());
    if (!s.scopeVersion().isEmpty()) z.putTag("otel.scope.version", s.scopeVersion());
    s.attributes().forEach((key, value) -> {
      if (key.equals("peer.service")) z.remoteEndpoint(Endpoint.newBuilder().serviceName(lower((String) value)).build());
      else z.putTag(key, ValueText.of(value));
    });
    switch (s.status()) {
      case "ERROR" -> z.putTag("error", "true").putTag("otel.status_code", "STATUS_CODE_ERROR");
      case "OK" -> z.putTag("otel.status_code", "STATUS_CODE_OK");
      default -> { }
    }
    if (!s.statusMessage().isEmpty()) z.putTag("otel.status_description", s.statusMessage());
    for (StoredSpan.Event e : s.events()) {
      String value = e.attributes().isEmpty() ? e.name() : e.name() + "|" + ValueText.json(e.attributes()) + "|0";
      z.addAnnotation(e.epochNanos() / 1_000, value);
    }
    for (int i = 0; i < s.links().size(); i++) {
      StoredSpan.Link link = s.links().get(i);
      z.putTag("otlp.link." + i, link.traceId() + "|" + link.spanId() + "||" + ValueText.json(link.attributes()) + "|0");
    }
    return z.build();
  }

  /** The span with the JSON objects in its annotation values and link tags rewritten with sorted keys. */
  static Span canonical(Span span) {
    return rewriteJson(span, json -> json);
  }

  /**
   * The span as the receiver reads it back: JSON numbers with an integral value in annotations and link
   * tags become integers (2.0 is 2), as the Collector's receiver reads them.
   */
  static Span withIntegralNumbersAsIntegers(Span span) {
    return rewriteJson(span, json -> {
      Map<Object, Object> read = new TreeMap<>();
      json.forEach((key, value) ->
          read.put(key, value instanceof Double d && d == Math.rint(d) ? (Object) d.longValue() : value));
      return read;
    });
  }

  private static Span rewriteJson(Span span, UnaryOperator<Map<?, ?>> rewrite) {
    Span.Builder b = span.toBuilder().clearAnnotations();
    for (Annotation a : span.annotations()) b.addAnnotation(a.timestamp(), rewriteJson(a.value(), 1, rewrite));
    span.tags().forEach((key, value) -> {
      if (key.startsWith("otlp.link.")) b.putTag(key, rewriteJson(value, 3, rewrite));
    });
    return b.build();
  }

  /**
   * In "p1|…|pN|{json}|dropped" with {@code prefixParts} parts before the JSON, the JSON rewritten and
   * written with sorted keys.
   */
  private static String rewriteJson(String value, int prefixParts, UnaryOperator<Map<?, ?>> rewrite) {
    int start = -1;
    for (int i = 0; i < prefixParts; i++) {
      start = value.indexOf('|', start + 1);
      if (start < 0) return value;
    }
    int end = value.lastIndexOf('|');
    if (end <= start) return value;
    try {
      Map<?, ?> json = ValueText.JSON.readValue(value.substring(start + 1, end), Map.class);
      return value.substring(0, start + 1) + ValueText.JSON.writeValueAsString(new TreeMap<>(rewrite.apply(json)))
          + value.substring(end);
    } catch (JsonProcessingException e) {
      return value;
    }
  }

  static List<Span> sortedById(List<Span> spans) {
    return spans.stream().map(ZipkinView::canonical).sorted(Comparator.comparing(Span::id)).toList();
  }

  /** Fails naming each tag, and each other part, in which a span differs from the one expected. */
  static void assertSameSpans(String what, List<Span> expected, List<Span> actual) {
    List<Span> want = sortedById(expected);
    List<Span> got = sortedById(actual);
    assertEquals(want.stream().map(Span::id).toList(), got.stream().map(Span::id).toList(), what + ": the span ids");
    List<String> differences = new ArrayList<>();
    for (int i = 0; i < want.size(); i++) {
      Span w = want.get(i);
      Span g = got.get(i);
      for (String key : new TreeSet<>(union(w.tags().keySet(), g.tags().keySet()))) {
        if (!Objects.equals(w.tags().get(key), g.tags().get(key))) {
          differences.add("span " + w.id() + " tag " + key + ": expected " + w.tags().get(key) + " but was " + g.tags().get(key));
        }
      }
      Span wRest = w.toBuilder().clearTags().build();
      Span gRest = g.toBuilder().clearTags().build();
      if (!wRest.equals(gRest)) differences.add("span " + w.id() + ": expected " + wRest + " but was " + gRest);
    }
    if (!differences.isEmpty()) fail(what + ": " + differences.size() + " differences\n  " + String.join("\n  ", differences));
  }

  private static List<String> union(java.util.Set<String> a, java.util.Set<String> b) {
    List<String> all = new ArrayList<>(a);
    all.addAll(b);
    return all;
  }

  private static String lower(String name) {
    return name.toLowerCase(Locale.ROOT);
  }
}
