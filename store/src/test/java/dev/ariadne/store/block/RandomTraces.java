package dev.ariadne.store.block;

import dev.ariadne.model.AnyValue;
import dev.ariadne.model.Attributes;
import dev.ariadne.model.Bytes;
import dev.ariadne.model.InstrumentationScope;
import dev.ariadne.model.Resource;
import dev.ariadne.model.Span;
import dev.ariadne.model.SpanEvent;
import dev.ariadne.model.SpanKind;
import dev.ariadne.model.SpanLink;
import dev.ariadne.model.StatusCode;
import dev.ariadne.model.TraceId;
import dev.ariadne.store.Trace;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Random traces setting every field of the span model, every attribute value type (nested, empty arrays
 * and lists, NaN and -0.0 doubles) and awkward cases (parents outside the trace, spans sharing a span id
 * with another kind, negative durations). Names and values come from small pools, so random searches
 * find something. Trace i's earliest span starts at {@code base + i} seconds, so "newest first" is one
 * order. With {@code extremeTimes}, times are any long.
 */
final class RandomTraces {
  static final String[] SERVICES = {"cart", "checkout", "payment", "shipping", "search"};
  static final String[] NAMES = {"GET /", "POST /pay", "query", "send", "compute", "lookup"};
  static final String[] KEYS = {"http.method", "http.status_code", "db.system", "region", "retry", "ratio"};
  /** Event attributes use only these, so searches on the other keys take the attribute-scan path. */
  static final String[] EVENT_KEYS = {"retry", "ratio"};
  static final String[] STRINGS = {"GET", "POST", "postgres", "eu-west", "us-east", ""};
  static final long BASE = 1_700_000_000_000_000_000L;

  private final SplittableRandom random;
  private final boolean extremeTimes;
  private final List<Resource> resources = new ArrayList<>();
  private final List<InstrumentationScope> scopes = new ArrayList<>();
  private int traces;

  RandomTraces(long seed, boolean extremeTimes) {
    this.random = new SplittableRandom(seed);
    this.extremeTimes = extremeTimes;
    for (int i = 0; i < 8; i++) resources.add(resource());
    for (int i = 0; i < 4; i++) scopes.add(scope());
  }

  List<Trace> traces(int count) {
    List<Trace> out = new ArrayList<>();
    for (int i = 0; i < count; i++) out.add(next());
    return out;
  }

  Trace next() {
    long traceStart = BASE + (traces++) * 1_000_000_000L;
    TraceId id = new TraceId(random.nextLong(), random.nextLong() | 1);
    int spanCount = 1 + random.nextInt(random.nextInt(10) == 0 ? 90 : 8);
    List<Span> spans = new ArrayList<>();
    for (int i = 0; i < spanCount; i++) {
      long start = i == 0 ? traceStart : traceStart + random.nextLong(500_000_000L);
      spans.add(span(id, spans, start));
    }
    return new Trace(id, spans);
  }

  private Span span(TraceId id, List<Span> earlier, long start) {
    long spanId = random.nextLong() | 1;
    long parent = 0;
    SpanKind kind = SpanKind.values()[random.nextInt(SpanKind.values().length)];
    if (!earlier.isEmpty()) {
      Span p = earlier.get(random.nextInt(earlier.size()));
      int roll = random.nextInt(10);
      SpanKind other = p.kind() == SpanKind.CLIENT ? SpanKind.SERVER : SpanKind.CLIENT;
      boolean taken = earlier.stream().anyMatch(e -> e.spanId() == p.spanId() && e.kind() == other);
      if (roll == 0 && !taken) {
        // Zipkin's shared span: the server half reuses the client's id (never twice with one kind, which
        // would make a duplicate by the compactor's definition).
        spanId = p.spanId();
        parent = p.parentSpanId();
        kind = other;
      } else if (roll == 1) {
        parent = random.nextLong() | 1;  // a parent this trace does not hold
      } else {
        parent = p.spanId();
      }
    }
    long duration = random.nextInt(20) == 0 ? -random.nextInt(1000) : random.nextLong(2_000_000_000L);
    if (extremeTimes && random.nextBoolean()) {
      start = random.nextLong();
      duration = random.nextLong();
    }
    return Span.builder()
        .resource(resources.get(random.nextInt(resources.size())))
        .scope(scopes.get(random.nextInt(scopes.size())))
        .traceId(id)
        .spanId(spanId)
        .parentSpanId(parent)
        .traceState(random.nextInt(4) == 0 ? "vendor=" + random.nextInt(5) : "")
        .flags(random.nextInt(3) == 0 ? random.nextInt() : 1)
        .name(NAMES[random.nextInt(NAMES.length)])
        .kind(kind)
        .startEpochNanos(start)
        .endEpochNanos(start + duration)
        .attributes(attributes(random.nextInt(6), 0))
        .droppedAttributesCount(random.nextInt(4) == 0 ? random.nextInt(100) : 0)
        .events(events(start))
        .droppedEventsCount(random.nextInt(5) == 0 ? random.nextInt(10) : 0)
        .links(links())
        .droppedLinksCount(random.nextInt(5) == 0 ? random.nextInt(10) : 0)
        .status(StatusCode.values()[random.nextInt(3)], random.nextInt(4) == 0 ? "boom " + random.nextInt(3) : "")
        .build();
  }

