package dev.ariadne.codec.jaeger;

import dev.ariadne.model.Attributes;
import dev.ariadne.model.Bytes;
import dev.ariadne.model.InstrumentationScope;
import dev.ariadne.model.Resource;
import dev.ariadne.model.Span;
import dev.ariadne.model.SpanEvent;
import dev.ariadne.model.SpanKind;
import dev.ariadne.model.SpanLink;
import dev.ariadne.model.StatusCode;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;

/**
 * Random model spans for property tests, using every field Jaeger can carry, in the shapes Jaeger keeps
 * apart. What Jaeger cannot carry is left out, each for its reason:
 *
 * <ul>
 *   <li>attribute values are scalars (Jaeger tags are flat) and keys do not repeat (the translator
 *       collapses them, as a pdata map does); no dropped counts, entity refs, schema URLs, scope
 *       attributes, link trace states or flags, or W3C flags besides sampled: Jaeger has no field for them;
 *   <li>no attribute uses a key the translator turns into a field (span.kind, error, otel.status_code,
 *       otel.status_description, otel.scope.*, otel.library.*, w3c.tracestate), nor http.status_code and
 *       http.status_message, from which it derives a status, nor a resource's hostname or jaeger.version,
 *       which it renames;
 *   <li>service.name, when present, is a non-empty string and comes first; a scope has a version only
 *       with a name; an UNSET status has no message; an event has no "event" attribute;
 *   <li>every link carries opentracing.ref_type, as the translator adds it; a link into the span's own
 *       trace is only ever the FOLLOWS_FROM link to the parent, and first, since Jaeger merges it with the
 *       parent reference; CHILD_OF links never point at the parent's span id.
 * </ul>
 */
final class RandomJaegerSpans {
  private static final Set<String> RESERVED = Set.of("service.name", "span.kind", "error", "otel.status_code",
      "otel.status_description", "otel.scope.name", "otel.scope.version", "otel.library.name",
      "otel.library.version", "w3c.tracestate", "http.status_code", "http.status_message", "hostname",
      "jaeger.version", "event");
  private static final String[] KEYS = {"http.method", "k", "", "ключ", "键", "host.name", "peer.service"};

  private final Random random;

  RandomJaegerSpans(long seed) {
    this.random = new Random(seed);
  }

  /** One to three batches of spans, the spans of each sharing one Resource object. */
  List<List<Span>> batches() {
    List<List<Span>> batches = new ArrayList<>();
    for (int b = 1 + random.nextInt(3); b > 0; b--) {
      Resource resource = resource();
      List<Span> spans = new ArrayList<>();
      for (int i = 1 + random.nextInt(4); i > 0; i--) spans.add(span(resource));
      batches.add(spans);
    }
    return batches;
  }

  private Resource resource() {
    Attributes.Builder b = Attributes.builder(4);
    if (random.nextInt(4) != 0) b.put("service.name", "svc-" + string() + "x");
    putAll(b, attributes());
    return Resource.of(b.build());
  }

  private Span span(Resource resource) {
    long traceHigh = random.nextInt(3) == 0 ? 0 : nonZero();
    long traceLow = nonZero();
    long parent = random.nextBoolean() ? 0 : nonZero();
    StatusCode status = StatusCode.values()[random.nextInt(3)];
    long start = random.nextInt(5) == 0 ? random.nextLong(-1L << 60, 1L << 60) : 1_700_000_000_000_000_000L + random.nextInt();
    long duration = random.nextInt(5) == 0 ? -random.nextInt(1_000_000) : random.nextLong(1L << 40);
    return Span.builder()
        .resource(resource)
        .scope(scope())
        .traceId(traceHigh, traceLow)
        .spanId(nonZero())
        .parentSpanId(parent)
        .traceState(random.nextBoolean() ? "" : "vendor=" + random.nextInt(1000))
        .flags(random.nextInt(2))
        .name(string())
        .kind(SpanKind.values()[random.nextInt(SpanKind.values().length)])
        .startEpochNanos(start)
        .endEpochNanos(start + duration)
        .attributes(attributes())
        .events(events())
        .links(links(traceHigh, traceLow, parent))
        .status(status, status == StatusCode.UNSET || random.nextBoolean() ? "" : string())
        .build();
  }

