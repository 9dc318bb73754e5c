package dev.ariadne.collector.config.receiver;

import dev.ariadne.collector.config.ComponentFactory;
import dev.ariadne.collector.config.ConfigNode;
import dev.ariadne.collector.config.ReceiverConfig;
import java.util.Optional;

/**
 * The {@code otlp} receiver. A protocol runs when its key is written, even empty ({@code grpc:}); at
 * least one must be.
 *
 * @param tracesUrlPath the HTTP path spans are posted to (default {@code /v1/traces})
 */
public record OtlpReceiverConfig(
    Optional<GrpcServerSettings> grpc, Optional<HttpServerSettings> http, String tracesUrlPath)
    implements ReceiverConfig {
  public static final ComponentFactory<OtlpReceiverConfig> FACTORY = new ComponentFactory<>("otlp", OtlpReceiverConfig::parse);

  static OtlpReceiverConfig parse(ConfigNode node) {
    ConfigNode protocols = node.child("protocols");
    boolean hasGrpc = protocols.contains("grpc");
    boolean hasHttp = protocols.contains("http");
    if (!hasGrpc && !hasHttp) throw protocols.error("must enable at least one protocol: grpc or http");
    ConfigNode grpc = protocols.child("grpc");
    ConfigNode http = protocols.child("http");
    return new OtlpReceiverConfig(
        hasGrpc ? Optional.of(GrpcServerSettings.parse(grpc, "0.0.0.0:4317")) : Optional.empty(),
        hasHttp ? Optional.of(HttpServerSettings.parse(http, "0.0.0.0:4318")) : Optional.empty(),
        hasHttp ? http.string("traces_url_path", "/v1/traces") : "/v1/traces");
  }
}
