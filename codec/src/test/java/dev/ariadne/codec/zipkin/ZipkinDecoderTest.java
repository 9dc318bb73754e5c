package dev.ariadne.codec.zipkin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ariadne.codec.otlp.DecodedSpans;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import zipkin2.Span;
import zipkin2.codec.SpanBytesDecoder;
import zipkin2.codec.SpanBytesEncoder;

/** Bodies that are not what they claim, and spans the model cannot hold. */
class ZipkinDecoderTest {

  private static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  private static String refusal(SpanBytesDecoder format, byte[] body) {
    return assertThrows(ZipkinFormatException.class, () -> ZipkinDecoder.decode(format, body)).getMessage();
  }

  @Test
  void malformedAndTruncatedBodiesAreRefusedWithTheReason() {
    String truncated = refusal(SpanBytesDecoder.JSON_V2, utf8("[{\"traceId\":\"1\",\"id\":"));
    assertTrue(truncated.startsWith("malformed JSON_V2 span list: End of input"), truncated);
    String notHex = refusal(SpanBytesDecoder.JSON_V2, utf8("[{\"traceId\":\"xyz\",\"id\":\"1\"}]"));
    assertTrue(notHex.contains("xyz should be lower-hex encoded"), notHex);
    String zeroTrace = refusal(SpanBytesDecoder.JSON_V2, utf8("[{\"traceId\":\"0\",\"id\":\"1\"}]"));
    assertTrue(zeroTrace.contains("traceId is all zeros"), zeroTrace);
    byte[] proto = SpanBytesEncoder.PROTO3.encodeList(List.of(Span.newBuilder().traceId("1").id("2").build()));
    String cut = refusal(SpanBytesDecoder.PROTO3, Arrays.copyOf(proto, proto.length - 3));
    assertTrue(cut.startsWith("malformed PROTO3 span list: Truncated"), cut);
    String notAList = refusal(SpanBytesDecoder.JSON_V2, utf8("{\"traceId\":\"1\",\"id\":\"1\"}"));
    assertTrue(notAList.startsWith("expected a JSON_V2 encoded list of spans"), notAList);
  }

  @Test
  void aBodyInAnotherEncodingIsNamed() {
    byte[] proto = SpanBytesEncoder.PROTO3.encodeList(List.of(Span.newBuilder().traceId("1").id("2").build()));
    assertEquals("expected a JSON_V2 encoded list of spans, but received PROTO3",
        refusal(SpanBytesDecoder.JSON_V2, proto));
    assertEquals("expected a PROTO3 encoded list of spans, but received JSON_V2",
        refusal(SpanBytesDecoder.PROTO3, utf8("[{\"traceId\":\"1\",\"id\":\"1\",\"tags\":{\"a\":\"b\"}}]")));
    assertEquals("expected a JSON_V2 encoded list of spans, but received JSON_V1 (it has binaryAnnotations)",
        refusal(SpanBytesDecoder.JSON_V2, utf8("[{\"traceId\":\"1\",\"id\":\"1\",\"binaryAnnotations\":[]}]")));
    assertEquals("expected a JSON_V1 encoded list of spans, but received JSON_V2 (it has localEndpoint, remoteEndpoint or tags)",
        refusal(SpanBytesDecoder.JSON_V1, utf8("[{\"traceId\":\"1\",\"id\":\"1\",\"localEndpoint\":{}}]")));
  }

  @Test
  void deepNestingIsRefusedNotRecursedInto() {
    String deep = "[".repeat(100_000) + "]".repeat(100_000);
    String message = refusal(SpanBytesDecoder.JSON_V2, utf8("[{\"traceId\":\"1\",\"id\":\"1\",\"x\":" + deep + "}]"));
    assertTrue(message.contains("Nesting limit"), message);
  }

  @Test
  void deeplyNestedEventAttributesStayAPlainAnnotation() throws Exception {
    String value = "e|" + "{\\\"a\\\":".repeat(1000) + "1" + "}".repeat(1000) + "|0";
    DecodedSpans decoded = ZipkinDecoder.decode(SpanBytesDecoder.JSON_V2, utf8(
        "[{\"traceId\":\"1\",\"id\":\"1\",\"annotations\":[{\"timestamp\":1,\"value\":\"" + value + "\"}]}]"));
    String name = decoded.spans().getFirst().events().getFirst().name();
    assertTrue(name.startsWith("e|{\"a\":{\"a\":"), name);
  }

  @Test
  void spansTheModelCannotHoldAreRejectedOneByOne() throws Exception {
    DecodedSpans decoded = ZipkinDecoder.decode(SpanBytesDecoder.JSON_V2, utf8("""
        [{"traceId":"1","id":"0","name":"zero-id"},
         {"traceId":"1","id":"2","name":"kept","timestamp":1},
         {"traceId":"1","id":"3","name":"far-future","timestamp":9223372036854775,"duration":2},
         {"traceId":"1","id":"4","name":"late-annotation","annotations":[{"timestamp":9223372036854776,"value":"x"}]}]"""));
    assertEquals(1, decoded.spans().size());
    assertEquals("kept", decoded.spans().getFirst().name());
    assertEquals(3, decoded.rejected());
    assertEquals("rejected 3 spans: spans[0] (id 0000000000000000): id must not be all zeros; "
        + "spans[2] (id 0000000000000003): timestamp + duration must be at most 9223372036854775 µs since the epoch; "
        + "spans[3] (id 0000000000000004): annotation timestamp must be at most 9223372036854775 µs",
        decoded.errorMessage());
  }

  @Test
  void emptyBodiesAreEmptyLists() throws Exception {
    assertEquals(0, ZipkinDecoder.decode(SpanBytesDecoder.JSON_V2, new byte[0]).spans().size());
    assertEquals(0, ZipkinDecoder.decode(SpanBytesDecoder.PROTO3, new byte[0]).spans().size());
  }
}
