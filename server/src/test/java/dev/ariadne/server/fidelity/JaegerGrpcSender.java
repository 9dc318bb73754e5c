package dev.ariadne.server.fidelity;

import com.google.protobuf.ByteString;
import com.google.protobuf.Duration;
import com.google.protobuf.Timestamp;
import dev.ariadne.server.fidelity.ShopTrace.Service;
import dev.ariadne.server.fidelity.ShopTrace.SpecEvent;
import dev.ariadne.server.fidelity.ShopTrace.SpecLink;
import dev.ariadne.server.fidelity.ShopTrace.SpecSpan;
import io.grpc.ManagedChannel;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import io.jaegertracing.api_v2.Collector.PostSpansRequest;
import io.jaegertracing.api_v2.CollectorServiceGrpc;
import io.jaegertracing.api_v2.Model;
import java.nio.ByteBuffer;
import java.util.concurrent.TimeUnit;

/**
 * grpc-java stubs generated from Jaeger's api_v2 protos, posting one batch per service (its process and
 * its spans) to CollectorService, as a Jaeger agent or the Collector's Jaeger exporter does. Tags carry
 * scope, kind and status as in {@link JaegerClientSender}; times keep their nanoseconds.
 */
final class JaegerGrpcSender {
  private JaegerGrpcSender() {}

  static void send(SentTrace sent, int port) throws InterruptedException {
    ManagedChannel channel = NettyChannelBuilder.forAddress("127.0.0.1", port).usePlaintext().build();
    try {
      CollectorServiceGrpc.CollectorServiceBlockingStub stub =
          CollectorServiceGrpc.newBlockingStub(channel).withDeadlineAfter(30, TimeUnit.SECONDS);
      for (Service service : sent.spec().services()) {
        Model.Batch.Builder batch = Model.Batch.newBuilder().setProcess(process(service));
        for (SpecSpan s : sent.spec().spans()) {
          if (s.service() == service) batch.addSpans(span(sent, s));
        }
        stub.postSpans(PostSpansRequest.newBuilder().setBatch(batch).build());
      }
    } finally {
      channel.shutdownNow().awaitTermination(10, TimeUnit.SECONDS);
    }
  }

  private static Model.Process process(Service service) {
    Model.Process.Builder process = Model.Process.newBuilder().setServiceName(service.name());
    service.resource().forEach((key, value) -> {
      if (!key.equals("service.name")) process.addTags(keyValue(key, value));
    });
    return process.build();
  }

  private static Model.Span span(SentTrace sent, SpecSpan s) {
    Model.Span.Builder span = Model.Span.newBuilder()
        .setTraceId(traceId(sent))
        .setSpanId(spanId(sent.spanId(s.key())))
        .setOperationName(s.name())
        .setFlags(sent.traceFlags())
        .setStartTime(timestamp(s.startNanos()))
        .setDuration(Duration.newBuilder().setSeconds((s.endNanos() - s.startNanos()) / 1_000_000_000)
            .setNanos((int) ((s.endNanos() - s.startNanos()) % 1_000_000_000)));
    if (s.parentKey() != null) span.addReferences(ref(sent, Model.SpanRefType.CHILD_OF, s.parentKey()));
    for (SpecLink link : s.links()) span.addReferences(ref(sent, Model.SpanRefType.FOLLOWS_FROM, link.targetKey()));
    JaegerClientSender.tags(s).forEach((key, value) -> span.addTags(keyValue(key, value)));
    for (SpecEvent e : s.events()) {
      Model.Log.Builder log = Model.Log.newBuilder().setTimestamp(timestamp(e.epochNanos()))
          .addFields(keyValue("event", e.name()));
      e.attributes().forEach((key, value) -> log.addFields(keyValue(key, value)));
      span.addLogs(log);
    }
    return span.build();
  }

  private static Model.SpanRef ref(SentTrace sent, Model.SpanRefType type, String key) {
    return Model.SpanRef.newBuilder().setRefType(type).setTraceId(traceId(sent)).setSpanId(spanId(sent.spanId(key))).build();
  }

  private static Model.KeyValue keyValue(String key, Object value) {
    Model.KeyValue.Builder kv = Model.KeyValue.newBuilder().setKey(key);
    switch (value) {
      case String s -> kv.setVType(Model.ValueType.STRING).setVStr(s);
      case Boolean b -> kv.setVType(Model.ValueType.BOOL).setVBool(b);
      case Long l -> kv.setVType(Model.ValueType.INT64).setVInt64(l);
      case Double d -> kv.setVType(Model.ValueType.FLOAT64).setVFloat64(d);
      default -> throw new IllegalArgumentException("not a Jaeger tag value: " + value);
    }
    return kv.build();
  }

  private static ByteString traceId(SentTrace sent) {
    return ByteString.copyFrom(ByteBuffer.allocate(16).putLong(sent.traceIdHigh()).putLong(sent.traceIdLow()).array());
  }

  private static ByteString spanId(long id) {
    return ByteString.copyFrom(ByteBuffer.allocate(8).putLong(id).array());
  }

  private static Timestamp timestamp(long epochNanos) {
    return Timestamp.newBuilder().setSeconds(epochNanos / 1_000_000_000).setNanos((int) (epochNanos % 1_000_000_000)).build();
  }
}
