package dev.ariadne.codec.jaeger;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ariadne.codec.otlp.DecodedSpans;
import dev.ariadne.model.Attributes;
import dev.ariadne.model.Bytes;
import dev.ariadne.model.SpanEvent;
import dev.ariadne.model.SpanKind;
import dev.ariadne.model.SpanLink;
import dev.ariadne.model.StatusCode;
import io.jaegertracing.agent.thrift.Agent;
import io.jaegertracing.thriftjava.Batch;
import io.jaegertracing.thriftjava.Log;
import io.jaegertracing.thriftjava.Process;
import io.jaegertracing.thriftjava.Span;
import io.jaegertracing.thriftjava.SpanRef;
import io.jaegertracing.thriftjava.SpanRefType;
import io.jaegertracing.thriftjava.Tag;
import io.jaegertracing.thriftjava.TagType;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.apache.thrift.TException;
import org.apache.thrift.TSerializer;
import org.apache.thrift.protocol.TBinaryProtocol;
import org.apache.thrift.protocol.TCompactProtocol;
import org.apache.thrift.protocol.TField;
import org.apache.thrift.protocol.TList;
import org.apache.thrift.protocol.TMessage;
import org.apache.thrift.protocol.TMessageType;
import org.apache.thrift.protocol.TProtocol;
import org.apache.thrift.protocol.TStruct;
import org.apache.thrift.protocol.TType;
import org.apache.thrift.transport.TMemoryBuffer;
import org.apache.thrift.transport.TTransport;
import org.junit.jupiter.api.Test;

/**
 * Jaeger thrift encoded by libthrift and the jaeger-thrift IDL classes (what Jaeger clients send), and
 * hostile bytes written field by field with libthrift's protocol writers.
 */
class JaegerThriftDecoderTest {

  @Test
  void decodesABinaryBatchAsCollectorsReceiveIt() throws Exception {
    DecodedSpans decoded = JaegerThriftDecoder.decodeBatch(new TSerializer(new TBinaryProtocol.Factory()).serialize(batch()));
    assertEquals(0, decoded.rejected());
    assertEquals(1, decoded.spans().size());
    dev.ariadne.model.Span s = decoded.spans().getFirst();
    assertEquals(0x0102L, s.traceIdHigh());
    assertEquals(0x0304L, s.traceIdLow());
    assertEquals(0x05L, s.spanId());
    assertEquals(0x06L, s.parentSpanId());
    assertEquals("GET /cart", s.name());
    assertEquals(1_700_000_000_123_456_000L, s.startEpochNanos());
    assertEquals(1_700_000_000_123_456_000L + 2_500_000L, s.endEpochNanos());
    assertEquals(0x01, s.flags());
    assertEquals(SpanKind.SERVER, s.kind());
    assertEquals(StatusCode.ERROR, s.statusCode());
    assertEquals(Attributes.of("http.method", "GET", "retries", 3L, "ratio", 0.5, "cached", false,
        "blob", Bytes.wrap(new byte[] {1, 2, 3})), s.attributes());
    assertEquals(List.of(new SpanEvent(1_700_000_000_124_000_000L, "retry", Attributes.of("attempt", 2L), 0)), s.events());
    assertEquals(List.of(new SpanLink(0x0102L, 0x0304L, 0x07L, "",
        Attributes.of("opentracing.ref_type", "follows_from"), 0, 0)), s.links());
    assertEquals(Attributes.of("service.name", "frontend", "host.name", "web-1"), s.resource().attributes());
  }

  @Test
  void decodesAgentEmitBatchInBothProtocols() throws Exception {
    for (JaegerThriftDecoder.Protocol protocol : JaegerThriftDecoder.Protocol.values()) {
      DecodedSpans decoded = JaegerThriftDecoder.decodeEmitBatch(emitBatch(batch(), protocol), protocol);
      assertEquals(1, decoded.spans().size(), protocol.name());
      assertEquals("GET /cart", decoded.spans().getFirst().name(), protocol.name());
    }
  }

  @Test
  void zeroIdsAreRejectedAndTheOtherSpansKept() throws Exception {
    Batch batch = new Batch(batch().process, List.of(span(), new Span(0, 0, 9, 0, "no trace id", 1, 0, 0)));
    DecodedSpans decoded = JaegerThriftDecoder.decodeBatch(new TSerializer(new TBinaryProtocol.Factory()).serialize(batch));
    assertEquals(1, decoded.spans().size());
    assertEquals("rejected 1 span: spans[1]: trace id must not be zero", decoded.errorMessage());
  }