  private List<SpanEvent> events(long spanStart) {
    List<SpanEvent> events = new ArrayList<>();
    for (int i = random.nextInt(4) == 0 ? 1 + random.nextInt(3) : 0; i > 0; i--) {
      long time = extremeTimes && random.nextBoolean() ? random.nextLong() : spanStart + random.nextInt(1000);
      events.add(new SpanEvent(time, random.nextBoolean() ? "exception" : "retry",
          attributes(random.nextInt(3), 0, EVENT_KEYS), random.nextInt(3)));
    }
    return events;
  }

  private List<SpanLink> links() {
    List<SpanLink> links = new ArrayList<>();
    for (int i = random.nextInt(5) == 0 ? 1 + random.nextInt(2) : 0; i > 0; i--) {
      links.add(new SpanLink(random.nextLong(), random.nextLong(), random.nextLong(),
          random.nextBoolean() ? "a=b" : "", attributes(random.nextInt(3), 0), random.nextInt(3), random.nextInt()));
    }
    return links;
  }

  private Resource resource() {
    Attributes.Builder b = Attributes.builder(4);
    if (resources.size() != 7) b.put("service.name", SERVICES[resources.size() % SERVICES.length]);  // #7: none
    b.put("host.name", "host-" + resources.size());
    Attributes extra = attributes(2, 0);
    extra.forEach(b::put);
    List<Resource.EntityRef> refs = resources.size() % 2 == 0
        ? List.of(new Resource.EntityRef("https://schema/" + resources.size(), "service", List.of("service.name"),
            List.of("host.name", "region")))
        : List.of();
    return new Resource(b.build(), resources.size() % 3, refs, resources.size() % 2 == 1 ? "https://opentelemetry.io/schemas/1.26.0" : "");
  }

  private InstrumentationScope scope() {
    int i = scopes.size();
    return new InstrumentationScope(i == 0 ? "" : "lib-" + i, i % 2 == 0 ? "" : "1." + i, attributes(i % 3, 0), i,
        i == 3 ? "https://scope/schema" : "");
  }

  private Attributes attributes(int count, int depth) {
    return attributes(count, depth, KEYS);
  }

  private Attributes attributes(int count, int depth, String[] keys) {
    Attributes.Builder b = Attributes.builder(count);
    for (int i = 0; i < count; i++) b.put(keys[random.nextInt(keys.length)], value(depth));
    return b.build();
  }

  private Object value(int depth) {
    int type = random.nextInt(depth > 1 ? 5 : 12);
    return switch (type) {
      case 0, 1, 2 -> STRINGS[random.nextInt(STRINGS.length)];
      case 3 -> random.nextBoolean();
      case 4 -> (long) (random.nextInt(5) - 1) * (random.nextInt(10) == 0 ? Long.MAX_VALUE / 3 : 100);
      case 5 -> new double[] {1.5, -0.0, Double.NaN, 2.0, 1e300}[random.nextInt(5)];
      case 6 -> random.nextBoolean() ? Bytes.wrap(new byte[0]) : Bytes.wrap(new byte[] {1, 2, (byte) random.nextInt()});
      case 7 -> {
        List<Object> items = new ArrayList<>();
        for (int i = random.nextInt(3); i > 0; i--) items.add(value(depth + 1));
        yield items;
      }
      case 8 -> attributes(random.nextInt(3), depth + 1);
      case 9 -> AnyValue.EMPTY;
      default -> "v" + random.nextInt(40);
    };
  }
}
