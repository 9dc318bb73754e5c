package dev.ariadne.server.receiver.jaeger;

import com.linecorp.armeria.server.grpc.GrpcService;
import dev.ariadne.codec.jaeger.JaegerProtoDecoder;
import dev.ariadne.server.receiver.GrpcIntakeService;
import dev.ariadne.server.receiver.ReceiverMetrics;
import dev.ariadne.server.receiver.SpanConsumer;
import io.jaegertracing.api_v2.Collector.PostSpansResponse;

/**
 * Jaeger's collector gRPC API: jaeger.api_v2.CollectorService/PostSpans, what Jaeger agents and the OTel
 * Collector's Jaeger exporter send to port 14250.
 *
 * <p>Served by {@link GrpcIntakeService}: raw bytes in, INVALID_ARGUMENT for malformed input,
 * RESOURCE_EXHAUSTED over the size limit. PostSpansResponse has no field for partial success: spans with invalid ids are counted as refused
 * and the rest stored.
 */
public final class JaegerGrpcReceiver {
  static final String SERVICE = "jaeger.api_v2.CollectorService";

  private final GrpcIntakeService<PostSpansResponse> intake;

  public JaegerGrpcReceiver(SpanConsumer consumer, ReceiverMetrics metrics) {
    this.intake = new GrpcIntakeService<>("PostSpansRequest", JaegerProtoDecoder::decode,
        decoded -> PostSpansResponse.getDefaultInstance(), consumer, metrics);
  }

  public GrpcService service(int maxMessageBytes) {
    return intake.build(SERVICE, "PostSpans", PostSpansResponse.getDefaultInstance(), maxMessageBytes);
  }
}
