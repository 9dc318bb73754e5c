package dev.ariadne.codec.jaeger;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.ariadne.codec.otlp.DecodedSpans;
import dev.ariadne.model.Span;
import dev.ariadne.model.SpanEvent;
import io.jaegertracing.thriftjava.Batch;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.apache.thrift.TBase;
import org.apache.thrift.TFieldIdEnum;
import org.apache.thrift.meta_data.FieldMetaData;
import org.junit.jupiter.api.Test;

/**
 * Encoding model spans as a binary thrift Batch and decoding it with {@link JaegerThriftDecoder} gives
 * the same spans, times truncated to the microseconds thrift carries, for random spans that use every
 * field Jaeger can carry ({@link RandomJaegerSpans} says which shapes it cannot).
 */
class JaegerThriftRoundTripTest {
  private static final int SEEDS = 300;

  @Test
  void encodeThenDecodeGivesBackTheSpansToTheMicrosecond() throws Exception {
    for (long seed = 1; seed <= SEEDS; seed++) {
      for (List<Span> batch : new RandomJaegerSpans(seed).batches()) {
        List<Batch> encoded = JaegerThriftEncoder.batches(batch);
        assertEquals(1, encoded.size(), "spans sharing a resource share a batch");

        DecodedSpans decoded = JaegerThriftDecoder.decodeBatch(JaegerThriftEncoder.binary(encoded.getFirst()));

        assertEquals(0, decoded.rejected(), "seed " + seed + ": " + decoded.errorMessage());
        assertEquals(batch.stream().map(JaegerThriftRoundTripTest::toMicros).toList(), decoded.spans(), "seed " + seed);
      }
    }
  }

  @Test
  void spansOfAnotherResourceStartAnotherBatch() {
    List<List<Span>> batches = new RandomJaegerSpans(7).batches();
    List<Span> all = batches.stream().flatMap(List::stream).toList();

    List<Batch> encoded = JaegerThriftEncoder.batches(all);

    assertEquals(batches.size(), encoded.size());
    for (int i = 0; i < batches.size(); i++) assertEquals(batches.get(i).size(), encoded.get(i).spans.size());
  }

  /** Keeps the round trip honest: a generator that stopped using some thrift field would weaken it silently. */
  @Test
  void theEncodedBatchesSetEveryFieldOfTheIdl() {
    Set<String> unset = new TreeSet<>();
    for (Class<? extends TBase<?, ?>> type : List.of(Batch.class, io.jaegertracing.thriftjava.Process.class,
        io.jaegertracing.thriftjava.Span.class, io.jaegertracing.thriftjava.Tag.class,
        io.jaegertracing.thriftjava.Log.class, io.jaegertracing.thriftjava.SpanRef.class)) {
      for (TFieldIdEnum field : FieldMetaData.getStructMetaDataMap(type).keySet()) {
        unset.add(type.getSimpleName() + "." + field.getFieldName());
      }
    }

    for (long seed = 1; seed <= SEEDS; seed++) {
      for (List<Span> batch : new RandomJaegerSpans(seed).batches()) {
        for (Batch encoded : JaegerThriftEncoder.batches(batch)) removeSetFields(encoded, unset);
      }
    }

    assertEquals(Set.of(), unset, "fields no encoded batch sets to a value other than the default");
  }

  /** The span as thrift's microseconds carry it: start and duration truncated toward zero, as Jaeger does. */
  private static Span toMicros(Span s) {
    long start = s.startEpochNanos() / 1_000 * 1_000;
    long end = start + s.durationNanos() / 1_000 * 1_000;
    List<SpanEvent> events = s.events().stream()
        .map(e -> new SpanEvent(e.epochNanos() / 1_000 * 1_000, e.name(), e.attributes(), e.droppedAttributesCount()))
        .toList();
    return new Span(s.resource(), s.scope(), s.traceIdHigh(), s.traceIdLow(), s.spanId(), s.parentSpanId(),
        s.traceState(), s.flags(), s.name(), s.kind(), start, end, s.attributes(), s.droppedAttributesCount(),
        events, s.droppedEventsCount(), s.links(), s.droppedLinksCount(), s.statusCode(), s.statusMessage());
  }

  @SuppressWarnings({"rawtypes", "unchecked"})
  private static void removeSetFields(TBase struct, Set<String> unset) {
    Map<? extends TFieldIdEnum, FieldMetaData> fields = FieldMetaData.getStructMetaDataMap(struct.getClass());
    for (TFieldIdEnum field : fields.keySet()) {
      if (!struct.isSet(field)) continue;
      Object value = struct.getFieldValue(field);
      if (!isDefault(value)) unset.remove(struct.getClass().getSimpleName() + "." + field.getFieldName());
      if (value instanceof TBase nested) removeSetFields(nested, unset);
      if (value instanceof List<?> items) {
        for (Object item : items) if (item instanceof TBase nested) removeSetFields(nested, unset);
      }
    }
  }

  private static boolean isDefault(Object value) {
    return switch (value) {
      case null -> true;
      case Long v -> v == 0;
      case Integer v -> v == 0;
      case Double v -> v == 0;
      case Boolean v -> !v;
      case String v -> v.isEmpty();
      case List<?> v -> v.isEmpty();
      case byte[] v -> v.length == 0;
      case ByteBuffer v -> !v.hasRemaining();
      default -> false;
    };
  }
}