  private InstrumentationScope scope() {
    return switch (random.nextInt(3)) {
      case 0 -> InstrumentationScope.EMPTY;
      case 1 -> InstrumentationScope.of("lib-" + string(), "");
      default -> InstrumentationScope.of("lib-" + string(), "1." + random.nextInt(10));
    };
  }

  private List<SpanEvent> events() {
    List<SpanEvent> events = new ArrayList<>();
    for (int i = random.nextInt(3); i > 0; i--) {
      events.add(new SpanEvent(1_700_000_000_000_000_000L + random.nextInt(), random.nextBoolean() ? "" : string(),
          attributes(), 0));
    }
    return events;
  }

  private List<SpanLink> links(long traceHigh, long traceLow, long parent) {
    List<SpanLink> links = new ArrayList<>();
    if (parent != 0 && random.nextInt(3) == 0) links.add(link(traceHigh, traceLow, parent, "follows_from"));
    for (int i = random.nextInt(3); i > 0; i--) {
      long otherHigh;
      do {
        otherHigh = nonZero();
      } while (otherHigh == traceHigh);
      String type = random.nextBoolean() ? "child_of" : "follows_from";
      long spanId;
      do {
        spanId = nonZero();
      } while (spanId == parent);
      links.add(link(otherHigh, nonZero(), spanId, type));
    }
    return links;
  }

  private static SpanLink link(long high, long low, long spanId, String type) {
    return new SpanLink(high, low, spanId, "", Attributes.of("opentracing.ref_type", type), 0, 0);
  }

  /** Zero to four pairs with distinct keys and scalar values. */
  private Attributes attributes() {
    Attributes.Builder b = Attributes.builder(4);
    putAll(b, pairs());
    return b.build();
  }

  private Attributes pairs() {
    Attributes.Builder b = Attributes.builder(4);
    List<String> used = new ArrayList<>();
    for (int i = random.nextInt(5); i > 0; i--) {
      String key = random.nextInt(3) == 0 ? string() : KEYS[random.nextInt(KEYS.length)];
      if (RESERVED.contains(key) || used.contains(key)) continue;
      used.add(key);
      b.put(key, value());
    }
    return b.build();
  }

  private static void putAll(Attributes.Builder into, Attributes from) {
    from.forEach(into::put);
  }

  private Object value() {
    return switch (random.nextInt(5)) {
      case 0 -> string();
      case 1 -> random.nextBoolean();
      case 2 -> random.nextLong();
      case 3 -> random.nextBoolean() ? random.nextGaussian() * 1e6 : new double[] {0.0, -0.0, Double.NaN,
          Double.POSITIVE_INFINITY, Double.MIN_VALUE, Double.MAX_VALUE}[random.nextInt(6)];
      default -> {
        byte[] bytes = new byte[random.nextInt(12)];
        random.nextBytes(bytes);
        yield Bytes.wrap(bytes);
      }
    };
  }

  private long nonZero() {
    long v;
    do {
      v = random.nextLong();
    } while (v == 0);
    return v;
  }

  /** Text with quotes, escapes, control characters, non-Latin letters and characters beyond the BMP. */
  private String string() {
    String[] pieces = {"a", "Z", " ", "\"", "\\", "\n", "\u0001", "é", "ß", "日本", "😀", "𝄞", "/"};
    StringBuilder sb = new StringBuilder();
    for (int i = random.nextInt(8); i > 0; i--) sb.append(pieces[random.nextInt(pieces.length)]);
    return sb.toString();
  }
}
