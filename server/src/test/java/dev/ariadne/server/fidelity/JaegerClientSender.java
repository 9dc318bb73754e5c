package dev.ariadne.server.fidelity;

import dev.ariadne.server.fidelity.ShopTrace.Service;
import dev.ariadne.server.fidelity.ShopTrace.SpecEvent;
import dev.ariadne.server.fidelity.ShopTrace.SpecLink;
import dev.ariadne.server.fidelity.ShopTrace.SpecSpan;
import io.jaegertracing.internal.JaegerSpan;
import io.jaegertracing.internal.JaegerTracer;
import io.jaegertracing.internal.reporters.RemoteReporter;
import io.jaegertracing.internal.samplers.ConstSampler;
import io.jaegertracing.spi.Sender;
import io.jaegertracing.thrift.internal.senders.HttpSender;
import io.jaegertracing.thrift.internal.senders.UdpSender;
import io.opentracing.References;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The Jaeger Java client (jaeger-client), one tracer per service, reporting through the agent's compact
 * UDP port or the collector's thrift HTTP endpoint. Jaeger has no scope, status or typed arrays: spans
 * carry them as the OpenTelemetry Collector's Jaeger exporter writes them (tags {@code otel.scope.*},
 * {@code span.kind}, {@code error}, {@code otel.status_code}, {@code otel.status_description}; arrays as
 * JSON text). The link is a FOLLOWS_FROM reference, which has no attributes. Times are whole µs.
 */
final class JaegerClientSender {
  enum Transport { UDP_COMPACT, HTTP_THRIFT }

  private JaegerClientSender() {}

  static SentTrace send(ShopTrace trace, Transport transport, int port, boolean traceId128) throws Exception {
    Map<String, JaegerTracer> tracers = new LinkedHashMap<>();
    for (Service service : trace.services()) {
      tracers.put(service.name(), tracer(service, sender(transport, port), traceId128));
    }

    Map<String, JaegerSpan> started = new LinkedHashMap<>();
    Map<String, Map<String, Object>> setTags = new HashMap<>();
    for (SpecSpan s : trace.spans()) {
      JaegerTracer.SpanBuilder builder = tracers.get(s.service().name()).buildSpan(s.name())
          .withStartTimestamp(s.startNanos() / 1_000);
      if (s.parentKey() != null) builder.asChildOf(started.get(s.parentKey()));
      for (SpecLink link : s.links()) builder.addReference(References.FOLLOWS_FROM, started.get(link.targetKey()).context());
      Map<String, Object> tags = tags(s);
      tags.forEach((key, value) -> withTag(builder, key, value));
      JaegerSpan span = builder.start();
      for (SpecEvent e : s.events()) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("event", e.name());
        fields.putAll(e.attributes());
        span.log(e.epochNanos() / 1_000, fields);
      }
      started.put(s.key(), span);
      setTags.put(s.key(), tags);
    }
    for (SpecSpan s : trace.spans()) started.get(s.key()).finish(s.endNanos() / 1_000);
    tracers.values().forEach(JaegerTracer::close);

    Map<String, Long> ids = new HashMap<>();
    Map<String, Map<String, Object>> clientAttributes = new HashMap<>();
    started.forEach((key, span) -> {
      ids.put(key, span.context().getSpanId());
      clientAttributes.put(key, added(span.getTags(), setTags.get(key)));
    });
    Map<String, Map<String, Object>> clientResource = new HashMap<>();
    for (Service service : trace.services()) {
      clientResource.put(service.name(), added(tracers.get(service.name()).tags(), service.resource()));
    }
    var context = started.get(trace.spans().getFirst().key()).context();
    return new SentTrace(trace, context.getTraceIdHigh(), context.getTraceIdLow(), context.getFlags(), ids,
        clientResource, clientAttributes);
  }

  private static JaegerTracer tracer(Service service, Sender sender, boolean traceId128) {
    JaegerTracer.Builder builder = new JaegerTracer.Builder(service.name())
        .withReporter(new RemoteReporter.Builder().withSender(sender).withFlushInterval(100).build())
        .withSampler(new ConstSampler(true));
    if (traceId128) builder.withTraceId128Bit();
    service.resource().forEach((key, value) -> {
      if (key.equals("service.name")) return;
      switch (value) {
        case String s -> builder.withTag(key, s);
        case Boolean b -> builder.withTag(key, b);
        case Number n -> builder.withTag(key, n);
        default -> throw new IllegalArgumentException("not a process tag value: " + value);
      }
    });
    return builder.build();
  }

  private static Sender sender(Transport transport, int port) throws Exception {
    return switch (transport) {
      case UDP_COMPACT -> new UdpSender("127.0.0.1", port, 0);
      case HTTP_THRIFT -> new HttpSender.Builder("http://127.0.0.1:" + port + "/api/traces").build();
    };
  }

  /** The span's tags: its attributes (arrays as JSON text) and the Collector's tags for scope, kind and status. */
  static Map<String, Object> tags(SpecSpan s) {
    Map<String, Object> tags = new LinkedHashMap<>();
    tags.put("otel.scope.name", s.service().scopeName());
    if (!s.service().scopeVersion().isEmpty()) tags.put("otel.scope.version", s.service().scopeVersion());
    s.attributes().forEach((key, value) -> tags.put(key, value instanceof List<?> ? ValueText.of(value) : value));
    tags.put("span.kind", s.kind().name().toLowerCase(java.util.Locale.ROOT));
    switch (s.status()) {
      case ERROR -> {
        tags.put("otel.status_code", "ERROR");
        tags.put("error", true);
      }
      case OK -> tags.put("otel.status_code", "OK");
      case UNSET -> { }
    }
    if (!s.statusMessage().isEmpty()) tags.put("otel.status_description", s.statusMessage());
    return tags;
  }

  private static void withTag(JaegerTracer.SpanBuilder builder, String key, Object value) {
    switch (value) {
      case String s -> builder.withTag(key, s);
      case Boolean b -> builder.withTag(key, b);
      case Number n -> builder.withTag(key, n);
      default -> throw new IllegalArgumentException("not a tag value: " + value);
    }
  }

  /** The entries of {@code all} whose keys were not among {@code set}. */
  private static Map<String, Object> added(Map<String, ?> all, Map<String, Object> set) {
    Map<String, Object> added = new LinkedHashMap<>();
    all.forEach((key, value) -> {
      if (!set.containsKey(key)) added.put(key, value);
    });
    return added;
  }
}
