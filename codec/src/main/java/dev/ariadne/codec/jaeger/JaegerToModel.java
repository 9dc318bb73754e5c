package dev.ariadne.codec.jaeger;

import dev.ariadne.codec.otlp.DecodedSpans;
import dev.ariadne.codec.otlp.SpanValidator;
import dev.ariadne.model.Attributes;
import dev.ariadne.model.InstrumentationScope;
import dev.ariadne.model.Resource;
import dev.ariadne.model.Span;
import dev.ariadne.model.SpanEvent;
import dev.ariadne.model.SpanKind;
import dev.ariadne.model.SpanLink;
import dev.ariadne.model.StatusCode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Turns the Jaeger spans of one request into model spans, by the rules of the OpenTelemetry Collector's
 * Jaeger translator (opentelemetry-collector-contrib pkg/translator/jaeger, Jaeger to pdata), for thrift
 * and protobuf alike:
 *
 * <ul>
 *   <li>the process becomes the resource: serviceName is service.name, tags are attributes, "hostname"
 *       becomes host.name and "jaeger.version" becomes opencensus.exporterversion "Jaeger-…";
 *   <li>tags become attributes; as in a pdata map a repeated key keeps its first place and last value;
 *   <li>the tags that OTel has fields for become those fields and are removed: span.kind, error (when
 *       boolean true), otel.status_code, otel.status_description, w3c.tracestate, otel.scope.name and
 *       otel.scope.version (or the older otel.library.name and otel.library.version); without an explicit
 *       status, an http.status_code that means failure sets status ERROR (and stays a tag);
 *   <li>the parent is thrift's parentSpanId, else the first CHILD_OF reference into the same trace, else
 *       the first FOLLOWS_FROM one; every other reference becomes a link with an opentracing.ref_type
 *       attribute ("child_of" or "follows_from");
 *   <li>logs become events, named by their "event" field, which is removed.
 * </ul>
 *
 * <p>One departure: the translator drops Jaeger's flags; here the sampled flag (1) becomes W3C's sampled
 * flag, so it survives to the Jaeger API. Spans with an all-zero trace id or span id are rejected.
 */
public final class JaegerToModel {
  static final String NO_SERVICE_NAME = "OTLPResourceNoServiceName";
  static final String REF_TYPE = "opentracing.ref_type";
  static final String EVENT = "event";

  private final List<Span> spans = new ArrayList<>();
  private final SpanValidator validator = new SpanValidator();
  private final Map<InstrumentationScope, InstrumentationScope> scopes = new HashMap<>();

  /** The resource a process describes; a missing process is an empty resource. */
  public static Resource resource(JaegerProcess process) {
    if (process == null || process.serviceName().equals(NO_SERVICE_NAME)) return Resource.EMPTY;
    if (process.serviceName().isEmpty() && process.tags().isEmpty()) return Resource.EMPTY;
    Map<String, Object> attributes = new LinkedHashMap<>();
    if (!process.serviceName().isEmpty()) attributes.put(Resource.SERVICE_NAME, process.serviceName());
    putAll(attributes, process.tags());
    if (attributes.containsKey("hostname") && !attributes.containsKey("host.name")) {
      attributes.put("host.name", attributes.remove("hostname"));
    }
    if (attributes.containsKey("jaeger.version") && !attributes.containsKey("opencensus.exporterversion")) {
      attributes.put("opencensus.exporterversion", "Jaeger-" + str(attributes.remove("jaeger.version")));
    }
    return Resource.of(attributes(attributes));
  }

  /** Translates {@code span} and keeps it, or counts it rejected, naming it by {@code where}. */
  public void add(String where, Resource resource, JaegerSpan span) {
    if (span.traceIdHigh() == 0 && span.traceIdLow() == 0) {
      validator.reject(where, "trace id must not be zero");
    } else if (span.spanId() == 0) {
      validator.reject(where, "span id must not be zero");
    } else {
      spans.add(translate(resource, span));
    }
  }

  /** Counts a span the format's own checks rejected before it could be translated. */
  public void reject(String where, String reason) {
    validator.reject(where, reason);
  }