  @Test
  void aListClaimingTwoBillionElementsFailsAtOnce() {
    for (JaegerThriftDecoder.Protocol protocol : JaegerThriftDecoder.Protocol.values()) {
      byte[] bytes = hostileBatch(protocol, out -> {
        out.writeFieldBegin(new TField("spans", TType.LIST, (short) 2));
        out.writeListBegin(new TList(TType.STRUCT, Integer.MAX_VALUE));
      });
      String message = emitBatchFails(bytes, protocol);
      assertTrue(message.contains("length exceeds the message size"), message);
    }
  }

  @Test
  void aStringClaimingTwoGigabytesFailsAtOnce() {
    for (JaegerThriftDecoder.Protocol protocol : JaegerThriftDecoder.Protocol.values()) {
      byte[] bytes = hostileBatch(protocol, out -> {
        out.writeFieldBegin(new TField("process", TType.STRUCT, (short) 1));
        out.writeStructBegin(new TStruct("Process"));
        out.writeFieldBegin(new TField("serviceName", TType.STRING, (short) 1));
        out.writeI32(Integer.MAX_VALUE); // the binary protocol's length prefix
      });
      if (protocol == JaegerThriftDecoder.Protocol.COMPACT) {
        bytes = hostileBatch(protocol, out -> {
          out.writeFieldBegin(new TField("process", TType.STRUCT, (short) 1));
          out.writeStructBegin(new TStruct("Process"));
          out.writeFieldBegin(new TField("serviceName", TType.STRING, (short) 1));
          // The compact protocol's length is a varint: 0xffffffff07 is 2^31-1.
          out.getTransport().write(new byte[] {(byte) 0xff, (byte) 0xff, (byte) 0xff, (byte) 0xff, 0x07});
        });
      }
      String message = emitBatchFails(bytes, protocol);
      assertTrue(message.contains("claims more bytes than the message holds"), message);
    }
  }

  @Test
  void aNegativeLengthFails() {
    byte[] bytes = hostileBatch(JaegerThriftDecoder.Protocol.BINARY, out -> {
      out.writeFieldBegin(new TField("spans", TType.LIST, (short) 2));
      out.writeByte(TType.STRUCT);
      out.writeI32(-5);
    });
    String message = emitBatchFails(bytes, JaegerThriftDecoder.Protocol.BINARY);
    assertTrue(message.contains("negative"), message);
  }

  @Test
  void deeplyNestedUnknownFieldsFailWithoutOverflowingTheStack() {
    for (JaegerThriftDecoder.Protocol protocol : JaegerThriftDecoder.Protocol.values()) {
      byte[] bytes = hostileBatch(protocol, out -> {
        for (int i = 0; i < 20_000; i++) {
          out.writeFieldBegin(new TField("unknown", TType.STRUCT, (short) 99));
          out.writeStructBegin(new TStruct("Unknown"));
        }
      });
      String message = emitBatchFails(bytes, protocol);
      assertTrue(message.contains("nested deeper than 64 levels"), message);
    }
  }

  @Test
  void truncatedBatchesFailNamingTheTruncation() throws Exception {
    byte[] whole = new TSerializer(new TBinaryProtocol.Factory()).serialize(batch());
    for (int length : new int[] {0, 1, whole.length / 2, whole.length - 1}) {
      JaegerThriftException e = assertThrows(JaegerThriftException.class,
          () -> JaegerThriftDecoder.decodeBatch(Arrays.copyOf(whole, length)));
      assertTrue(e.getMessage().startsWith("malformed thrift Batch: truncated"), e.getMessage());
      assertTrue(e.getMessage().length() < 120, e.getMessage());
    }
  }

  @Test
  void aBatchWithoutItsRequiredFieldsNamesTheFieldNotTheWholeStruct() throws Exception {
    // A Batch holding one span but no process: libthrift's writer refuses to write it, so write it by hand.
    TMemoryBuffer buffer = new TMemoryBuffer(1024);
    TProtocol out = new TBinaryProtocol(buffer);
    out.writeStructBegin(new TStruct("Batch"));
    out.writeFieldBegin(new TField("spans", TType.LIST, (short) 2));
    out.writeListBegin(new TList(TType.STRUCT, 1));
    span().write(out);
    out.writeFieldStop();
    byte[] bytes = Arrays.copyOf(buffer.getArray(), buffer.length());
    JaegerThriftException e = assertThrows(JaegerThriftException.class, () -> JaegerThriftDecoder.decodeBatch(bytes));
    assertEquals("malformed thrift Batch: Required field 'process' was not present!", e.getMessage());
  }

