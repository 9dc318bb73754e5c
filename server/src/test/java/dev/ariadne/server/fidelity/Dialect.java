package dev.ariadne.server.fidelity;

/** What an ingest path's format can carry; paths of one dialect map into the model the same way. */
enum Dialect {
  /** Lossless: the model is OTLP's. */
  OTLP,
  /** Zipkin v2 (JSON or proto3): string tags, µs, lowercased names, the Collector's tag conventions. */
  ZIPKIN,
  /** Jaeger thrift from jaeger-client: typed tags, µs, the client's own process and sampler tags. */
  JAEGER_THRIFT,
  /** Jaeger api_v2 protobuf: typed tags, ns. */
  JAEGER_PROTO
}
