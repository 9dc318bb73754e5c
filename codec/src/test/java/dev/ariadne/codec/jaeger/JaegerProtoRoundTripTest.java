package dev.ariadne.codec.jaeger;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.Message;
import dev.ariadne.codec.otlp.DecodedSpans;
import dev.ariadne.model.Span;
import io.jaegertracing.api_v2.Collector.PostSpansRequest;
import io.jaegertracing.api_v2.Model;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * Encoding model spans as api_v2 protobuf and decoding them back gives the same spans, for random spans
 * that use every field Jaeger can carry ({@link RandomJaegerSpans} says which shapes it cannot).
 */
class JaegerProtoRoundTripTest {
  private static final int SEEDS = 300;

  @Test
  void encodeThenDecodeGivesBackTheSpans() throws Exception {
    for (long seed = 1; seed <= SEEDS; seed++) {
      for (List<Span> batch : new RandomJaegerSpans(seed).batches()) {
        List<Model.Batch> encoded = JaegerProtoEncoder.batches(batch);
        assertEquals(1, encoded.size(), "spans sharing a resource share a batch");

        byte[] wire = PostSpansRequest.newBuilder().setBatch(encoded.getFirst()).build().toByteArray();
        DecodedSpans decoded = JaegerProtoDecoder.decode(wire);

        assertEquals(0, decoded.rejected(), "seed " + seed + ": " + decoded.errorMessage());
        assertEquals(batch, decoded.spans(), "seed " + seed);
      }
    }
  }

  /** Keeps the test above honest: a generator that stopped using some field would weaken it silently. */
  @Test
  void theEncodedBatchesSetEveryFieldABatchCarries() {
    Set<String> unset = new TreeSet<>();
    schemaFields(Model.Batch.getDescriptor(), unset);
    // Set by Jaeger's storage and query side, not in a batch a client sends: the batch carries the
    // process, and warnings come from the query service.
    unset.removeAll(Set.of("jaeger.api_v2.Span.process", "jaeger.api_v2.Span.process_id",
        "jaeger.api_v2.Span.warnings"));

    for (long seed = 1; seed <= SEEDS; seed++) {
      for (List<Span> batch : new RandomJaegerSpans(seed).batches()) {
        for (Model.Batch encoded : JaegerProtoEncoder.batches(batch)) removeSetFields(encoded, unset);
      }
    }

    assertEquals(Set.of(), unset, "fields no encoded batch sets to a value other than the default");
  }

  private static void schemaFields(Descriptor message, Set<String> out) {
    for (FieldDescriptor field : message.getFields()) {
      if (out.add(field.getFullName()) && field.getJavaType() == FieldDescriptor.JavaType.MESSAGE) {
        schemaFields(field.getMessageType(), out);
      }
    }
  }

  private static void removeSetFields(Message message, Set<String> unset) {
    message.getAllFields().forEach((field, value) -> {
      unset.remove(field.getFullName());
      if (field.getJavaType() != FieldDescriptor.JavaType.MESSAGE) return;
      if (field.isRepeated()) {
        for (Object item : (List<?>) value) removeSetFields((Message) item, unset);
      } else {
        removeSetFields((Message) value, unset);
      }
    });
  }
}
