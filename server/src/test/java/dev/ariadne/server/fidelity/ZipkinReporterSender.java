package dev.ariadne.server.fidelity;

import dev.ariadne.server.fidelity.ShopTrace.SpecEvent;
import dev.ariadne.server.fidelity.ShopTrace.SpecLink;
import dev.ariadne.server.fidelity.ShopTrace.SpecSpan;
import java.util.List;
import java.util.concurrent.TimeUnit;
import zipkin2.Endpoint;
import zipkin2.Span;
import zipkin2.reporter.AsyncReporter;
import zipkin2.reporter.Encoding;
import zipkin2.reporter.InMemoryReporterMetrics;
import zipkin2.reporter.SpanBytesEncoder;
import zipkin2.reporter.urlconnection.URLConnectionSender;

/**
 * Zipkin's Java reporter (AsyncReporter over the URLConnection sender, gzipped as by default) posting v2
 * spans to /api/v2/spans. Zipkin has no resource, scope, status, internal kind, typed tags or links:
 * the spans carry them the way the OpenTelemetry Collector's Zipkin exporter writes them (resource and
 * scope as tags, {@code error} and {@code otel.status_*} tags, {@code span.kind=internal},
 * {@code otlp.link.N} tags, events with attributes as {@code name|{json}|0} annotations), and
 * {@code peer.service} as the remote endpoint. Times are whole microseconds.
 */
final class ZipkinReporterSender {
  private ZipkinReporterSender() {}

  static void send(SentTrace sent, Encoding encoding, int port) throws Exception {
    SpanBytesEncoder encoder = encoding == Encoding.PROTO3 ? SpanBytesEncoder.PROTO3 : SpanBytesEncoder.JSON_V2;
    InMemoryReporterMetrics metrics = new InMemoryReporterMetrics();
    URLConnectionSender sender = URLConnectionSender.newBuilder()
        .endpoint("http://127.0.0.1:" + port + "/api/v2/spans").encoding(encoding).build();
    try (sender; AsyncReporter<Span> reporter = AsyncReporter.builder(sender).metrics(metrics)
        .messageTimeout(0, TimeUnit.MILLISECONDS).build(encoder)) {
      spans(sent).forEach(reporter::report);
      reporter.flush();
    }
    if (metrics.spans() != sent.spec().spans().size() || metrics.messagesDropped() != 0) {
      throw new AssertionError("the reporter did not deliver every span: " + metrics.messagesDroppedByCause());
    }
  }

  /** The Zipkin spans sent for the trace. */
  static List<Span> spans(SentTrace sent) {
    return sent.spec().spans().stream().map(s -> span(sent, s)).toList();
  }

  private static Span span(SentTrace sent, SpecSpan s) {
    long start = s.startNanos() / 1_000;
    Span.Builder z = Span.newBuilder()
        .traceId(sent.traceIdHigh(), sent.traceIdLow())
        .id(sent.spanId(s.key()))
        .name(s.name())
        .timestamp(start)
        .duration(s.endNanos() / 1_000 - start)
        .localEndpoint(Endpoint.newBuilder().serviceName(s.service().name()).build());
    if (s.parentKey() != null) z.parentId(sent.spanId(s.parentKey()));
    switch (s.kind()) {
      case SERVER -> z.kind(Span.Kind.SERVER);
      case CLIENT -> z.kind(Span.Kind.CLIENT);
      case PRODUCER -> z.kind(Span.Kind.PRODUCER);
      case INTERNAL -> z.putTag("span.kind", "internal");
    }
    s.service().resource().forEach((key, value) -> {
      if (!key.equals("service.name")) z.putTag(key, ValueText.of(value));
    });
    z.putTag("otel.scope.name", s.service().scopeName());
    if (!s.service().scopeVersion().isEmpty()) z.putTag("otel.scope.version", s.service().scopeVersion());
    s.attributes().forEach((key, value) -> {
      if (key.equals("peer.service")) {
        z.remoteEndpoint(Endpoint.newBuilder().serviceName((String) value).build());
      } else {
        z.putTag(key, ValueText.of(value));
      }
    });
    switch (s.status()) {
      case ERROR -> z.putTag("error", "true").putTag("otel.status_code", "STATUS_CODE_ERROR");
      case OK -> z.putTag("otel.status_code", "STATUS_CODE_OK");
      case UNSET -> { }
    }
    if (!s.statusMessage().isEmpty()) z.putTag("otel.status_description", s.statusMessage());
    for (SpecEvent e : s.events()) {
      String value = e.attributes().isEmpty() ? e.name() : e.name() + "|" + ValueText.json(e.attributes()) + "|0";
      z.addAnnotation(e.epochNanos() / 1_000, value);
    }
    List<SpecLink> links = s.links();
    for (int i = 0; i < links.size(); i++) {
      SpecLink link = links.get(i);
      z.putTag("otlp.link." + i, sent.traceIdHex() + "|" + SentTrace.hex(sent.spanId(link.targetKey())) + "||"
          + ValueText.json(link.attributes()) + "|0");
    }
    return z.build();
  }
}
