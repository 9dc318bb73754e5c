package dev.ariadne.server.fidelity;

import com.google.protobuf.ByteString;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.util.JsonFormat;
import io.opentelemetry.proto.common.v1.AnyValue;
import io.opentelemetry.proto.common.v1.KeyValue;
import io.opentelemetry.proto.trace.v1.ResourceSpans;
import io.opentelemetry.proto.trace.v1.ScopeSpans;
import io.opentelemetry.proto.trace.v1.Span;
import io.opentelemetry.proto.trace.v1.TracesData;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads Tempo's trace-by-id answer the way Tempo's own client does: protobuf as {@code tempopb.Trace}
 * (the bytes of OTLP's TracesData), JSON by renaming {@code batches} to {@code resourceSpans} and
 * parsing with protobuf's JSON parser (ids in base64, enums by name). Then flattens it into
 * {@link StoredSpan}s, refusing a repeated attribute key rather than hiding it in a map.
 */
final class TempoReader {
  private TempoReader() {}

  static List<StoredSpan> fromProtobuf(byte[] body) throws InvalidProtocolBufferException {
    return read(TracesData.parseFrom(body));
  }

  static List<StoredSpan> fromJson(String body) throws InvalidProtocolBufferException {
    if (!body.startsWith("{\"batches\":")) throw new AssertionError("not Tempo's v1 trace JSON: " + body);
    TracesData.Builder data = TracesData.newBuilder();
    JsonFormat.parser().merge(body.replaceFirst("\"batches\":", "\"resourceSpans\":"), data);
    return read(data.build());
  }

  private static List<StoredSpan> read(TracesData data) {
    List<StoredSpan> spans = new ArrayList<>();
    for (ResourceSpans rs : data.getResourceSpansList()) {
      Map<String, Object> resource = map(rs.getResource().getAttributesList());
      for (ScopeSpans ss : rs.getScopeSpansList()) {
        for (Span s : ss.getSpansList()) {
          spans.add(new StoredSpan(hex(s.getTraceId()), hex(s.getSpanId()), hex(s.getParentSpanId()), s.getName(),
              s.getKind().name().replace("SPAN_KIND_", ""), resource, ss.getScope().getName(),
              ss.getScope().getVersion(), s.getStartTimeUnixNano(), s.getEndTimeUnixNano(),
              map(s.getAttributesList()), events(s), links(s), s.getStatus().getCode().name().replace("STATUS_CODE_", ""),
              s.getStatus().getMessage(), s.getFlags() & 0xff));
        }
      }
    }
    return spans;
  }

  private static List<StoredSpan.Event> events(Span s) {
    List<StoredSpan.Event> events = new ArrayList<>();
    for (Span.Event e : s.getEventsList()) {
      events.add(new StoredSpan.Event(e.getTimeUnixNano(), e.getName(), map(e.getAttributesList())));
    }
    return events;
  }

  private static List<StoredSpan.Link> links(Span s) {
    List<StoredSpan.Link> links = new ArrayList<>();
    for (Span.Link l : s.getLinksList()) {
      links.add(new StoredSpan.Link(hex(l.getTraceId()), hex(l.getSpanId()), map(l.getAttributesList())));
    }
    return links;
  }

  private static Map<String, Object> map(List<KeyValue> keyValues) {
    Map<String, Object> map = new LinkedHashMap<>();
    for (KeyValue kv : keyValues) {
      if (map.put(kv.getKey(), value(kv.getValue())) != null) {
        throw new AssertionError("attribute " + kv.getKey() + " appears twice: " + keyValues);
      }
    }
    return map;
  }

  private static Object value(AnyValue v) {
    return switch (v.getValueCase()) {
      case STRING_VALUE -> v.getStringValue();
      case BOOL_VALUE -> v.getBoolValue();
      case INT_VALUE -> v.getIntValue();
      case DOUBLE_VALUE -> v.getDoubleValue();
      case ARRAY_VALUE -> v.getArrayValue().getValuesList().stream().map(TempoReader::value).toList();
      case KVLIST_VALUE -> map(v.getKvlistValue().getValuesList());
      case BYTES_VALUE -> v.getBytesValue();
      default -> throw new AssertionError("an AnyValue ShopTrace never sends: " + v);
    };
  }

  private static String hex(ByteString id) {
    return HexFormat.of().formatHex(id.toByteArray());
  }
}
