package dev.ariadne.server.receiver.otlp;

import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.Message;
import com.google.protobuf.util.JsonFormat;
import com.linecorp.armeria.common.AggregatedHttpRequest;
import com.linecorp.armeria.common.HttpHeaderNames;
import com.linecorp.armeria.common.HttpResponse;
import com.linecorp.armeria.common.HttpStatus;
import com.linecorp.armeria.common.MediaType;
import com.linecorp.armeria.server.HttpService;
import com.linecorp.armeria.server.ServiceRequestContext;
import dev.ariadne.codec.otlp.DecodedSpans;
import dev.ariadne.codec.otlp.OtlpJsonDecoder;
import dev.ariadne.codec.otlp.OtlpJsonException;
import dev.ariadne.codec.otlp.OtlpProtoDecoder;
import dev.ariadne.server.receiver.BoundedInflater;
import dev.ariadne.server.receiver.ReceiverMetrics;
import dev.ariadne.server.receiver.SpanConsumer;
import dev.ariadne.server.receiver.SpanIntake;
import io.opentelemetry.proto.collector.trace.v1.ExportTracePartialSuccess;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceResponse;
import java.io.IOException;

/**
 * OTLP over HTTP: POST /v1/traces with a protobuf or JSON ExportTraceServiceRequest, optionally gzip
 * encoded. Answers as the OTLP spec says: 200 with an ExportTraceServiceResponse (partial_success when
 * some spans were invalid) in the request's encoding; 400 with a google.rpc.Status naming the problem
 * for a body that cannot be read; 413 for a body over the limit; 415 for another content type; 503
 * with Retry-After when the spans could not be stored.
 */
public final class OtlpHttpReceiver implements HttpService {
  public static final String PATH = "/v1/traces";
  private static final MediaType PROTOBUF = MediaType.parse("application/x-protobuf");

  private final SpanIntake intake;
  private final ReceiverMetrics metrics;
  private final long maxBodyBytes;

  public OtlpHttpReceiver(SpanConsumer consumer, ReceiverMetrics metrics, long maxBodyBytes) {
    this.intake = new SpanIntake(consumer, metrics);
    this.metrics = metrics;
    this.maxBodyBytes = maxBodyBytes;
  }

  @Override
  public HttpResponse serve(ServiceRequestContext ctx, com.linecorp.armeria.common.HttpRequest req) {
    return HttpResponse.of(req.aggregate().thenApplyAsync(this::handle, ctx.blockingTaskExecutor()));
  }

  private HttpResponse handle(AggregatedHttpRequest req) {
    MediaType type = req.contentType();
    boolean json;
    if (type != null && type.is(MediaType.JSON)) {
      json = true;
    } else if (type != null && (type.is(PROTOBUF) || type.is(MediaType.PROTOBUF))) {
      json = false;
    } else {
      metrics.refusedRequest("unsupported_media_type");
      return error(HttpStatus.UNSUPPORTED_MEDIA_TYPE, false,
          "Content-Type must be application/x-protobuf or application/json, got " + type);
    }
    byte[] body;
    try {
      body = BoundedInflater.decode(req.headers().get(HttpHeaderNames.CONTENT_ENCODING),
          req.content().array(), maxBodyBytes);
    } catch (BoundedInflater.TooLargeException e) {
      // Counted with every other 413 by ReceiverMetrics.tooLargeCounter().
      return error(HttpStatus.REQUEST_ENTITY_TOO_LARGE, json, e.getMessage());
    } catch (IOException e) {
      metrics.refusedRequest("malformed");
      return error(HttpStatus.BAD_REQUEST, json, "cannot decode the body: " + e.getMessage());
    }
    DecodedSpans decoded;
    try {
      decoded = json ? OtlpJsonDecoder.decode(body) : OtlpProtoDecoder.decode(body);
    } catch (InvalidProtocolBufferException | OtlpJsonException e) {
      metrics.refusedRequest("malformed");
      return error(HttpStatus.BAD_REQUEST, json, "malformed ExportTraceServiceRequest: " + e.getMessage());
    }
    try {
      intake.deliver(decoded);
    } catch (SpanIntake.NotStoredException e) {
      return HttpResponse.builder()
          .status(HttpStatus.SERVICE_UNAVAILABLE)
          .header(HttpHeaderNames.RETRY_AFTER, e.retryAfterSeconds())
          .content(json ? MediaType.JSON_UTF_8 : PROTOBUF,
              encode(status(14, e.getMessage()), json))
          .build();
    }
    ExportTraceServiceResponse.Builder reply = ExportTraceServiceResponse.newBuilder();
    if (decoded.rejected() > 0) {
      reply.setPartialSuccess(ExportTracePartialSuccess.newBuilder()
          .setRejectedSpans(decoded.rejected())
          .setErrorMessage(decoded.errorMessage()));
    }
    return HttpResponse.of(HttpStatus.OK, json ? MediaType.JSON_UTF_8 : PROTOBUF, encode(reply.build(), json));
  }

  private static HttpResponse error(HttpStatus status, boolean json, String message) {
    // google.rpc.Status codes: 3 INVALID_ARGUMENT, 8 RESOURCE_EXHAUSTED.
    int code = status == HttpStatus.REQUEST_ENTITY_TOO_LARGE ? 8 : 3;
    return HttpResponse.of(status, json ? MediaType.JSON_UTF_8 : PROTOBUF, encode(status(code, message), json));
  }

  private static com.google.rpc.Status status(int code, String message) {
    return com.google.rpc.Status.newBuilder().setCode(code).setMessage(message).build();
  }

  private static byte[] encode(Message message, boolean json) {
    if (!json) return message.toByteArray();
    try {
      return JsonFormat.printer().omittingInsignificantWhitespace().print(message)
          .getBytes(java.nio.charset.StandardCharsets.UTF_8);
    } catch (InvalidProtocolBufferException e) {
      throw new IllegalStateException("a response message always prints as JSON", e);
    }
  }
}
