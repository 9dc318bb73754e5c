package dev.ariadne.server;

import io.jaegertracing.agent.thrift.Agent;
import io.jaegertracing.internal.exceptions.SenderException;
import io.jaegertracing.thrift.internal.senders.ThriftSender;
import io.jaegertracing.thriftjava.Batch;
import io.jaegertracing.thriftjava.Process;
import io.jaegertracing.thriftjava.Span;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.util.Arrays;
import java.util.List;
import org.apache.thrift.protocol.TBinaryProtocol;
import org.apache.thrift.transport.TMemoryBuffer;

/**
 * The Jaeger client's sender for the agent's binary-protocol port (6832), which jaeger-client-java itself
 * does not ship: batches from the client's own ThriftSender, encoded by libthrift's TBinaryProtocol and
 * the generated Agent.Client, one datagram per batch.
 */
final class BinaryAgentSender extends ThriftSender {
  private final InetSocketAddress agent;
  private final DatagramSocket socket;

  BinaryAgentSender(InetSocketAddress agent) throws Exception {
    super(ProtocolType.Binary, 65_000);
    this.agent = agent;
    this.socket = new DatagramSocket();
  }

  @Override
  public void send(Process process, List<Span> spans) throws SenderException {
    try {
      TMemoryBuffer buffer = new TMemoryBuffer(4096);
      new Agent.Client(new TBinaryProtocol(buffer)).emitBatch(new Batch(process, spans));
      byte[] datagram = Arrays.copyOf(buffer.getArray(), buffer.length());
      socket.send(new DatagramPacket(datagram, datagram.length, agent));
    } catch (Exception e) {
      throw new SenderException("sending to the agent's binary port: " + e, e, spans.size());
    }
  }

  @Override
  public int close() throws SenderException {
    try {
      return super.close();
    } finally {
      socket.close();
    }
  }
}
