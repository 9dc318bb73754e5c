package dev.ariadne.codec.jaeger;

import com.google.protobuf.ByteString;
import com.google.protobuf.InvalidProtocolBufferException;
import dev.ariadne.codec.otlp.DecodedSpans;
import dev.ariadne.model.Attributes;
import dev.ariadne.model.Bytes;
import dev.ariadne.model.Resource;
import io.jaegertracing.api_v2.Collector.PostSpansRequest;
import io.jaegertracing.api_v2.Model;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Decodes Jaeger's api_v2 protobuf: a PostSpansRequest (the body of CollectorService/PostSpans) or a
 * Batch. A span's own process wins over the batch's, as in Jaeger; spans whose processes are equal share
 * one resource. Ids are big-endian bytes, 16 for a trace id and 8 for a span id; a span with ids of
 * other lengths is rejected.
 */
public final class JaegerProtoDecoder {
  private JaegerProtoDecoder() {}

  /**
   * @throws InvalidProtocolBufferException if the bytes are not a PostSpansRequest
   */
  public static DecodedSpans decode(byte[] body) throws InvalidProtocolBufferException {
    return decode(PostSpansRequest.parseFrom(body).getBatch());
  }

  public static DecodedSpans decode(Model.Batch batch) {
    JaegerToModel out = new JaegerToModel();
    Map<Model.Process, Resource> resources = new HashMap<>();
    Resource batchResource = batch.hasProcess() ? resource(batch.getProcess(), resources) : Resource.EMPTY;
    for (int i = 0; i < batch.getSpansCount(); i++) {
      Model.Span span = batch.getSpans(i);
      String where = "spans[" + i + "]";
      String reason = invalidIds(span);
      if (reason != null) {
        out.reject(where, reason);
        continue;
      }
      Resource resource = span.hasProcess() ? resource(span.getProcess(), resources) : batchResource;
      out.add(where, resource, span(span));
    }
    return out.result();
  }

  private static Resource resource(Model.Process process, Map<Model.Process, Resource> resources) {
    return resources.computeIfAbsent(process,
        p -> JaegerToModel.resource(new JaegerProcess(p.getServiceName(), tags(p.getTagsList()))));
  }

  /** Empty ids read as zero (protobuf omits them); any other length than 16 and 8 is an error. */
  private static String invalidIds(Model.Span span) {
    if (!span.getTraceId().isEmpty() && span.getTraceId().size() != 16) {
      return "trace_id must be 16 bytes, got " + span.getTraceId().size();
    }
    if (!span.getSpanId().isEmpty() && span.getSpanId().size() != 8) {
      return "span_id must be 8 bytes, got " + span.getSpanId().size();
    }
    for (int i = 0; i < span.getReferencesCount(); i++) {
      Model.SpanRef ref = span.getReferences(i);
      if ((!ref.getTraceId().isEmpty() && ref.getTraceId().size() != 16)
          || (!ref.getSpanId().isEmpty() && ref.getSpanId().size() != 8)) {
        return "references[" + i + "] must have a 16-byte trace_id and an 8-byte span_id";
      }
    }
    return null;
  }

  private static JaegerSpan span(Model.Span s) {
    long start = nanos(s.getStartTime().getSeconds(), s.getStartTime().getNanos());
    long duration = nanos(s.getDuration().getSeconds(), s.getDuration().getNanos());
    return new JaegerSpan(longAt(s.getTraceId(), 0), longAt(s.getTraceId(), 8), longAt(s.getSpanId(), 0), 0,
        s.getOperationName(), s.getFlags(), start, duration, tags(s.getTagsList()), logs(s.getLogsList()),
        refs(s.getReferencesList()));
  }

  private static List<JaegerSpan.Log> logs(List<Model.Log> logs) {
    List<JaegerSpan.Log> out = new ArrayList<>(logs.size());
    for (Model.Log log : logs) {
      out.add(new JaegerSpan.Log(nanos(log.getTimestamp().getSeconds(), log.getTimestamp().getNanos()),
          tags(log.getFieldsList())));
    }
    return out;
  }

  private static List<JaegerSpan.Ref> refs(List<Model.SpanRef> refs) {
    List<JaegerSpan.Ref> out = new ArrayList<>(refs.size());
    for (Model.SpanRef ref : refs) {
      // An unknown ref_type number is not CHILD_OF, so it reads as FOLLOWS_FROM, as in the translator.
      JaegerSpan.RefType type = ref.getRefType() == Model.SpanRefType.CHILD_OF
          ? JaegerSpan.RefType.CHILD_OF
          : JaegerSpan.RefType.FOLLOWS_FROM;
      out.add(new JaegerSpan.Ref(type, longAt(ref.getTraceId(), 0), longAt(ref.getTraceId(), 8),
          longAt(ref.getSpanId(), 0)));
    }
    return out;
  }

  private static Attributes tags(List<Model.KeyValue> tags) {
    if (tags.isEmpty()) return Attributes.EMPTY;
    Attributes.Builder b = Attributes.builder(tags.size());
    for (Model.KeyValue kv : tags) {
      Object value = switch (kv.getVType()) {
        case STRING -> kv.getVStr();
        case BOOL -> kv.getVBool();
        case INT64 -> kv.getVInt64();
        case FLOAT64 -> kv.getVFloat64();
        case BINARY -> Bytes.wrap(kv.getVBinary().toByteArray());
        // The translator's text for a type it does not know, so the tag is kept, not lost.
        case UNRECOGNIZED -> "<Unknown Jaeger TagType \"" + kv.getVTypeValue() + "\">";
      };
      b.put(kv.getKey(), value);
    }
    return b.build();
  }

  private static long nanos(long seconds, int nanos) {
    return seconds * 1_000_000_000L + nanos;
  }

  /** Big-endian long from eight bytes at {@code offset}; an empty id reads as zero. */
  private static long longAt(ByteString b, int offset) {
    if (b.isEmpty()) return 0;
    long v = 0;
    for (int i = offset; i < offset + 8; i++) {
      v = (v << 8) | (b.byteAt(i) & 0xff);
    }
    return v;
  }
}
