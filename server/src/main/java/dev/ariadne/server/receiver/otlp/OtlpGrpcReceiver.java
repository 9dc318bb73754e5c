package dev.ariadne.server.receiver.otlp;

import com.linecorp.armeria.server.grpc.GrpcService;
import dev.ariadne.codec.otlp.DecodedSpans;
import dev.ariadne.codec.otlp.OtlpProtoDecoder;
import dev.ariadne.server.receiver.GrpcIntakeService;
import dev.ariadne.server.receiver.ReceiverMetrics;
import dev.ariadne.server.receiver.SpanConsumer;
import io.opentelemetry.proto.collector.trace.v1.ExportTracePartialSuccess;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceResponse;

/**
 * OTLP over gRPC: opentelemetry.proto.collector.trace.v1.TraceService/Export, served by
 * {@link GrpcIntakeService} (raw bytes in, INVALID_ARGUMENT for malformed input, RESOURCE_EXHAUSTED over
 * the size limit). Invalid spans are reported as OTLP's partial success.
 */
public final class OtlpGrpcReceiver {
  static final String SERVICE = "opentelemetry.proto.collector.trace.v1.TraceService";

  private final GrpcIntakeService<ExportTraceServiceResponse> intake;

  public OtlpGrpcReceiver(SpanConsumer consumer, ReceiverMetrics metrics) {
    this.intake = new GrpcIntakeService<>("ExportTraceServiceRequest", OtlpProtoDecoder::decode,
        OtlpGrpcReceiver::reply, consumer, metrics);
  }

  public GrpcService service(int maxMessageBytes) {
    return intake.build(SERVICE, "Export", ExportTraceServiceResponse.getDefaultInstance(), maxMessageBytes);
  }

  private static ExportTraceServiceResponse reply(DecodedSpans decoded) {
    ExportTraceServiceResponse.Builder reply = ExportTraceServiceResponse.newBuilder();
    if (decoded.rejected() > 0) {
      reply.setPartialSuccess(ExportTracePartialSuccess.newBuilder()
          .setRejectedSpans(decoded.rejected())
          .setErrorMessage(decoded.errorMessage()));
    }
    return reply.build();
  }
}
