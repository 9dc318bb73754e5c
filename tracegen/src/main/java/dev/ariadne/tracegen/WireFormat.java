package dev.ariadne.tracegen;

import dev.ariadne.codec.jaeger.JaegerThriftEncoder;
import dev.ariadne.codec.otlp.OtlpJsonEncoder;
import dev.ariadne.codec.otlp.OtlpProtoEncoder;
import dev.ariadne.codec.zipkin.ZipkinEncoder;
import dev.ariadne.model.Span;
import java.util.List;
import zipkin2.codec.SpanBytesEncoder;

/** How tracegen encodes a batch and where it posts it. */
public enum WireFormat {
  OTLP_GRPC("otlp-grpc", "application/grpc", "/opentelemetry.proto.collector.trace.v1.TraceService/Export"),
  OTLP_HTTP_PROTOBUF("otlp-http", "application/x-protobuf", "/v1/traces"),
  ZIPKIN_JSON("zipkin-json", "application/json", "/api/v2/spans"),
  OTLP_HTTP_JSON("otlp-http-json", "application/json", "/v1/traces"),
  /** Jaeger's collector over HTTP, as Jaeger clients' HttpSender posts: one binary thrift Batch a request. */
  JAEGER_THRIFT("jaeger-thrift", "application/x-thrift", "/api/traces");

  /** One request's body and how many spans it carries. */
  public record Request(byte[] body, int spans) {}

  private final String cliName;
  private final String contentType;
  private final String path;

  WireFormat(String cliName, String contentType, String path) {
    this.cliName = cliName;
    this.contentType = contentType;
    this.path = path;
  }

  public String cliName() {
    return cliName;
  }

  public String contentType() {
    return contentType;
  }

  public String path() {
    return path;
  }

  /**
   * The requests that carry a batch of spans: one, except for Jaeger thrift, whose Batch has one process,
   * so a batch of spans from several resources takes one request per run of spans sharing a resource.
   */
  public List<Request> encode(List<Span> spans) {
    return switch (this) {
      case OTLP_GRPC, OTLP_HTTP_PROTOBUF ->
          List.of(new Request(OtlpProtoEncoder.encode(spans).toByteArray(), spans.size()));
      case OTLP_HTTP_JSON -> List.of(new Request(OtlpJsonEncoder.encode(spans), spans.size()));
      case ZIPKIN_JSON -> List.of(new Request(
          SpanBytesEncoder.JSON_V2.encodeList(ZipkinEncoder.toZipkin(spans)), spans.size()));
      case JAEGER_THRIFT -> JaegerThriftEncoder.batches(spans).stream()
          .map(b -> new Request(JaegerThriftEncoder.binary(b), b.spans.size()))
          .toList();
    };
  }

  public static WireFormat fromCliName(String name) {
    for (WireFormat f : values()) {
      if (f.cliName.equals(name)) return f;
    }
    throw new IllegalArgumentException("unknown protocol " + name + "; one of "
        + java.util.Arrays.stream(values()).map(WireFormat::cliName).toList());
  }
}
