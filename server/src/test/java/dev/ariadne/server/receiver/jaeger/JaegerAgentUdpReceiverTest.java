package dev.ariadne.server.receiver.jaeger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.ariadne.codec.jaeger.JaegerThriftDecoder;
import dev.ariadne.server.receiver.ReceiverMetrics;
import io.jaegertracing.agent.thrift.Agent;
import io.jaegertracing.thriftjava.Batch;
import io.jaegertracing.thriftjava.Process;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.thrift.protocol.TCompactProtocol;
import org.apache.thrift.transport.TMemoryBuffer;
import org.junit.jupiter.api.Test;

/**
 * The agent port's queue, over a real socket: with the consumer stalled, datagrams beyond the queue's
 * capacity are dropped and counted, and closing the port still hands on what was queued.
 */
class JaegerAgentUdpReceiverTest {

  @Test
  void aFullQueueDropsAndCountsAndCloseDrainsWhatWasQueued() throws Exception {
    SimpleMeterRegistry registry = new SimpleMeterRegistry();
    CountDownLatch stalled = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    List<String> consumed = new CopyOnWriteArrayList<>();
    JaegerAgentUdpReceiver receiver = new JaegerAgentUdpReceiver(new InetSocketAddress("127.0.0.1", 0),
        JaegerThriftDecoder.Protocol.COMPACT, (spans, otlpProto) -> {
          stalled.countDown();
          try {
            release.await();
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
          spans.forEach(s -> consumed.add(s.name()));
        }, new ReceiverMetrics(registry, "jaeger", "udp_compact"), 1);
    try (DatagramSocket socket = new DatagramSocket()) {
      InetSocketAddress to = new InetSocketAddress("127.0.0.1", receiver.port());
      send(socket, to, "first");
      assertTrue(stalled.await(30, TimeUnit.SECONDS), "the worker took the first datagram");
      // The worker is stuck on "first": "second" fills the queue of one, the rest are dropped.
      for (String name : List.of("second", "third", "fourth", "fifth")) send(socket, to, name);
      awaitCount(registry, "queue_full", 3);
    } finally {
      release.countDown();
      receiver.close();
    }
    assertEquals(List.of("first", "second"), consumed);
    assertEquals(2, registry.find("ariadne.receiver.accepted.spans").counter().count());
  }

  private static void send(DatagramSocket socket, InetSocketAddress to, String spanName) throws Exception {
    Batch batch = new Batch(new Process("udp-test"),
        List.of(new io.jaegertracing.thriftjava.Span(7, 0, 1, 0, spanName, 1, 1_700_000_000_000_000L, 5)));
    TMemoryBuffer buffer = new TMemoryBuffer(512);
    new Agent.Client(new TCompactProtocol(buffer)).emitBatch(batch);
    byte[] datagram = Arrays.copyOf(buffer.getArray(), buffer.length());
    socket.send(new DatagramPacket(datagram, datagram.length, to));
  }

  private static void awaitCount(SimpleMeterRegistry registry, String reason, double expected) throws Exception {
    for (int attempt = 0; attempt < 600; attempt++) {
      Counter c = registry.find("ariadne.receiver.refused.requests").tag("reason", reason).counter();
      if (c != null && c.count() >= expected) {
        assertEquals(expected, c.count());
        return;
      }
      Thread.sleep(50);
    }
    fail("never counted " + expected + " datagrams dropped for " + reason);
  }
}
