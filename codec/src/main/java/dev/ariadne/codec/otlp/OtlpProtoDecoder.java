package dev.ariadne.codec.otlp;

import com.google.protobuf.ByteString;
import com.google.protobuf.InvalidProtocolBufferException;
import dev.ariadne.model.Attributes;
import dev.ariadne.model.Bytes;
import dev.ariadne.model.InstrumentationScope;
import dev.ariadne.model.Resource;
import dev.ariadne.model.Span;
import dev.ariadne.model.SpanEvent;
import dev.ariadne.model.SpanKind;
import dev.ariadne.model.SpanLink;
import dev.ariadne.model.StatusCode;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import io.opentelemetry.proto.common.v1.AnyValue;
import io.opentelemetry.proto.common.v1.EntityRef;
import io.opentelemetry.proto.common.v1.KeyValue;
import io.opentelemetry.proto.trace.v1.ResourceSpans;
import io.opentelemetry.proto.trace.v1.ScopeSpans;
import java.util.ArrayList;
import java.util.List;

/** Decodes OTLP protobuf (ExportTraceServiceRequest, the same bytes as TracesData) into spans. */
public final class OtlpProtoDecoder {
  private OtlpProtoDecoder() {}

  /**
   * Parses and converts a request body.
   *
   * @throws InvalidProtocolBufferException if the bytes are not a well-formed request
   */
  public static DecodedSpans decode(byte[] body) throws InvalidProtocolBufferException {
    return decode(ExportTraceServiceRequest.parseFrom(body));
  }

  public static DecodedSpans decode(ExportTraceServiceRequest request) {
    List<Span> spans = new ArrayList<>();
    SpanValidator validator = new SpanValidator();
    for (int r = 0; r < request.getResourceSpansCount(); r++) {
      ResourceSpans rs = request.getResourceSpans(r);
      io.opentelemetry.proto.resource.v1.Resource pr = rs.getResource();
      Resource resource = new Resource(attributes(pr.getAttributesList()), pr.getDroppedAttributesCount(),
          entityRefs(pr.getEntityRefsList()), rs.getSchemaUrl());
      for (int s = 0; s < rs.getScopeSpansCount(); s++) {
        ScopeSpans ss = rs.getScopeSpans(s);
        var ps = ss.getScope();
        InstrumentationScope scope = new InstrumentationScope(ps.getName(), ps.getVersion(),
            attributes(ps.getAttributesList()), ps.getDroppedAttributesCount(), ss.getSchemaUrl());
        for (int i = 0; i < ss.getSpansCount(); i++) {
          io.opentelemetry.proto.trace.v1.Span p = ss.getSpans(i);
          String reason = invalidReason(p);
          if (reason != null) {
            validator.reject("resource_spans[" + r + "].scope_spans[" + s + "].spans[" + i + "]", reason);
            continue;
          }
          spans.add(span(resource, scope, p));
        }
      }
    }
    return new DecodedSpans(spans, validator.rejected(), validator.message());
  }

  private static String invalidReason(io.opentelemetry.proto.trace.v1.Span p) {
    String reason = SpanValidator.checkIds(p.getTraceId().size(), isZero(p.getTraceId()),
        p.getSpanId().size(), isZero(p.getSpanId()), p.getParentSpanId().size());
    if (reason != null) return reason;
    for (int i = 0; i < p.getLinksCount(); i++) {
      var link = p.getLinks(i);
      if (link.getTraceId().size() != 16 || link.getSpanId().size() != 8) {
        return "links[" + i + "] must have a 16-byte trace_id and an 8-byte span_id";
      }
    }
    return null;
  }

