package dev.ariadne.codec.otlp;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.Message;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * Decoding protobuf into the model and encoding it back loses nothing, for random requests that set
 * every field (see {@link RandomRequests} for the shapes the model cannot keep apart, and so are not
 * generated: empty ScopeSpans, an unset resource or scope, a Status left at its defaults).
 */
class OtlpProtoRoundTripTest {
  private static final int REQUESTS = 300;

  @Test
  void decodeThenEncodeGivesBackTheRequest() throws Exception {
    for (long seed = 1; seed <= REQUESTS; seed++) {
      ExportTraceServiceRequest request = new RandomRequests(seed, false).request();

      DecodedSpans decoded = OtlpProtoDecoder.decode(request.toByteArray());

      String where = "seed " + seed;
      assertEquals(RandomRequests.spanCount(request), decoded.spans().size(), where);
      assertEquals(0, decoded.rejected(), where);
      assertEquals(request, OtlpProtoEncoder.encode(decoded.spans()), where);
    }
  }

  /** Keeps the test above honest: a generator that stopped setting some field would weaken it silently. */
  @Test
  void theRequestsSetEveryFieldOfTheSchema() {
    Set<String> unset = new TreeSet<>();
    schemaFields(ExportTraceServiceRequest.getDescriptor(), unset);
    // Meaningful only in profiles, which carry the string table; the span model has no place for them.
    unset.remove("opentelemetry.proto.common.v1.AnyValue.string_value_strindex");
    unset.remove("opentelemetry.proto.common.v1.KeyValue.key_strindex");

    for (long seed = 1; seed <= REQUESTS; seed++) {
      removeSetFields(new RandomRequests(seed, false).request(), unset);
    }

    assertEquals(Set.of(), unset, "fields no generated request sets to a value other than the default");
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
      for (Object item : field.isRepeated() ? (List<?>) value : List.of(value)) {
        removeSetFields((Message) item, unset);
      }
    });
  }
}
