package dev.ariadne.server.exporter;

import dev.ariadne.codec.otlp.OtlpProtoEncoder;
import dev.ariadne.collector.config.exporter.OtlpExporterConfig;
import dev.ariadne.model.Span;
import io.opentelemetry.proto.collector.trace.v1.TraceServiceGrpc;
import java.util.List;

/** The {@code otlp} exporter's sender: TraceService/Export over gRPC. */
final class OtlpGrpcSender extends GrpcSender<TraceServiceGrpc.TraceServiceBlockingStub> {

  OtlpGrpcSender(String path, OtlpExporterConfig config) {
    super(path, config.endpoint(), config.settings(), TraceServiceGrpc.TraceServiceBlockingStub.class);
  }

  @Override
  protected void send(TraceServiceGrpc.TraceServiceBlockingStub stub, List<Span> spans) {
    stub.export(OtlpProtoEncoder.encode(spans));
  }
}