  public DecodedSpans result() {
    return new DecodedSpans(spans, validator.rejected(), validator.message());
  }

  private Span translate(Resource resource, JaegerSpan j) {
    Attributes tags = j.tags();
    // The scope comes from the first otel.scope.name tag (else otel.library.name) and, only then, the
    // first matching version tag; both leave the tags.
    String versionKey = "otel.scope.version";
    int nameAt = indexOf(tags, "otel.scope.name");
    if (nameAt < 0) {
      nameAt = indexOf(tags, "otel.library.name");
      versionKey = "otel.library.version";
    }
    int versionAt = nameAt < 0 ? -1 : indexOf(tags, versionKey);
    InstrumentationScope scope = nameAt < 0
        ? InstrumentationScope.EMPTY
        : scope(str(tags.value(nameAt)), versionAt < 0 ? "" : str(tags.value(versionAt)));
    Map<String, Object> attributes = new LinkedHashMap<>();
    for (int i = 0; i < tags.size(); i++) {
      if (i != nameAt && i != versionAt) attributes.put(tags.key(i), tags.value(i));
    }

    SpanKind kind = SpanKind.UNSPECIFIED;
    if (attributes.containsKey("span.kind")) kind = kind(str(attributes.remove("span.kind")));
    Span.Builder span = Span.builder();
    status(attributes, kind, span);
    Object traceState = attributes.remove("w3c.tracestate");

    long parent = parentSpanId(j);
    return span
        .resource(resource)
        .scope(scope)
        .traceId(j.traceIdHigh(), j.traceIdLow())
        .spanId(j.spanId())
        .parentSpanId(parent)
        .traceState(traceState == null ? "" : str(traceState))
        .flags((j.flags() & JaegerSpan.FLAG_SAMPLED) != 0 ? 0x01 : 0)
        .name(j.operationName())
        .kind(kind)
        .startEpochNanos(j.startEpochNanos())
        .endEpochNanos(j.startEpochNanos() + j.durationNanos())
        .attributes(attributes(attributes))
        .events(events(j.logs()))
        .links(links(j.references(), parent))
        .build();
  }

  /** One scope object per name and version within the request, so spans share it as in OTLP. */
  private InstrumentationScope scope(String name, String version) {
    return scopes.computeIfAbsent(InstrumentationScope.of(name, version), s -> s);
  }

  /**
   * The translator's status rules: error=true wins, with otel.status_description (else
   * http.status_message) as the message; otherwise otel.status_code (OK or ERROR, any case) with
   * otel.status_description; otherwise an http.status_code that means failure. otel.status_code is removed
   * in every case.
   */
  private static void status(Map<String, Object> attributes, SpanKind kind, Span.Builder span) {
    StatusCode code = StatusCode.UNSET;
    String message = "";
    boolean set = false;
    if (Boolean.TRUE.equals(attributes.get("error"))) {
      attributes.remove("error");
      code = StatusCode.ERROR;
      set = true;
      Object description = attributes.remove("otel.status_description");
      if (description != null) {
        message = str(description);
      } else if (attributes.containsKey("http.status_message")) {
        message = str(attributes.get("http.status_message"));
      }
    }
    if (attributes.containsKey("otel.status_code")) {
      Object otelCode = attributes.remove("otel.status_code");
      if (!set) {
        set = true;
        switch (str(otelCode).toUpperCase(Locale.ROOT)) {
          case "OK" -> code = StatusCode.OK;
          case "ERROR" -> code = StatusCode.ERROR;
          default -> { }
        }
        Object description = attributes.remove("otel.status_description");
        if (description != null) message = str(description);
      }
    } else if (!set && attributes.containsKey("http.status_code")) {
      Long httpCode = integer(attributes.get("http.status_code"));
      if (httpCode != null) {
        StatusCode fromHttp = fromHttp(httpCode, kind);
        if (fromHttp != StatusCode.UNSET) {
          set = true;
          code = fromHttp;
        }
        if (attributes.containsKey("http.status_message")) message = str(attributes.get("http.status_message"));
      }
    }
    if (set) span.status(code, message);
  }

