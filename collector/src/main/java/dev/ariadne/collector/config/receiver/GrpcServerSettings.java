package dev.ariadne.collector.config.receiver;

import dev.ariadne.collector.config.ConfigNode;
import dev.ariadne.collector.config.TlsSettings;

/**
 * A gRPC listener (the Collector's configgrpc server settings).
 *
 * @param maxRecvMsgSizeMib the largest message accepted, in MiB (default 4)
 * @param tls null for plaintext
 */
public record GrpcServerSettings(
    String endpoint,
    String transport,
    int maxRecvMsgSizeMib,
    int maxConcurrentStreams,
    int readBufferSize,
    int writeBufferSize,
    boolean includeMetadata,
    TlsSettings tls) {

  static GrpcServerSettings parse(ConfigNode node, String defaultEndpoint) {
    ConfigNode tls = node.child("tls");
    return new GrpcServerSettings(
        node.string("endpoint", defaultEndpoint),
        node.oneOf("transport", "tcp", "unix"),
        node.integer("max_recv_msg_size_mib", 4, 1),
        node.integer("max_concurrent_streams", 0),
        node.integer("read_buffer_size", 512 * 1024),
        node.integer("write_buffer_size", 0),
        node.bool("include_metadata", false),
        tls.isPresent() ? TlsSettings.parse(tls) : null);
  }
}
