package dev.ariadne.server.exporter;

import dev.ariadne.codec.jaeger.JaegerProtoEncoder;
import dev.ariadne.collector.config.exporter.JaegerExporterConfig;
import dev.ariadne.model.Span;
import io.jaegertracing.api_v2.Collector.PostSpansRequest;
import io.jaegertracing.api_v2.CollectorServiceGrpc;
import io.jaegertracing.api_v2.Model;
import java.util.List;

/** The {@code jaeger} exporter's sender: Jaeger's api_v2 CollectorService/PostSpans, one call per process. */
final class JaegerGrpcSender extends GrpcSender<CollectorServiceGrpc.CollectorServiceBlockingStub> {

  JaegerGrpcSender(String path, JaegerExporterConfig config) {
    super(path, config.endpoint(), config.settings(), CollectorServiceGrpc.CollectorServiceBlockingStub.class);
  }

  @Override
  protected void send(CollectorServiceGrpc.CollectorServiceBlockingStub stub, List<Span> spans) {
    for (Model.Batch batch : JaegerProtoEncoder.batches(spans)) {
      stub.postSpans(PostSpansRequest.newBuilder().setBatch(batch).build());
    }
  }
}