  /** OTel's HTTP rule: 4xx is an error for clients only, other codes outside [100, 399) always. */
  private static StatusCode fromHttp(long code, SpanKind kind) {
    if (code >= 400 && code < 500) {
      if (kind == SpanKind.CLIENT) return StatusCode.ERROR;
      if (kind == SpanKind.SERVER) return StatusCode.UNSET;
    }
    // The translator's bound is "< 399", so 399 counts as a failure; kept for fidelity.
    return code >= 100 && code < 399 ? StatusCode.UNSET : StatusCode.ERROR;
  }

  private static Long integer(Object value) {
    if (value instanceof Long l) return l;
    if (value instanceof String s) {
      try {
        return Long.parseLong(s);
      } catch (NumberFormatException e) {
        return null;
      }
    }
    return null;
  }

  private static SpanKind kind(String jaegerKind) {
    return switch (jaegerKind) {
      case "client" -> SpanKind.CLIENT;
      case "server" -> SpanKind.SERVER;
      case "producer" -> SpanKind.PRODUCER;
      case "consumer" -> SpanKind.CONSUMER;
      case "internal" -> SpanKind.INTERNAL;
      default -> SpanKind.UNSPECIFIED;
    };
  }

  /** thrift's parentSpanId if set, else the first same-trace CHILD_OF reference, else FOLLOWS_FROM. */
  private static long parentSpanId(JaegerSpan j) {
    if (j.parentSpanId() != 0) return j.parentSpanId();
    JaegerSpan.Ref followsFrom = null;
    for (JaegerSpan.Ref ref : j.references()) {
      if (ref.traceIdHigh() != j.traceIdHigh() || ref.traceIdLow() != j.traceIdLow()) continue;
      if (ref.type() == JaegerSpan.RefType.CHILD_OF) return ref.spanId();
      if (followsFrom == null) followsFrom = ref;
    }
    return followsFrom == null ? 0 : followsFrom.spanId();
  }

  /** Every reference but the CHILD_OF one to the parent (the translator compares span ids only). */
  private static List<SpanLink> links(List<JaegerSpan.Ref> refs, long parent) {
    List<SpanLink> links = new ArrayList<>(refs.size());
    for (JaegerSpan.Ref ref : refs) {
      boolean childOf = ref.type() == JaegerSpan.RefType.CHILD_OF;
      if (childOf && ref.spanId() == parent) continue;
      links.add(new SpanLink(ref.traceIdHigh(), ref.traceIdLow(), ref.spanId(), "",
          Attributes.of(REF_TYPE, childOf ? "child_of" : "follows_from"), 0, 0));
    }
    return links;
  }

  private static List<SpanEvent> events(List<JaegerSpan.Log> logs) {
    List<SpanEvent> events = new ArrayList<>(logs.size());
    for (JaegerSpan.Log log : logs) {
      Map<String, Object> fields = new LinkedHashMap<>();
      putAll(fields, log.fields());
      Object name = fields.remove(EVENT);
      events.add(new SpanEvent(log.epochNanos(), name == null ? "" : str(name), attributes(fields), 0));
    }
    return events;
  }

  private static int indexOf(Attributes tags, String key) {
    for (int i = 0; i < tags.size(); i++) {
      if (tags.key(i).equals(key)) return i;
    }
    return -1;
  }

  /** Puts each tag in order: a repeated key keeps its first place and takes the last value. */
  private static void putAll(Map<String, Object> into, Attributes tags) {
    for (int i = 0; i < tags.size(); i++) into.put(tags.key(i), tags.value(i));
  }

  private static Attributes attributes(Map<String, Object> map) {
    Attributes.Builder b = Attributes.builder(map.size());
    map.forEach(b::put);
    return b.build();
  }

  /** A value read as a string the way pdata's Str() reads it: "" unless it is a string. */
  private static String str(Object value) {
    return value instanceof String s ? s : "";
  }
}
