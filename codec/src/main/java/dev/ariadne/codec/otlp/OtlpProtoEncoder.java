package dev.ariadne.codec.otlp;

import com.google.protobuf.ByteString;
import dev.ariadne.model.Attributes;
import dev.ariadne.model.Bytes;
import dev.ariadne.model.InstrumentationScope;
import dev.ariadne.model.Resource;
import dev.ariadne.model.Span;
import dev.ariadne.model.SpanEvent;
import dev.ariadne.model.SpanLink;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import io.opentelemetry.proto.common.v1.AnyValue;
import io.opentelemetry.proto.common.v1.ArrayValue;
import io.opentelemetry.proto.common.v1.EntityRef;
import io.opentelemetry.proto.common.v1.KeyValue;
import io.opentelemetry.proto.common.v1.KeyValueList;
import io.opentelemetry.proto.trace.v1.ResourceSpans;
import io.opentelemetry.proto.trace.v1.ScopeSpans;
import io.opentelemetry.proto.trace.v1.Status;
import java.nio.ByteBuffer;
import java.util.List;

/**
 * Encodes spans as an OTLP ExportTraceServiceRequest. Consecutive spans that share a Resource object
 * (and then an InstrumentationScope object) are grouped under one ResourceSpans (ScopeSpans), which is
 * how they arrived, so decode-then-encode gives back the request.
 */
public final class OtlpProtoEncoder {
  private OtlpProtoEncoder() {}

  public static ExportTraceServiceRequest encode(List<Span> spans) {
    ExportTraceServiceRequest.Builder request = ExportTraceServiceRequest.newBuilder();
    ResourceSpans.Builder rs = null;
    ScopeSpans.Builder ss = null;
    Resource currentResource = null;
    InstrumentationScope currentScope = null;
    for (Span span : spans) {
      if (span.resource() != currentResource) {
        if (rs != null) request.addResourceSpans(rs.addScopeSpans(ss));
        currentResource = span.resource();
        rs = ResourceSpans.newBuilder()
            .setResource(resource(currentResource))
            .setSchemaUrl(currentResource.schemaUrl());
        ss = null;
        currentScope = null;
      }
      if (span.scope() != currentScope) {
        if (ss != null) rs.addScopeSpans(ss);
        currentScope = span.scope();
        ss = ScopeSpans.newBuilder()
            .setScope(scope(currentScope))
            .setSchemaUrl(currentScope.schemaUrl());
      }
      ss.addSpans(span(span));
    }
    if (rs != null) request.addResourceSpans(rs.addScopeSpans(ss));
    return request.build();
  }

  private static io.opentelemetry.proto.resource.v1.Resource resource(Resource r) {
    var b = io.opentelemetry.proto.resource.v1.Resource.newBuilder()
        .addAllAttributes(keyValues(r.attributes()))
        .setDroppedAttributesCount(r.droppedAttributesCount());
    for (Resource.EntityRef e : r.entityRefs()) {
      b.addEntityRefs(EntityRef.newBuilder()
          .setSchemaUrl(e.schemaUrl())
          .setType(e.type())
          .addAllIdKeys(e.idKeys())
          .addAllDescriptionKeys(e.descriptionKeys()));
    }
    return b.build();
  }

  private static io.opentelemetry.proto.common.v1.InstrumentationScope scope(InstrumentationScope s) {
    return io.opentelemetry.proto.common.v1.InstrumentationScope.newBuilder()
        .setName(s.name())
        .setVersion(s.version())
        .addAllAttributes(keyValues(s.attributes()))
        .setDroppedAttributesCount(s.droppedAttributesCount())
        .build();
  }

  private static io.opentelemetry.proto.trace.v1.Span span(Span s) {
    var b = io.opentelemetry.proto.trace.v1.Span.newBuilder()
        .setTraceId(id(s.traceIdHigh(), s.traceIdLow()))
        .setSpanId(id(s.spanId()))
        .setTraceState(s.traceState())
        .setFlags(s.flags())
        .setName(s.name())
        .setKindValue(s.kind().ordinal())
        .setStartTimeUnixNano(s.startEpochNanos())
        .setEndTimeUnixNano(s.endEpochNanos())
        .addAllAttributes(keyValues(s.attributes()))
        .setDroppedAttributesCount(s.droppedAttributesCount())
        .setDroppedEventsCount(s.droppedEventsCount())
        .setDroppedLinksCount(s.droppedLinksCount());
    if (s.parentSpanId() != 0) b.setParentSpanId(id(s.parentSpanId()));
    for (SpanEvent e : s.events()) {
      b.addEvents(io.opentelemetry.proto.trace.v1.Span.Event.newBuilder()
          .setTimeUnixNano(e.epochNanos())
          .setName(e.name())
          .addAllAttributes(keyValues(e.attributes()))
          .setDroppedAttributesCount(e.droppedAttributesCount()));
    }
    for (SpanLink l : s.links()) {
      b.addLinks(io.opentelemetry.proto.trace.v1.Span.Link.newBuilder()
          .setTraceId(id(l.traceIdHigh(), l.traceIdLow()))
          .setSpanId(id(l.spanId()))
          .setTraceState(l.traceState())
          .addAllAttributes(keyValues(l.attributes()))
          .setDroppedAttributesCount(l.droppedAttributesCount())
          .setFlags(l.flags()));
    }
    if (s.statusCode().ordinal() != 0 || !s.statusMessage().isEmpty()) {
      b.setStatus(Status.newBuilder()
          .setCodeValue(s.statusCode().ordinal())
          .setMessage(s.statusMessage()));
    }
    return b.build();
  }

  static List<KeyValue> keyValues(Attributes attributes) {
    if (attributes.isEmpty()) return List.of();
    KeyValue[] out = new KeyValue[attributes.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = KeyValue.newBuilder().setKey(attributes.key(i)).setValue(value(attributes.value(i))).build();
    }
    return List.of(out);
  }

  static AnyValue value(Object v) {
    AnyValue.Builder b = AnyValue.newBuilder();
    switch (dev.ariadne.model.AnyValue.typeOf(v)) {
      case STRING -> b.setStringValue((String) v);
      case BOOL -> b.setBoolValue((Boolean) v);
      case INT -> b.setIntValue((Long) v);
      case DOUBLE -> b.setDoubleValue((Double) v);
      case BYTES -> b.setBytesValue(ByteString.copyFrom(((Bytes) v).toByteArray()));
      case ARRAY -> {
        ArrayValue.Builder array = ArrayValue.newBuilder();
        for (Object item : (List<?>) v) array.addValues(value(item));
        b.setArrayValue(array);
      }
      case KVLIST -> b.setKvlistValue(KeyValueList.newBuilder().addAllValues(keyValues((Attributes) v)));
      case EMPTY -> { }
    }
    return b.build();
  }

  private static ByteString id(long high, long low) {
    return ByteString.copyFrom(ByteBuffer.allocate(16).putLong(high).putLong(low).flip());
  }

  private static ByteString id(long spanId) {
    return ByteString.copyFrom(ByteBuffer.allocate(8).putLong(spanId).flip());
  }
}
