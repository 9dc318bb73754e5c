package dev.ariadne.codec.jaeger;

import com.google.protobuf.ByteString;
import com.google.protobuf.Duration;
import com.google.protobuf.Timestamp;
import dev.ariadne.model.Attributes;
import dev.ariadne.model.Bytes;
import dev.ariadne.model.Resource;
import dev.ariadne.model.Span;
import io.jaegertracing.api_v2.Model;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

/**
 * Encodes model spans as Jaeger's api_v2 protobuf, by the rules of {@link ModelToJaeger}: spans, a
 * process, or Batches in which consecutive spans sharing a Resource object share one process.
 */
public final class JaegerProtoEncoder {
  private JaegerProtoEncoder() {}

  public static List<Model.Batch> batches(List<Span> spans) {
    List<Model.Batch> batches = new ArrayList<>();
    Model.Batch.Builder batch = null;
    Resource current = null;
    for (Span span : spans) {
      if (batch == null || span.resource() != current) {
        if (batch != null) batches.add(batch.build());
        current = span.resource();
        batch = Model.Batch.newBuilder().setProcess(process(current));
      }
      batch.addSpans(span(span));
    }
    if (batch != null) batches.add(batch.build());
    return batches;
  }

  public static Model.Process process(Resource resource) {
    JaegerProcess process = ModelToJaeger.process(resource);
    return Model.Process.newBuilder()
        .setServiceName(process.serviceName())
        .addAllTags(keyValues(process.tags()))
        .build();
  }

  /** The span without its process, which a Batch or a query answer carries beside it. */
  public static Model.Span span(Span span) {
    JaegerSpan j = ModelToJaeger.span(span);
    Model.Span.Builder b = Model.Span.newBuilder()
        .setTraceId(traceId(j.traceIdHigh(), j.traceIdLow()))
        .setSpanId(spanId(j.spanId()))
        .setOperationName(j.operationName())
        .setFlags(j.flags())
        .setStartTime(timestamp(j.startEpochNanos()))
        .setDuration(duration(j.durationNanos()))
        .addAllTags(keyValues(j.tags()));
    for (JaegerSpan.Ref ref : j.references()) {
      b.addReferences(Model.SpanRef.newBuilder()
          .setTraceId(traceId(ref.traceIdHigh(), ref.traceIdLow()))
          .setSpanId(spanId(ref.spanId()))
          .setRefType(ref.type() == JaegerSpan.RefType.CHILD_OF
              ? Model.SpanRefType.CHILD_OF
              : Model.SpanRefType.FOLLOWS_FROM));
    }
    for (JaegerSpan.Log log : j.logs()) {
      b.addLogs(Model.Log.newBuilder()
          .setTimestamp(timestamp(log.epochNanos()))
          .addAllFields(keyValues(log.fields())));
    }
    return b.build();
  }

  private static List<Model.KeyValue> keyValues(Attributes tags) {
    List<Model.KeyValue> out = new ArrayList<>(tags.size());
    for (int i = 0; i < tags.size(); i++) {
      Model.KeyValue.Builder kv = Model.KeyValue.newBuilder().setKey(tags.key(i));
      switch (tags.value(i)) {
        case String s -> kv.setVType(Model.ValueType.STRING).setVStr(s);
        case Boolean v -> kv.setVType(Model.ValueType.BOOL).setVBool(v);
        case Long v -> kv.setVType(Model.ValueType.INT64).setVInt64(v);
        case Double v -> kv.setVType(Model.ValueType.FLOAT64).setVFloat64(v);
        case Bytes v -> kv.setVType(Model.ValueType.BINARY).setVBinary(ByteString.copyFrom(v.toByteArray()));
        default -> throw new IllegalArgumentException("not a Jaeger tag value: " + tags.value(i));
      }
      out.add(kv.build());
    }
    return out;
  }

  private static Timestamp timestamp(long epochNanos) {
    return Timestamp.newBuilder()
        .setSeconds(Math.floorDiv(epochNanos, 1_000_000_000L))
        .setNanos((int) Math.floorMod(epochNanos, 1_000_000_000L))
        .build();
  }

  /** protobuf's Duration: seconds and nanos carry the same sign. */
  private static Duration duration(long nanos) {
    return Duration.newBuilder()
        .setSeconds(nanos / 1_000_000_000L)
        .setNanos((int) (nanos % 1_000_000_000L))
        .build();
  }

  private static ByteString traceId(long high, long low) {
    return ByteString.copyFrom(ByteBuffer.allocate(16).putLong(high).putLong(low).array());
  }

  private static ByteString spanId(long id) {
    return ByteString.copyFrom(ByteBuffer.allocate(8).putLong(id).array());
  }
}
