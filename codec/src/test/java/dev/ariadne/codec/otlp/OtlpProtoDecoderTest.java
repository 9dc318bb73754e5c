package dev.ariadne.codec.otlp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.google.protobuf.ByteString;
import com.google.protobuf.InvalidProtocolBufferException;
import dev.ariadne.model.Span;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import io.opentelemetry.proto.trace.v1.ResourceSpans;
import io.opentelemetry.proto.trace.v1.ScopeSpans;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class OtlpProtoDecoderTest {
  private static final ByteString TRACE_ID = bytes(16, 1);
  private static final ByteString SPAN_ID = bytes(8, 2);

  @Test
  void failsOnBytesThatAreNotARequest() {
    byte[] garbage = new byte[1024];
    new Random(7).nextBytes(garbage);
    assertThrows(InvalidProtocolBufferException.class, () -> OtlpProtoDecoder.decode(garbage));

    byte[] request = request(span("a"), span("b")).toByteArray();
    byte[] truncated = Arrays.copyOf(request, request.length - 1);
    assertThrows(InvalidProtocolBufferException.class, () -> OtlpProtoDecoder.decode(truncated));
  }

  @Test
  void rejectsSpansWithInvalidIdsAndKeepsTheOthers() throws Exception {
    DecodedSpans decoded = OtlpProtoDecoder.decode(request(
        span("kept"),
        span("no trace id").setTraceId(ByteString.EMPTY),
        span("zero span id").setSpanId(bytes(8, 0)),
        span("short parent").setParentSpanId(bytes(5, 3)),
        span("bad link").addLinks(io.opentelemetry.proto.trace.v1.Span.Link.newBuilder()
            .setTraceId(TRACE_ID).setSpanId(bytes(7, 4))),
        span("also kept").setParentSpanId(SPAN_ID)).toByteArray());

    assertEquals(List.of("kept", "also kept"), decoded.spans().stream().map(Span::name).toList());
    assertEquals(4, decoded.rejected());
    assertEquals("rejected 4 spans: "
        + "resource_spans[0].scope_spans[0].spans[1]: trace_id must be 16 bytes, got 0; "
        + "resource_spans[0].scope_spans[0].spans[2]: span_id must not be all zeros; "
        + "resource_spans[0].scope_spans[0].spans[3]: parent_span_id must be empty or 8 bytes, got 5; "
        + "resource_spans[0].scope_spans[0].spans[4]: links[0] must have a 16-byte trace_id and an 8-byte span_id",
        decoded.errorMessage());
  }

  @Test
  void theMessageKeepsFiveReasonsAndCountsTheRest() throws Exception {
    io.opentelemetry.proto.trace.v1.Span.Builder[] spans = IntStream.range(0, 8)
        .mapToObj(i -> span("bad " + i).setTraceId(bytes(i, 5)))
        .toArray(io.opentelemetry.proto.trace.v1.Span.Builder[]::new);

    DecodedSpans decoded = OtlpProtoDecoder.decode(request(spans).toByteArray());

    assertEquals(List.of(), decoded.spans());
    assertEquals(8, decoded.rejected());
    assertEquals("rejected 8 spans: "
        + "resource_spans[0].scope_spans[0].spans[0]: trace_id must be 16 bytes, got 0; "
        + "resource_spans[0].scope_spans[0].spans[1]: trace_id must be 16 bytes, got 1; "
        + "resource_spans[0].scope_spans[0].spans[2]: trace_id must be 16 bytes, got 2; "
        + "resource_spans[0].scope_spans[0].spans[3]: trace_id must be 16 bytes, got 3; "
        + "resource_spans[0].scope_spans[0].spans[4]: trace_id must be 16 bytes, got 4; "
        + "and 3 more",
        decoded.errorMessage());
  }

  @Test
  void aSingleRejectionIsReportedInTheSingular() throws Exception {
    DecodedSpans decoded = OtlpProtoDecoder.decode(request(span("x").setSpanId(ByteString.EMPTY)));

    assertEquals("rejected 1 span: resource_spans[0].scope_spans[0].spans[0]: span_id must be 8 bytes, got 0",
        decoded.errorMessage());
  }

  private static ExportTraceServiceRequest request(io.opentelemetry.proto.trace.v1.Span.Builder... spans) {
    ScopeSpans.Builder scopeSpans = ScopeSpans.newBuilder();
    for (var span : spans) scopeSpans.addSpans(span);
    return ExportTraceServiceRequest.newBuilder()
        .addResourceSpans(ResourceSpans.newBuilder().addScopeSpans(scopeSpans))
        .build();
  }

  /** A valid span with this name. */
  private static io.opentelemetry.proto.trace.v1.Span.Builder span(String name) {
    return io.opentelemetry.proto.trace.v1.Span.newBuilder().setTraceId(TRACE_ID).setSpanId(SPAN_ID).setName(name);
  }

  private static ByteString bytes(int length, int fill) {
    byte[] b = new byte[length];
    Arrays.fill(b, (byte) fill);
    return ByteString.copyFrom(b);
  }
}
