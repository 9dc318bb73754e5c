package dev.ariadne.collector.config.receiver;

import dev.ariadne.collector.config.ConfigNode;

/** A Jaeger agent UDP listener (thrift_compact, thrift_binary) with the Collector's defaults. */
public record UdpServerSettings(String endpoint, int queueSize, int maxPacketSize, int workers, int socketBufferSize) {

  static UdpServerSettings parse(ConfigNode node, String defaultEndpoint) {
    return new UdpServerSettings(
        node.string("endpoint", defaultEndpoint),
        node.integer("queue_size", 1000, 1),
        node.integer("max_packet_size", 65_000, 1),
        node.integer("workers", 10, 1),
        node.integer("socket_buffer_size", 0));
  }
}
