package dev.ariadne.codec.zipkin;

import static dev.ariadne.codec.zipkin.ZipkinTags.DEBUG;
import static dev.ariadne.codec.zipkin.ZipkinTags.ERROR;
import static dev.ariadne.codec.zipkin.ZipkinTags.LIBRARY_NAME;
import static dev.ariadne.codec.zipkin.ZipkinTags.LIBRARY_VERSION;
import static dev.ariadne.codec.zipkin.ZipkinTags.NET_HOST_IP;
import static dev.ariadne.codec.zipkin.ZipkinTags.NET_HOST_PORT;
import static dev.ariadne.codec.zipkin.ZipkinTags.NET_PEER_IP;
import static dev.ariadne.codec.zipkin.ZipkinTags.NET_PEER_PORT;
import static dev.ariadne.codec.zipkin.ZipkinTags.PEER_SERVICE;
import static dev.ariadne.codec.zipkin.ZipkinTags.SCOPE_NAME;
import static dev.ariadne.codec.zipkin.ZipkinTags.SCOPE_VERSION;
import static dev.ariadne.codec.zipkin.ZipkinTags.SERVICE_NAME_SOURCE;
import static dev.ariadne.codec.zipkin.ZipkinTags.SHARED;
import static dev.ariadne.codec.zipkin.ZipkinTags.SPAN_KIND;
import static dev.ariadne.codec.zipkin.ZipkinTags.START_TIME_ABSENT;
import static dev.ariadne.codec.zipkin.ZipkinTags.STATUS_CODE;
import static dev.ariadne.codec.zipkin.ZipkinTags.STATUS_DESCRIPTION;
import static dev.ariadne.codec.zipkin.ZipkinTags.TRACE_STATE;

import dev.ariadne.model.Attributes;
import dev.ariadne.model.InstrumentationScope;
import dev.ariadne.model.Resource;
import dev.ariadne.model.Span;
import dev.ariadne.model.SpanEvent;
import dev.ariadne.model.SpanId;
import dev.ariadne.model.SpanKind;
import dev.ariadne.model.SpanLink;
import dev.ariadne.model.StatusCode;
import dev.ariadne.model.TraceId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import zipkin2.Annotation;
import zipkin2.Endpoint;

/**
 * Maps Zipkin spans into the model the way the OpenTelemetry Collector's Zipkin receiver does
 * (zipkinv2.ToTranslator, with string tags): the local service becomes the resource's service.name,
 * tags named after resource conventions go to the resource, otel.scope.* or otel.library.* to the
 * scope, otel.status_code, otel.status_description and error=true to the status, w3c.tracestate to the
 * trace state, otlp.link.N to links, and the rest to span attributes; endpoints become net.host.*,
 * peer.service and net.peer.* attributes; annotations become events; µs become ns.
 *
 * <p>One instance maps one request: spans with the same local service and resource tags share one
 * {@link Resource} object, and spans with the same scope one {@link InstrumentationScope}.
 */
public final class ZipkinToModel {
  private static final Map<String, StatusCode> STATUS_NAMES = Map.of(
      "STATUS_CODE_UNSET", StatusCode.UNSET, "STATUS_CODE_OK", StatusCode.OK, "STATUS_CODE_ERROR", StatusCode.ERROR,
      // Older collector exporters wrote these, and OTel's own Zipkin exporters write the spec's names.
      "Unset", StatusCode.UNSET, "Ok", StatusCode.OK, "Error", StatusCode.ERROR,
      "UNSET", StatusCode.UNSET, "OK", StatusCode.OK, "ERROR", StatusCode.ERROR);

  private final Map<ResourceKey, Resource> resources = new HashMap<>();
  private final Map<InstrumentationScope, InstrumentationScope> scopes = new HashMap<>();

  private record ResourceKey(String serviceKey, String serviceName, Map<String, String> tags) {}

  /** Maps one span. Its timestamps must fit in nanoseconds (see {@link ZipkinDecoder}). */
  public Span toModel(zipkin2.Span z) {
    Map<String, String> tags = new LinkedHashMap<>(z.tags());
    Span.Builder span = Span.builder()
        .resource(resource(z.localEndpoint(), tags))
        .scope(scope(tags));
    TraceId traceId = TraceId.parse(z.traceId());
    span.traceId(traceId).spanId(SpanId.parse(z.id()));
    if (z.parentId() != null) span.parentSpanId(SpanId.parse(z.parentId()));
    String traceState = tags.remove(TRACE_STATE);
    if (traceState != null) span.traceState(traceState);
    span.name(z.name() == null ? "" : z.name()).kind(kind(z.kind(), tags));
    status(tags, span);
    span.links(links(tags));

    long start = z.timestampAsLong() * 1_000;
    span.startEpochNanos(start).endEpochNanos(start + z.durationAsLong() * 1_000);
    span.attributes(attributes(z, tags));
    List<SpanEvent> events = new ArrayList<>(z.annotations().size());
    for (Annotation a : z.annotations()) events.add(AnnotationValue.toEvent(a.timestamp() * 1_000, a.value()));
    return span.events(events).build();
  }

