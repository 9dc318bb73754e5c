package dev.ariadne.codec.jaeger;

import dev.ariadne.codec.otlp.DecodedSpans;
import dev.ariadne.model.Attributes;
import dev.ariadne.model.Bytes;
import dev.ariadne.model.Resource;
import io.jaegertracing.agent.thrift.Agent;
import io.jaegertracing.thriftjava.Batch;
import io.jaegertracing.thriftjava.Log;
import io.jaegertracing.thriftjava.Process;
import io.jaegertracing.thriftjava.Span;
import io.jaegertracing.thriftjava.SpanRef;
import io.jaegertracing.thriftjava.Tag;
import java.util.ArrayList;
import java.util.List;
import org.apache.thrift.TConfiguration;
import org.apache.thrift.TException;
import org.apache.thrift.protocol.TBinaryProtocol;
import org.apache.thrift.protocol.TCompactProtocol;
import org.apache.thrift.protocol.TMessage;
import org.apache.thrift.protocol.TProtocol;
import org.apache.thrift.protocol.TProtocolUtil;
import org.apache.thrift.transport.TMemoryInputTransport;

/**
 * Decodes Jaeger thrift: a binary-protocol {@code Batch} (what clients POST to the collector's
 * /api/traces) or an {@code Agent.emitBatch} message (what clients send to the agent's UDP ports, in the
 * compact or binary protocol), with the IDL classes of io.jaegertracing:jaeger-thrift.
 *
 * <p>libthrift is bounded by the message itself: no string, binary or list may claim more bytes or
 * elements than the message holds, so a length field of 2^31 fails at once instead of allocating, and
 * unknown nested structs are skipped at most {@value #MAX_SKIP_DEPTH} levels deep instead of recursing
 * until the stack overflows.
 */
public final class JaegerThriftDecoder {
  static final int MAX_SKIP_DEPTH = 64;

  static {
    // The generated readers skip unknown fields through this process-wide bound; its default is unbounded.
    TProtocolUtil.setMaxSkipDepth(MAX_SKIP_DEPTH);
  }

  /** The thrift protocols Jaeger's agent listens for: compact on 6831, binary on 6832. */
  public enum Protocol { COMPACT, BINARY }

  private JaegerThriftDecoder() {}

  /** Decodes a binary-protocol Batch, the body of a POST to /api/traces. */
  public static DecodedSpans decodeBatch(byte[] body) throws JaegerThriftException {
    Batch batch = new Batch();
    try {
      batch.read(protocol(body, Protocol.BINARY));
    } catch (TException | RuntimeException e) {
      throw new JaegerThriftException("malformed thrift Batch: " + ThriftErrors.describe(e), e);
    }
    return translate(batch);
  }

  /** Decodes one agent datagram: an Agent.emitBatch call. */
  public static DecodedSpans decodeEmitBatch(byte[] datagram, Protocol protocol) throws JaegerThriftException {
    Agent.emitBatch_args args = new Agent.emitBatch_args();
    try {
      TProtocol in = protocol(datagram, protocol);
      TMessage message = in.readMessageBegin();
      if (!message.name.equals("emitBatch")) {
        throw new JaegerThriftException("unsupported agent method '" + ThriftErrors.shorten(message.name)
            + "': only emitBatch (Jaeger thrift spans) is accepted", null);
      }
      args.read(in);
      in.readMessageEnd();
    } catch (TException | RuntimeException e) {
      throw new JaegerThriftException("malformed Agent.emitBatch datagram: " + ThriftErrors.describe(e), e);
    }
    if (args.batch == null) throw new JaegerThriftException("Agent.emitBatch datagram without a batch", null);
    return translate(args.batch);
  }

  private static TProtocol protocol(byte[] bytes, Protocol protocol) throws TException {
    int size = Math.max(bytes.length, 1);
    TMemoryInputTransport transport =
        new TMemoryInputTransport(TConfiguration.custom().setMaxMessageSize(size).build(), bytes);
    // Every list element and string byte takes at least one byte of the message.
    return protocol == Protocol.COMPACT
        ? new TCompactProtocol(transport, size, size)
        : new TBinaryProtocol(transport, size, size);
  }

  private static DecodedSpans translate(Batch batch) {
    JaegerToModel out = new JaegerToModel();
    Resource resource = JaegerToModel.resource(process(batch.process));
    List<Span> spans = batch.spans;
    for (int i = 0; i < spans.size(); i++) {
      out.add("spans[" + i + "]", resource, span(spans.get(i)));
    }
    return out.result();
  }

  private static JaegerProcess process(Process process) {
    return new JaegerProcess(process.serviceName, tags(process.tags));
  }

  private static JaegerSpan span(Span s) {
    return new JaegerSpan(s.traceIdHigh, s.traceIdLow, s.spanId, s.parentSpanId, s.operationName, s.flags,
        s.startTime * 1_000, s.duration * 1_000, tags(s.tags), logs(s.logs), refs(s.references));
  }

  private static List<JaegerSpan.Log> logs(List<Log> logs) {
    if (logs == null) return List.of();
    List<JaegerSpan.Log> out = new ArrayList<>(logs.size());
    for (Log log : logs) out.add(new JaegerSpan.Log(log.timestamp * 1_000, tags(log.fields)));
    return out;
  }

  private static List<JaegerSpan.Ref> refs(List<SpanRef> refs) {
    if (refs == null) return List.of();
    List<JaegerSpan.Ref> out = new ArrayList<>(refs.size());
    for (SpanRef ref : refs) {
      JaegerSpan.RefType type = switch (ref.refType) {
        case CHILD_OF -> JaegerSpan.RefType.CHILD_OF;
        case FOLLOWS_FROM -> JaegerSpan.RefType.FOLLOWS_FROM;
      };
      out.add(new JaegerSpan.Ref(type, ref.traceIdHigh, ref.traceIdLow, ref.spanId));
    }
    return out;
  }

  private static Attributes tags(List<Tag> tags) {
    if (tags == null || tags.isEmpty()) return Attributes.EMPTY;
    Attributes.Builder b = Attributes.builder(tags.size());
    for (Tag tag : tags) {
      Object value = switch (tag.vType) {
        case STRING -> tag.vStr == null ? "" : tag.vStr;
        case BOOL -> tag.vBool;
        case LONG -> tag.vLong;
        case DOUBLE -> tag.vDouble;
        case BINARY -> tag.vBinary == null ? Bytes.wrap(new byte[0]) : Bytes.wrap(tag.getVBinary());
      };
      b.put(tag.key, value);
    }
    return b.build();
  }
}
