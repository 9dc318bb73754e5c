package dev.ariadne.codec.jaeger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.google.protobuf.ByteString;
import com.google.protobuf.Duration;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.Timestamp;
import dev.ariadne.codec.otlp.DecodedSpans;
import dev.ariadne.model.Attributes;
import dev.ariadne.model.Span;
import io.jaegertracing.api_v2.Collector.PostSpansRequest;
import io.jaegertracing.api_v2.Model;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class JaegerProtoDecoderTest {
  private static final ByteString TRACE_ID = bytes(16, 1);

  @Test
  void aSpansOwnProcessWinsOverTheBatchsAndEqualProcessesShareAResource() {
    Model.Process own = process("own");
    DecodedSpans decoded = JaegerProtoDecoder.decode(Model.Batch.newBuilder()
        .setProcess(process("batch"))
        .addSpans(span(1))
        .addSpans(span(2).setProcess(own))
        .addSpans(span(3).setProcess(own))
        .build());
    List<Span> spans = decoded.spans();
    assertEquals("batch", spans.get(0).serviceName());
    assertEquals("own", spans.get(1).serviceName());
    assertSame(spans.get(1).resource(), spans.get(2).resource());
  }

  @Test
  void spansWithIdsOfTheWrongLengthAreRejectedAndTheOthersKept() {
    DecodedSpans decoded = JaegerProtoDecoder.decode(Model.Batch.newBuilder()
        .addSpans(span(1))
        .addSpans(span(2).setTraceId(bytes(15, 1)))
        .addSpans(span(3).setSpanId(bytes(9, 1)))
        .addSpans(span(4).addReferences(Model.SpanRef.newBuilder().setTraceId(TRACE_ID).setSpanId(bytes(3, 1))))
        .addSpans(span(5).clearTraceId())
        .addSpans(span(6))
        .build());
    assertEquals(2, decoded.spans().size());
    assertEquals("rejected 4 spans: spans[1]: trace_id must be 16 bytes, got 15; "
        + "spans[2]: span_id must be 8 bytes, got 9; "
        + "spans[3]: references[0] must have a 16-byte trace_id and an 8-byte span_id; "
        + "spans[4]: trace id must not be zero", decoded.errorMessage());
  }

  @Test
  void tagsOfAnUnknownTypeAreKeptAsTheTranslatorsText() {
    Span s = JaegerProtoDecoder.decode(Model.Batch.newBuilder()
        .addSpans(span(1).addTags(Model.KeyValue.newBuilder().setKey("odd").setVTypeValue(9)))
        .build()).spans().getFirst();
    assertEquals(Attributes.of("odd", "<Unknown Jaeger TagType \"9\">"), s.attributes());
  }

  @Test
  void timesKeepNanoseconds() {
    Span s = JaegerProtoDecoder.decode(Model.Batch.newBuilder()
        .addSpans(span(1)
            .setStartTime(Timestamp.newBuilder().setSeconds(1_700_000_000).setNanos(123_456_789))
            .setDuration(Duration.newBuilder().setSeconds(2).setNanos(1)))
        .build()).spans().getFirst();
    assertEquals(1_700_000_000_123_456_789L, s.startEpochNanos());
    assertEquals(2_000_000_001L, s.durationNanos());
  }

  @Test
  void bytesThatAreNotARequestFail() {
    byte[] request = PostSpansRequest.newBuilder()
        .setBatch(Model.Batch.newBuilder().setProcess(process("p")).addSpans(span(1))).build().toByteArray();
    assertThrows(InvalidProtocolBufferException.class,
        () -> JaegerProtoDecoder.decode(Arrays.copyOf(request, request.length - 1)));
    assertThrows(InvalidProtocolBufferException.class, () -> JaegerProtoDecoder.decode(new byte[] {0x0a, 0x64, 1}));
  }

  private static Model.Span.Builder span(int id) {
    return Model.Span.newBuilder().setTraceId(TRACE_ID).setSpanId(bytes(8, id)).setOperationName("op" + id);
  }

  private static Model.Process process(String service) {
    return Model.Process.newBuilder().setServiceName(service).build();
  }

  private static ByteString bytes(int length, int fill) {
    byte[] b = new byte[length];
    Arrays.fill(b, (byte) fill);
    return ByteString.copyFrom(b);
  }
}
