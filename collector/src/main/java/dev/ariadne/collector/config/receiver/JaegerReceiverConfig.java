package dev.ariadne.collector.config.receiver;

import dev.ariadne.collector.config.ComponentFactory;
import dev.ariadne.collector.config.ConfigNode;
import dev.ariadne.collector.config.ReceiverConfig;
import java.util.Optional;

/**
 * The {@code jaeger} receiver; each protocol runs when its key is written, at least one must be:
 * {@code grpc} (14250), {@code thrift_http} (14268), {@code thrift_compact} (UDP 6831),
 * {@code thrift_binary} (UDP 6832).
 */
public record JaegerReceiverConfig(
    Optional<GrpcServerSettings> grpc,
    Optional<HttpServerSettings> thriftHttp,
    Optional<UdpServerSettings> thriftCompact,
    Optional<UdpServerSettings> thriftBinary) implements ReceiverConfig {
  public static final ComponentFactory<JaegerReceiverConfig> FACTORY = new ComponentFactory<>("jaeger", JaegerReceiverConfig::parse);

  static JaegerReceiverConfig parse(ConfigNode node) {
    ConfigNode protocols = node.child("protocols");
    if (!(protocols.contains("grpc") || protocols.contains("thrift_http")
        || protocols.contains("thrift_compact") || protocols.contains("thrift_binary"))) {
      throw protocols.error("must enable at least one protocol: grpc, thrift_http, thrift_compact or thrift_binary");
    }
    return new JaegerReceiverConfig(
        protocols.contains("grpc") ? Optional.of(GrpcServerSettings.parse(protocols.child("grpc"), "0.0.0.0:14250")) : Optional.empty(),
        protocols.contains("thrift_http") ? Optional.of(HttpServerSettings.parse(protocols.child("thrift_http"), "0.0.0.0:14268")) : Optional.empty(),
        protocols.contains("thrift_compact") ? Optional.of(UdpServerSettings.parse(protocols.child("thrift_compact"), "0.0.0.0:6831")) : Optional.empty(),
        protocols.contains("thrift_binary") ? Optional.of(UdpServerSettings.parse(protocols.child("thrift_binary"), "0.0.0.0:6832")) : Optional.empty());
  }
}