  @Test
  void randomBytesFailCleanly() {
    Random random = new Random(11);
    for (int i = 0; i < 500; i++) {
      byte[] garbage = new byte[random.nextInt(200)];
      random.nextBytes(garbage);
      for (JaegerThriftDecoder.Protocol protocol : JaegerThriftDecoder.Protocol.values()) {
        try {
          JaegerThriftDecoder.decodeEmitBatch(garbage, protocol);
        } catch (JaegerThriftException expected) {
          assertTrue(expected.getMessage().length() < 300, expected.getMessage());
        }
      }
      try {
        JaegerThriftDecoder.decodeBatch(garbage);
      } catch (JaegerThriftException expected) {
        assertTrue(expected.getMessage().length() < 300, expected.getMessage());
      }
    }
  }

  @Test
  void agentMethodsOtherThanEmitBatchAreRefusedByName() throws Exception {
    TMemoryBuffer buffer = new TMemoryBuffer(64);
    TProtocol out = new TCompactProtocol(buffer);
    out.writeMessageBegin(new TMessage("emitZipkinBatch", TMessageType.ONEWAY, 1));
    out.writeStructBegin(new TStruct("args"));
    out.writeFieldStop();
    out.writeStructEnd();
    out.writeMessageEnd();
    byte[] bytes = Arrays.copyOf(buffer.getArray(), buffer.length());
    String message = emitBatchFails(bytes, JaegerThriftDecoder.Protocol.COMPACT);
    assertTrue(message.contains("unsupported agent method 'emitZipkinBatch'"), message);
  }

  static Batch batch() {
    return new Batch(new Process("frontend").setTags(List.of(stringTag("hostname", "web-1"))), List.of(span()));
  }

  private static Span span() {
    Span span = new Span(0x0304L, 0x0102L, 0x05L, 0x06L, "GET /cart", 1, 1_700_000_000_123_456L, 2_500L);
    span.setTags(List.of(
        stringTag("http.method", "GET"),
        new Tag("retries", TagType.LONG).setVLong(3),
        new Tag("ratio", TagType.DOUBLE).setVDouble(0.5),
        new Tag("cached", TagType.BOOL).setVBool(false),
        new Tag("blob", TagType.BINARY).setVBinary(ByteBuffer.wrap(new byte[] {1, 2, 3})),
        stringTag("span.kind", "server"),
        new Tag("error", TagType.BOOL).setVBool(true)));
    span.setLogs(List.of(new Log(1_700_000_000_124_000L,
        List.of(stringTag("event", "retry"), new Tag("attempt", TagType.LONG).setVLong(2)))));
    span.setReferences(List.of(
        new SpanRef(SpanRefType.CHILD_OF, 0x0304L, 0x0102L, 0x06L),
        new SpanRef(SpanRefType.FOLLOWS_FROM, 0x0304L, 0x0102L, 0x07L)));
    return span;
  }

  private static Tag stringTag(String key, String value) {
    return new Tag(key, TagType.STRING).setVStr(value);
  }

  /** An Agent.emitBatch call as Agent.Client sends it, in the given protocol. */
  static byte[] emitBatch(Batch batch, JaegerThriftDecoder.Protocol protocol) throws TException {
    TMemoryBuffer buffer = new TMemoryBuffer(1024);
    new Agent.Client(protocol(buffer, protocol)).emitBatch(batch);
    return Arrays.copyOf(buffer.getArray(), buffer.length());
  }

  @FunctionalInterface
  interface Writer {
    void write(TProtocol out) throws TException;
  }

  /** An emitBatch message whose Batch starts with what {@code body} writes, and then ends. */
  static byte[] hostileBatch(JaegerThriftDecoder.Protocol protocol, Writer body) {
    try {
      TMemoryBuffer buffer = new TMemoryBuffer(1024);
      TProtocol out = protocol(buffer, protocol);
      out.writeMessageBegin(new TMessage("emitBatch", TMessageType.ONEWAY, 1));
      out.writeStructBegin(new TStruct("emitBatch_args"));
      out.writeFieldBegin(new TField("batch", TType.STRUCT, (short) 1));
      out.writeStructBegin(new TStruct("Batch"));
      body.write(out);
      return Arrays.copyOf(buffer.getArray(), buffer.length());
    } catch (TException e) {
      throw new AssertionError(e);
    }
  }

  private static String emitBatchFails(byte[] bytes, JaegerThriftDecoder.Protocol protocol) {
    JaegerThriftException e = assertThrows(JaegerThriftException.class,
        () -> JaegerThriftDecoder.decodeEmitBatch(bytes, protocol));
    return e.getMessage();
  }

  private static TProtocol protocol(TTransport transport, JaegerThriftDecoder.Protocol protocol) {
    return protocol == JaegerThriftDecoder.Protocol.COMPACT
        ? new TCompactProtocol(transport)
        : new TBinaryProtocol(transport);
  }
}
