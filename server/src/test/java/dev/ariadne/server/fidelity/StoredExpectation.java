package dev.ariadne.server.fidelity;

import dev.ariadne.server.fidelity.ShopTrace.Service;
import dev.ariadne.server.fidelity.ShopTrace.SpecEvent;
import dev.ariadne.server.fidelity.ShopTrace.SpecLink;
import dev.ariadne.server.fidelity.ShopTrace.SpecSpan;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * What the store must hold after a {@link SentTrace} arrived in a {@link Dialect}: the sent trace with
 * exactly the losses docs/protocols/*.md document for that dialect, each written out as a rule below.
 */
final class StoredExpectation {
  /** The keys among ShopTrace's resource attributes that Zipkin's receiver knows as resource conventions. */
  private static final Set<String> ZIPKIN_RESOURCE_KEYS = Set.of("deployment.environment", "service.version");

  private StoredExpectation() {}

  static List<StoredSpan> of(SentTrace sent, Dialect dialect) {
    List<StoredSpan> spans = new ArrayList<>();
    for (SpecSpan s : sent.spec().spans()) spans.add(span(sent, s, dialect));
    return spans;
  }

  private static StoredSpan span(SentTrace sent, SpecSpan s, Dialect dialect) {
    boolean zipkin = dialect == Dialect.ZIPKIN;
    return new StoredSpan(
        sent.traceIdHex(),
        SentTrace.hex(sent.spanId(s.key())),
        s.parentKey() == null ? "" : SentTrace.hex(sent.spanId(s.parentKey())),
        // Zipkin's library lowercases span names on the way in.
        zipkin ? lower(s.name()) : s.name(),
        s.kind().name(),
        resource(sent, s.service(), dialect),
        s.service().scopeName(),
        s.service().scopeVersion(),
        time(s.startNanos(), dialect),
        time(s.endNanos(), dialect),
        attributes(sent, s, dialect),
        events(s, dialect),
        links(sent, s, dialect),
        s.status().name(),
        s.statusMessage(),
        flags(sent, dialect));
  }

  /** OTLP keeps the W3C flags; of Jaeger's flags only sampled (1) means the same in W3C's. */
  private static int flags(SentTrace sent, Dialect dialect) {
    return switch (dialect) {
      case OTLP -> sent.traceFlags();
      case JAEGER_THRIFT, JAEGER_PROTO -> sent.traceFlags() & 1;
      case ZIPKIN -> 0;
    };
  }

  /** Zipkin and Jaeger thrift carry whole microseconds. */
  private static long time(long nanos, Dialect dialect) {
    return dialect == Dialect.ZIPKIN || dialect == Dialect.JAEGER_THRIFT ? nanos / 1_000 * 1_000 : nanos;
  }

  private static Map<String, Object> resource(SentTrace sent, Service service, Dialect dialect) {
    Map<String, Object> resource = new LinkedHashMap<>();
    switch (dialect) {
      case OTLP, JAEGER_PROTO -> resource.putAll(service.resource());
      case ZIPKIN -> {
        // Zipkin has only the local service name; resource tags come back to the resource only when
        // their key is a resource convention, and as strings.
        resource.put("service.name", lower(service.name()));
        service.resource().forEach((key, value) -> {
          if (ZIPKIN_RESOURCE_KEYS.contains(key)) resource.put(key, ValueText.of(value));
        });
      }
      case JAEGER_THRIFT -> {
        resource.putAll(service.resource());
        // The client's own process tags, renamed by the translator's rules.
        sent.clientResource().get(service.name()).forEach((key, value) -> {
          switch (key) {
            case "hostname" -> resource.put("host.name", value);
            case "jaeger.version" -> resource.put("opencensus.exporterversion", "Jaeger-" + value);
            default -> resource.put(key, thriftTyped(value));
          }
        });
      }
    }
    return resource;
  }

  private static Map<String, Object> attributes(SentTrace sent, SpecSpan s, Dialect dialect) {
    Map<String, Object> attributes = new LinkedHashMap<>();
    switch (dialect) {
      case OTLP -> attributes.putAll(s.attributes());
      case ZIPKIN -> {
        // Every tag is a string; peer.service came as the remote endpoint, whose name Zipkin lowercases;
        // resource attributes that are not resource conventions stay on the span.
        s.attributes().forEach((key, value) ->
            attributes.put(key, key.equals("peer.service") ? lower((String) value) : ValueText.of(value)));
        s.service().resource().forEach((key, value) -> {
          if (!key.equals("service.name") && !ZIPKIN_RESOURCE_KEYS.contains(key)) {
            attributes.put(key, ValueText.of(value));
          }
        });
      }
      case JAEGER_THRIFT, JAEGER_PROTO -> {
        // Jaeger tags have no arrays: they travel as JSON text.
        s.attributes().forEach((key, value) -> attributes.put(key, value instanceof List<?> ? ValueText.of(value) : value));
        sent.clientAttributes().getOrDefault(s.key(), Map.of()).forEach((key, value) -> attributes.put(key, thriftTyped(value)));
      }
    }
    return attributes;
  }

  private static List<StoredSpan.Event> events(SpecSpan s, Dialect dialect) {
    List<StoredSpan.Event> events = new ArrayList<>();
    for (SpecEvent e : s.events()) {
      Map<String, Object> attributes = dialect == Dialect.ZIPKIN ? throughJson(e.attributes()) : e.attributes();
      events.add(new StoredSpan.Event(time(e.epochNanos(), dialect), e.name(), attributes));
    }
    return events;
  }

  private static List<StoredSpan.Link> links(SentTrace sent, SpecSpan s, Dialect dialect) {
    List<StoredSpan.Link> links = new ArrayList<>();
    for (SpecLink link : s.links()) {
      Map<String, Object> attributes = switch (dialect) {
        case OTLP -> link.attributes();
        case ZIPKIN -> throughJson(link.attributes());
        // A Jaeger reference has no attributes: the link's are lost, and the translator names its type.
        case JAEGER_THRIFT, JAEGER_PROTO -> Map.of("opentracing.ref_type", "follows_from");
      };
      links.add(new StoredSpan.Link(sent.traceIdHex(), SentTrace.hex(sent.spanId(link.targetKey())), attributes));
    }
    return links;
  }

  /** Attributes read back from Zipkin's JSON: a number with an integral value becomes an integer. */
  private static Map<String, Object> throughJson(Map<String, Object> attributes) {
    Map<String, Object> read = new LinkedHashMap<>();
    attributes.forEach((key, value) ->
        read.put(key, value instanceof Double d && d == Math.rint(d) ? (Object) d.longValue() : value));
    return read;
  }

  /** A tag value as jaeger-client types it in thrift: integers are LONG, floats DOUBLE, others strings. */
  private static Object thriftTyped(Object value) {
    return switch (value) {
      case Integer i -> (long) i;
      case Short s -> (long) s;
      case Long l -> l;
      case Float f -> (double) f;
      case Double d -> d;
      case Boolean b -> b;
      default -> String.valueOf(value);
    };
  }

  static String lower(String name) {
    return name.toLowerCase(Locale.ROOT);
  }
}
