package dev.ariadne.tracegen;

import dev.ariadne.codec.otlp.OtlpProtoEncoder;
import dev.ariadne.codec.zipkin.ZipkinEncoder;
import dev.ariadne.model.Span;
import java.util.List;
import zipkin2.codec.SpanBytesEncoder;

/** How tracegen encodes a batch and where it posts it. */
public enum WireFormat {
  OTLP_GRPC("otlp-grpc", "application/grpc", "/opentelemetry.proto.collector.trace.v1.TraceService/Export"),
  OTLP_HTTP_PROTOBUF("otlp-http", "application/x-protobuf", "/v1/traces"),
  ZIPKIN_JSON("zipkin-json", "application/json", "/api/v2/spans");

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

  public byte[] encode(List<Span> spans) {
    return switch (this) {
      case OTLP_GRPC, OTLP_HTTP_PROTOBUF -> OtlpProtoEncoder.encode(spans).toByteArray();
      case ZIPKIN_JSON -> SpanBytesEncoder.JSON_V2.encodeList(ZipkinEncoder.toZipkin(spans));
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
