package dev.ariadne.server.pipeline;

/**
 * Each listener a receiver can open: the name the start-up banner gives it and the transport label of
 * its metrics.
 */
public enum ReceiverProtocol {
  OTLP_GRPC("OTLP gRPC", "grpc"),
  OTLP_HTTP("OTLP HTTP", "http"),
  ZIPKIN("Zipkin", "http"),
  JAEGER_GRPC("Jaeger gRPC", "grpc"),
  JAEGER_THRIFT_HTTP("Jaeger thrift HTTP", "http"),
  JAEGER_THRIFT_COMPACT("Jaeger agent UDP compact", "udp_compact"),
  JAEGER_THRIFT_BINARY("Jaeger agent UDP binary", "udp_binary");

  private final String label;
  private final String transport;

  ReceiverProtocol(String label, String transport) {
    this.label = label;
    this.transport = transport;
  }

  /** The banner's name for this listener of receiver {@code id}: "OTLP gRPC", or "OTLP gRPC (otlp/2)" for a named one. */
  public String label(String receiverId) {
    return receiverId.contains("/") ? label + " (" + receiverId + ")" : label;
  }

  public String transport() {
    return transport;
  }
}