  private Resource resource(Endpoint local, Map<String, String> tags) {
    String serviceName = local == null ? null : local.serviceName();
    String serviceKey = tags.remove(SERVICE_NAME_SOURCE);
    if (serviceKey == null || serviceKey.isEmpty()) serviceKey = Resource.SERVICE_NAME;
    Map<String, String> resourceTags = new TreeMap<>();
    tags.keySet().removeIf(key -> {
      if (!ZipkinTags.RESOURCE_KEYS.contains(key)) return false;
      resourceTags.put(key, tags.get(key));
      return true;
    });
    return resources.computeIfAbsent(new ResourceKey(serviceKey, serviceName, resourceTags), k -> {
      Attributes.Builder b = Attributes.builder(k.tags().size() + 1);
      if (k.serviceName() != null) b.put(k.serviceKey(), k.serviceName());
      k.tags().forEach(b::put);
      return Resource.of(b.build());
    });
  }

  private InstrumentationScope scope(Map<String, String> tags) {
    String name = firstRemoved(tags, SCOPE_NAME, LIBRARY_NAME);
    String version = firstRemoved(tags, SCOPE_VERSION, LIBRARY_VERSION);
    InstrumentationScope scope = InstrumentationScope.of(name == null ? "" : name, version == null ? "" : version);
    return scopes.computeIfAbsent(scope, s -> s);
  }

  /** Removes every one of {@code keys} and returns the value of the first present. */
  private static String firstRemoved(Map<String, String> tags, String... keys) {
    String found = null;
    for (String key : keys) {
      String value = tags.remove(key);
      if (found == null) found = value;
    }
    return found;
  }

  private static SpanKind kind(zipkin2.Span.Kind kind, Map<String, String> tags) {
    if (kind != null) {
      return switch (kind) {
        case CLIENT -> SpanKind.CLIENT;
        case SERVER -> SpanKind.SERVER;
        case PRODUCER -> SpanKind.PRODUCER;
        case CONSUMER -> SpanKind.CONSUMER;
      };
    }
    // Zipkin has no internal kind; the exporter marks internal spans with this tag.
    if ("internal".equals(tags.get(SPAN_KIND))) {
      tags.remove(SPAN_KIND);
      return SpanKind.INTERNAL;
    }
    return SpanKind.UNSPECIFIED;
  }

  private static void status(Map<String, String> tags, Span.Builder span) {
    StatusCode code = StatusCode.UNSET;
    String message = "";
    String codeName = tags.remove(STATUS_CODE);
    if (codeName != null) {
      code = STATUS_NAMES.getOrDefault(codeName, StatusCode.UNSET);
      String description = tags.remove(STATUS_DESCRIPTION);
      if (description != null) message = description;
    }
    // Only "true" means failed to the translator; Brave's error messages stay as an "error" attribute.
    if ("true".equals(tags.get(ERROR))) {
      tags.remove(ERROR);
      code = StatusCode.ERROR;
    }
    span.status(code, message);
  }

  /** otlp.link.0, .1, … up to the first index missing; a value not in the link form stays a tag. */
  private static List<SpanLink> links(Map<String, String> tags) {
    List<SpanLink> links = new ArrayList<>();
    for (int i = 0; i < ZipkinTags.MAX_LINKS; i++) {
      String key = ZipkinTags.LINK_PREFIX + i;
      String value = tags.get(key);
      if (value == null) break;
      SpanLink link = LinkTag.parse(value);
      if (link != null) {
        links.add(link);
        tags.remove(key);
      }
    }
    return links;
  }

  private static Attributes attributes(zipkin2.Span z, Map<String, String> tags) {
    Map<String, Object> attributes = new LinkedHashMap<>(tags);
    Endpoint local = z.localEndpoint();
    if (local != null) {
      if (local.ipv4() != null) attributes.put(NET_HOST_IP, local.ipv4());
      if (local.ipv6() != null) attributes.put(NET_HOST_IP, local.ipv6());
      if (local.portAsInt() > 0) attributes.put(NET_HOST_PORT, (long) local.portAsInt());
    }
    Endpoint remote = z.remoteEndpoint();
    if (remote != null) {
      if (remote.serviceName() != null) attributes.put(PEER_SERVICE, remote.serviceName());
      if (remote.ipv4() != null) attributes.put(NET_PEER_IP, remote.ipv4());
      if (remote.ipv6() != null) attributes.put(NET_PEER_IP, remote.ipv6());
      if (remote.portAsInt() > 0) attributes.put(NET_PEER_PORT, (long) remote.portAsInt());
    }
    if (z.timestampAsLong() == 0) attributes.put(START_TIME_ABSENT, Boolean.TRUE);
    // Neither wire format can say false: absent and false are the same flag.
    if (Boolean.TRUE.equals(z.shared())) attributes.put(SHARED, Boolean.TRUE);
    if (Boolean.TRUE.equals(z.debug())) attributes.put(DEBUG, Boolean.TRUE);
    Attributes.Builder b = Attributes.builder(attributes.size());
    attributes.forEach(b::put);
    return b.build();
  }
}