  private static Span span(Resource resource, InstrumentationScope scope,
      io.opentelemetry.proto.trace.v1.Span p) {
    ByteString traceId = p.getTraceId();
    return Span.builder()
        .resource(resource)
        .scope(scope)
        .traceId(longAt(traceId, 0), longAt(traceId, 8))
        .spanId(longAt(p.getSpanId(), 0))
        .parentSpanId(p.getParentSpanId().isEmpty() ? 0 : longAt(p.getParentSpanId(), 0))
        .traceState(p.getTraceState())
        .flags(p.getFlags())
        .name(p.getName())
        .kind(SpanKind.fromWire(p.getKindValue()))
        .startEpochNanos(p.getStartTimeUnixNano())
        .endEpochNanos(p.getEndTimeUnixNano())
        .attributes(attributes(p.getAttributesList()))
        .droppedAttributesCount(p.getDroppedAttributesCount())
        .events(events(p.getEventsList()))
        .droppedEventsCount(p.getDroppedEventsCount())
        .links(links(p.getLinksList()))
        .droppedLinksCount(p.getDroppedLinksCount())
        .status(StatusCode.fromWire(p.getStatus().getCodeValue()), p.getStatus().getMessage())
        .build();
  }

  private static List<SpanEvent> events(List<io.opentelemetry.proto.trace.v1.Span.Event> events) {
    if (events.isEmpty()) return List.of();
    List<SpanEvent> out = new ArrayList<>(events.size());
    for (var e : events) {
      out.add(new SpanEvent(e.getTimeUnixNano(), e.getName(), attributes(e.getAttributesList()),
          e.getDroppedAttributesCount()));
    }
    return out;
  }

  private static List<SpanLink> links(List<io.opentelemetry.proto.trace.v1.Span.Link> links) {
    if (links.isEmpty()) return List.of();
    List<SpanLink> out = new ArrayList<>(links.size());
    for (var l : links) {
      out.add(new SpanLink(longAt(l.getTraceId(), 0), longAt(l.getTraceId(), 8), longAt(l.getSpanId(), 0),
          l.getTraceState(), attributes(l.getAttributesList()), l.getDroppedAttributesCount(),
          l.getFlags()));
    }
    return out;
  }

  private static List<Resource.EntityRef> entityRefs(List<EntityRef> refs) {
    if (refs.isEmpty()) return List.of();
    List<Resource.EntityRef> out = new ArrayList<>(refs.size());
    for (EntityRef e : refs) {
      out.add(new Resource.EntityRef(e.getSchemaUrl(), e.getType(), e.getIdKeysList(),
          e.getDescriptionKeysList()));
    }
    return out;
  }

  static Attributes attributes(List<KeyValue> kvs) {
    if (kvs.isEmpty()) return Attributes.EMPTY;
    Attributes.Builder b = Attributes.builder(kvs.size());
    for (KeyValue kv : kvs) {
      b.put(kv.getKey(), value(kv.getValue()));
    }
    return b.build();
  }

  static Object value(AnyValue v) {
    return switch (v.getValueCase()) {
      case STRING_VALUE -> v.getStringValue();
      case BOOL_VALUE -> v.getBoolValue();
      case INT_VALUE -> v.getIntValue();
      case DOUBLE_VALUE -> v.getDoubleValue();
      case BYTES_VALUE -> Bytes.wrap(v.getBytesValue().toByteArray());
      case ARRAY_VALUE -> {
        List<Object> items = new ArrayList<>(v.getArrayValue().getValuesCount());
        for (AnyValue item : v.getArrayValue().getValuesList()) items.add(value(item));
        yield List.copyOf(items);
      }
      case KVLIST_VALUE -> attributes(v.getKvlistValue().getValuesList());
      // string_value_strindex is meaningful only inside profiles, which carry the string table.
      case STRING_VALUE_STRINDEX, VALUE_NOT_SET -> dev.ariadne.model.AnyValue.EMPTY;
    };
  }

  private static boolean isZero(ByteString b) {
    for (int i = 0; i < b.size(); i++) {
      if (b.byteAt(i) != 0) return false;
    }
    return true;
  }

  /** Big-endian long from eight bytes at {@code offset}, the byte order of OTLP ids. */
  private static long longAt(ByteString b, int offset) {
    long v = 0;
    for (int i = offset; i < offset + 8; i++) {
      v = (v << 8) | (b.byteAt(i) & 0xff);
    }
    return v;
  }
}
