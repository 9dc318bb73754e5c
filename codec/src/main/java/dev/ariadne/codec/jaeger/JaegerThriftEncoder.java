package dev.ariadne.codec.jaeger;

import dev.ariadne.model.Attributes;
import dev.ariadne.model.Bytes;
import dev.ariadne.model.Resource;
import io.jaegertracing.thriftjava.Batch;
import io.jaegertracing.thriftjava.Log;
import io.jaegertracing.thriftjava.Process;
import io.jaegertracing.thriftjava.Span;
import io.jaegertracing.thriftjava.SpanRef;
import io.jaegertracing.thriftjava.SpanRefType;
import io.jaegertracing.thriftjava.Tag;
import io.jaegertracing.thriftjava.TagType;
import java.util.ArrayList;
import java.util.List;
import org.apache.thrift.TException;
import org.apache.thrift.TSerializer;
import org.apache.thrift.protocol.TBinaryProtocol;

/**
 * Encodes model spans as Jaeger thrift, by the rules of {@link ModelToJaeger}: Batches in which
 * consecutive spans sharing a Resource object share one process, and a Batch in the binary protocol,
 * the body Jaeger clients POST to a collector's /api/traces.
 *
 * <p>Thrift carries times in microseconds: start and duration are truncated toward zero, as Jaeger's
 * own domain-to-thrift converter does. {@code parentSpanId} holds the parent and the references repeat
 * it first as CHILD_OF, as that converter writes them.
 */
public final class JaegerThriftEncoder {
  private JaegerThriftEncoder() {}

  public static List<Batch> batches(List<dev.ariadne.model.Span> spans) {
    List<Batch> batches = new ArrayList<>();
    Batch batch = null;
    Resource current = null;
    for (dev.ariadne.model.Span span : spans) {
      if (batch == null || span.resource() != current) {
        current = span.resource();
        batch = new Batch(process(current), new ArrayList<>());
        batches.add(batch);
      }
      batch.spans.add(span(span));
    }
    return batches;
  }

  /** The batch in thrift's binary protocol. */
  public static byte[] binary(Batch batch) {
    try {
      return new TSerializer(new TBinaryProtocol.Factory()).serialize(batch);
    } catch (TException e) {
      // Writing to memory fails only for a struct missing a required field, which batches() never builds.
      throw new IllegalStateException("cannot serialize a Jaeger thrift Batch: " + e.getMessage(), e);
    }
  }

  public static Process process(Resource resource) {
    JaegerProcess p = ModelToJaeger.process(resource);
    Process process = new Process(p.serviceName());
    if (!p.tags().isEmpty()) process.setTags(tags(p.tags()));
    return process;
  }

  public static Span span(dev.ariadne.model.Span span) {
    JaegerSpan j = ModelToJaeger.span(span);
    Span s = new Span(j.traceIdLow(), j.traceIdHigh(), j.spanId(), j.parentSpanId(), j.operationName(), j.flags(),
        j.startEpochNanos() / 1_000, j.durationNanos() / 1_000);
    if (!j.tags().isEmpty()) s.setTags(tags(j.tags()));
    if (!j.logs().isEmpty()) {
      List<Log> logs = new ArrayList<>(j.logs().size());
      for (JaegerSpan.Log log : j.logs()) logs.add(new Log(log.epochNanos() / 1_000, tags(log.fields())));
      s.setLogs(logs);
    }
    if (!j.references().isEmpty()) {
      List<SpanRef> refs = new ArrayList<>(j.references().size());
      for (JaegerSpan.Ref ref : j.references()) {
        SpanRefType type = ref.type() == JaegerSpan.RefType.CHILD_OF ? SpanRefType.CHILD_OF : SpanRefType.FOLLOWS_FROM;
        refs.add(new SpanRef(type, ref.traceIdLow(), ref.traceIdHigh(), ref.spanId()));
      }
      s.setReferences(refs);
    }
    return s;
  }

  private static List<Tag> tags(Attributes attributes) {
    List<Tag> tags = new ArrayList<>(attributes.size());
    for (int i = 0; i < attributes.size(); i++) {
      String key = attributes.key(i);
      tags.add(switch (attributes.value(i)) {
        case String v -> new Tag(key, TagType.STRING).setVStr(v);
        case Boolean v -> new Tag(key, TagType.BOOL).setVBool(v);
        case Long v -> new Tag(key, TagType.LONG).setVLong(v);
        case Double v -> new Tag(key, TagType.DOUBLE).setVDouble(v);
        case Bytes v -> new Tag(key, TagType.BINARY).setVBinary(v.toByteArray());
        default -> throw new IllegalArgumentException("not a Jaeger tag value: " + attributes.value(i));
      });
    }
    return tags;
  }
}
