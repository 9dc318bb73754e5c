package dev.ariadne.server.fidelity;

import dev.ariadne.server.AllInOne;
import java.util.Locale;
import zipkin2.reporter.Encoding;

/**
 * Each way a trace can reach Ariadne, with the ecosystem's real client for it. Two paths send 64-bit
 * trace ids, as jaeger-client does by default and B3-propagating Zipkin tracers often do; the others
 * 128-bit ones.
 */
enum Ingest {
  OTLP_GRPC(Dialect.OTLP),
  OTLP_HTTP(Dialect.OTLP),
  ZIPKIN_JSON(Dialect.ZIPKIN),
  ZIPKIN_PROTO3(Dialect.ZIPKIN),
  JAEGER_UDP_COMPACT(Dialect.JAEGER_THRIFT),
  JAEGER_THRIFT_HTTP(Dialect.JAEGER_THRIFT),
  JAEGER_GRPC(Dialect.JAEGER_PROTO);

  final Dialect dialect;

  Ingest(Dialect dialect) {
    this.dialect = dialect;
  }

  /** Sends this path's copy of the shop trace; returns once the client says it is sent (UDP: handed to the socket). */
  SentTrace send(AllInOne server) throws Exception {
    ShopTrace trace = ShopTrace.forSuffix(name().toLowerCase(Locale.ROOT).replace('_', '-'));
    return switch (this) {
      case OTLP_GRPC -> OtelSdkSender.send(trace, OtelSdkSender.Transport.GRPC, server.otlpGrpcPort());
      case OTLP_HTTP -> OtelSdkSender.send(trace, OtelSdkSender.Transport.HTTP, server.otlpHttpPort());
      case ZIPKIN_JSON, ZIPKIN_PROTO3 -> {
        SentTrace sent = SentTrace.withChosenIds(trace, 0, ordinal(), this == ZIPKIN_JSON);
        ZipkinReporterSender.send(sent, this == ZIPKIN_JSON ? Encoding.JSON : Encoding.PROTO3, server.zipkinPort());
        yield sent;
      }
      case JAEGER_UDP_COMPACT ->
          JaegerClientSender.send(trace, JaegerClientSender.Transport.UDP_COMPACT, server.jaegerAgentCompactPort(), false);
      case JAEGER_THRIFT_HTTP ->
          JaegerClientSender.send(trace, JaegerClientSender.Transport.HTTP_THRIFT, server.jaegerThriftHttpPort(), true);
      case JAEGER_GRPC -> {
        SentTrace sent = SentTrace.withChosenIds(trace, 1, ordinal(), true);
        JaegerGrpcSender.send(sent, server.jaegerGrpcPort());
        yield sent;
      }
    };
  }
}
