package dev.ariadne.codec.zipkin;

import static dev.ariadne.codec.zipkin.ZipkinTags.DEBUG;
import static dev.ariadne.codec.zipkin.ZipkinTags.ERROR;
import static dev.ariadne.codec.zipkin.ZipkinTags.NET_HOST_IP;
import static dev.ariadne.codec.zipkin.ZipkinTags.NET_HOST_PORT;
import static dev.ariadne.codec.zipkin.ZipkinTags.NET_PEER_IP;
import static dev.ariadne.codec.zipkin.ZipkinTags.NET_PEER_PORT;
import static dev.ariadne.codec.zipkin.ZipkinTags.PEER_SERVICE;
import static dev.ariadne.codec.zipkin.ZipkinTags.SCOPE_NAME;
import static dev.ariadne.codec.zipkin.ZipkinTags.SCOPE_VERSION;
import static dev.ariadne.codec.zipkin.ZipkinTags.SHARED;
import static dev.ariadne.codec.zipkin.ZipkinTags.SPAN_KIND;
import static dev.ariadne.codec.zipkin.ZipkinTags.START_TIME_ABSENT;
import static dev.ariadne.codec.zipkin.ZipkinTags.STATUS_CODE;
import static dev.ariadne.codec.zipkin.ZipkinTags.STATUS_DESCRIPTION;
import static dev.ariadne.codec.zipkin.ZipkinTags.TRACE_STATE;

import dev.ariadne.model.AnyValue;
import dev.ariadne.model.Attributes;
import dev.ariadne.model.InstrumentationScope;
import dev.ariadne.model.Resource;
import dev.ariadne.model.Span;
import dev.ariadne.model.SpanEvent;
import dev.ariadne.model.SpanLink;
import dev.ariadne.model.StatusCode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import zipkin2.Endpoint;

/**
 * Maps model spans to Zipkin spans the way the OpenTelemetry Collector's Zipkin exporter does
 * (zipkinv2.FromTranslator): resource and scope attributes and span attributes become tags (non-string
 * values in their string form), the scope's name and version otel.scope.name and otel.scope.version,
 * status the error tag with otel.status_code and otel.status_description, events annotations, links
 * otlp.link.N tags, the kinds Zipkin has its kinds, INTERNAL a span.kind=internal tag, and
 * net.host.*, peer.service and net.peer.* the endpoints. The local service is the resource's service
 * name, as every other API shows it. Zipkin lowercases span and service names.
 */
public final class ZipkinEncoder {
  private ZipkinEncoder() {}

  public static List<zipkin2.Span> toZipkin(List<Span> spans) {
    List<zipkin2.Span> out = new ArrayList<>(spans.size());
    for (Span span : spans) out.add(toZipkin(span));
    return out;
  }

  public static zipkin2.Span toZipkin(Span span) {
    Map<String, String> tags = new LinkedHashMap<>();
    Resource resource = span.resource();
    resource.attributes().forEach((key, value) -> {
      if (!key.equals(Resource.SERVICE_NAME)) tags.put(key, AnyValue.asString(value));
    });
    InstrumentationScope scope = span.scope();
    scope.attributes().forEach((key, value) -> tags.put(key, AnyValue.asString(value)));
    if (!scope.name().isEmpty()) tags.put(SCOPE_NAME, scope.name());
    if (!scope.version().isEmpty()) tags.put(SCOPE_VERSION, scope.version());

    Attributes attributes = span.attributes();
    boolean shared = false;
    boolean debug = false;
    boolean startAbsent = false;
    for (int i = 0; i < attributes.size(); i++) {
      String key = attributes.key(i);
      Object value = attributes.value(i);
      // The receiver's markers for Zipkin-only fields go back into those fields, not into tags.
      if (Boolean.TRUE.equals(value) && key.equals(SHARED)) shared = true;
      else if (Boolean.TRUE.equals(value) && key.equals(DEBUG)) debug = true;
      else if (Boolean.TRUE.equals(value) && key.equals(START_TIME_ABSENT)) startAbsent = true;
      else tags.put(key, AnyValue.asString(value));
    }
    if (!span.traceState().isEmpty()) tags.put(TRACE_STATE, span.traceState());

    zipkin2.Span.Builder z = zipkin2.Span.newBuilder()
        .traceId(span.traceIdHigh(), span.traceIdLow())
        .id(span.spanId())
        .parentId(span.parentSpanId())
        .name(span.name());
    switch (span.kind()) {
      case CLIENT -> z.kind(zipkin2.Span.Kind.CLIENT);
      case SERVER -> z.kind(zipkin2.Span.Kind.SERVER);
      case PRODUCER -> z.kind(zipkin2.Span.Kind.PRODUCER);
      case CONSUMER -> z.kind(zipkin2.Span.Kind.CONSUMER);
      case INTERNAL -> tags.put(SPAN_KIND, "internal");
      case UNSPECIFIED -> { }
    }
    if (!startAbsent && span.startEpochNanos() > 0) z.timestamp(span.startEpochNanos() / 1_000);
    z.duration(span.durationNanos() / 1_000);
    z.localEndpoint(endpoint(resource.serviceName(), tags, NET_HOST_IP, NET_HOST_PORT));
    z.remoteEndpoint(endpoint(tags.remove(PEER_SERVICE), tags, NET_PEER_IP, NET_PEER_PORT));
    status(span, tags);
    for (SpanEvent event : span.events()) z.addAnnotation(event.epochNanos() / 1_000, AnnotationValue.of(event));
    List<SpanLink> links = span.links();
    for (int i = 0; i < links.size() && i < ZipkinTags.MAX_LINKS; i++) {
      tags.put(ZipkinTags.LINK_PREFIX + i, LinkTag.of(links.get(i)));
    }
    tags.forEach(z::putTag);
    if (shared) z.shared(true);
    if (debug) z.debug(true);
    return z.build();
  }

  /**
   * An endpoint from a service name and the ip and port tags, which it then removes. Tags that do not
   * hold a valid address or port stay tags rather than being lost; no service and no address means no
   * endpoint.
   */
  private static Endpoint endpoint(String serviceName, Map<String, String> tags, String ipKey, String portKey) {
    Endpoint.Builder b = Endpoint.newBuilder().serviceName(serviceName);
    String ip = tags.get(ipKey);
    boolean hasIp = ip != null && b.parseIp(ip);
    if ((serviceName == null || serviceName.isEmpty()) && !hasIp) return null;
    if (hasIp) tags.remove(ipKey);
    int port = port(tags.get(portKey));
    if (port > 0) {
      b.port(port);
      tags.remove(portKey);
    }
    return b.build();
  }

  private static int port(String text) {
    if (text == null || text.isEmpty() || text.length() > 5 || !text.chars().allMatch(Character::isDigit)) return 0;
    int port = Integer.parseInt(text);
    return port <= 0xffff ? port : 0;
  }

  private static void status(Span span, Map<String, String> tags) {
    StatusCode code = span.statusCode();
    if (code == StatusCode.ERROR) {
      tags.put(ERROR, "true");
    } else if ("false".equals(tags.get(ERROR))) {
      // Zipkin treats any error tag as a failure; a false one must not mark the span failed.
      tags.remove(ERROR);
    }
    if (code == StatusCode.UNSET) return;
    tags.put(STATUS_CODE, code == StatusCode.ERROR ? "STATUS_CODE_ERROR" : "STATUS_CODE_OK");
    if (!span.statusMessage().isEmpty()) tags.put(STATUS_DESCRIPTION, span.statusMessage());
  }
}
