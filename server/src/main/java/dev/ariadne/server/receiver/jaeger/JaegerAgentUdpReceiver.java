package dev.ariadne.server.receiver.jaeger;

import dev.ariadne.codec.jaeger.JaegerThriftDecoder;
import dev.ariadne.codec.jaeger.JaegerThriftException;
import dev.ariadne.codec.otlp.DecodedSpans;
import dev.ariadne.server.receiver.ReceiverMetrics;
import dev.ariadne.server.receiver.SpanConsumer;
import dev.ariadne.server.receiver.SpanIntake;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.DatagramChannel;
import java.util.Locale;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Jaeger agent's UDP port: each datagram is one thrift {@code Agent.emitBatch} call, in the compact
 * protocol (6831) or the binary one (6832), at most {@value #MAX_DATAGRAM_BYTES} bytes as in Jaeger.
 *
 * <p>A reader thread moves datagrams from the socket into a bounded queue; one worker thread (Jaeger's
 * agent runs ten) decodes them and hands the spans to the consumer. UDP has no way to push back on a
 * sender, so when the queue is full a datagram is dropped and counted (reason queue_full), as are
 * datagrams that are too large or malformed: the counts on /metrics are the only trace of what was lost.
 */
public final class JaegerAgentUdpReceiver implements AutoCloseable {
  public static final int MAX_DATAGRAM_BYTES = 65_000;
  public static final int DEFAULT_QUEUE_DATAGRAMS = 1_000;
  private static final Logger log = LoggerFactory.getLogger(JaegerAgentUdpReceiver.class);
  /** Put in the queue by close(): the worker stops when it reaches it, after what came before. */
  private static final byte[] STOP = new byte[0];

  private final JaegerThriftDecoder.Protocol protocol;
  private final SpanIntake intake;
  private final ReceiverMetrics metrics;
  private final BlockingQueue<byte[]> queue;
  private final DatagramChannel channel;
  private final Thread reader;
  private final Thread worker;

  /** Binds {@code address} and starts reading. */
  public JaegerAgentUdpReceiver(InetSocketAddress address, JaegerThriftDecoder.Protocol protocol,
      SpanConsumer consumer, ReceiverMetrics metrics, int queueDatagrams) {
    this.protocol = protocol;
    this.intake = new SpanIntake(consumer, metrics);
    this.metrics = metrics;
    this.queue = new ArrayBlockingQueue<>(queueDatagrams);
    try {
      this.channel = DatagramChannel.open().bind(address);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot bind the Jaeger agent UDP port " + address, e);
    }
    String name = "jaeger-agent-" + protocol.name().toLowerCase(Locale.ROOT);
    this.reader = Thread.ofPlatform().name(name + "-reader").daemon().start(this::read);
    this.worker = Thread.ofPlatform().name(name + "-worker").daemon().start(this::work);
  }

  public int port() {
    try {
      return ((InetSocketAddress) channel.getLocalAddress()).getPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private void read() {
    // One byte more than allowed, so an oversized datagram shows as such instead of being cut silently.
    ByteBuffer buffer = ByteBuffer.allocate(MAX_DATAGRAM_BYTES + 1);
    while (channel.isOpen()) {
      buffer.clear();
      try {
        channel.receive(buffer);
      } catch (ClosedChannelException e) {
        return;
      } catch (IOException e) {
        log.warn("Jaeger agent UDP ({}): receive failed: {}", protocol, e.toString());
        continue;
      }
      buffer.flip();
      if (buffer.remaining() > MAX_DATAGRAM_BYTES) {
        metrics.refusedRequest("too_large");
        continue;
      }
      byte[] datagram = new byte[buffer.remaining()];
      buffer.get(datagram);
      if (!queue.offer(datagram)) metrics.refusedRequest("queue_full");
    }
  }

  private void work() {
    while (true) {
      byte[] datagram;
      try {
        datagram = queue.take();
      } catch (InterruptedException e) {
        return;
      }
      if (datagram == STOP) return;
      try {
        handle(datagram);
      } catch (RuntimeException e) {
        // Keeps the port alive: one bad datagram must not stop the ones behind it.
        metrics.refusedRequest("malformed");
        log.warn("Jaeger agent UDP ({}): datagram not handled: {}", protocol, e.toString());
      }
    }
  }

  private void handle(byte[] datagram) {
    DecodedSpans decoded;
    try {
      decoded = JaegerThriftDecoder.decodeEmitBatch(datagram, protocol);
    } catch (JaegerThriftException e) {
      metrics.refusedRequest("malformed");
      return;
    }
    try {
      intake.deliver(decoded);
    } catch (SpanIntake.NotStoredException e) {
      // UDP has no answer to give; the spans were counted as refused.
    }
  }

  /** Stops reading, then lets the worker hand on every datagram already queued before it stops. */
  @Override
  public void close() {
    try {
      channel.close();
      reader.join();
      queue.put(STOP);
      worker.join();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
