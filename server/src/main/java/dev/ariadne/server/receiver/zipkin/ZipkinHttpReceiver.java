package dev.ariadne.server.receiver.zipkin;

import com.linecorp.armeria.common.AggregatedHttpRequest;
import com.linecorp.armeria.common.ContentTooLargeException;
import com.linecorp.armeria.common.HttpHeaderNames;
import com.linecorp.armeria.common.HttpRequest;
import com.linecorp.armeria.common.HttpResponse;
import com.linecorp.armeria.common.HttpStatus;
import com.linecorp.armeria.common.MediaType;
import com.linecorp.armeria.common.util.Exceptions;
import com.linecorp.armeria.server.ServerBuilder;
import com.linecorp.armeria.server.ServiceRequestContext;
import dev.ariadne.codec.otlp.DecodedSpans;
import dev.ariadne.codec.zipkin.ZipkinDecoder;
import dev.ariadne.codec.zipkin.ZipkinFormatException;
import dev.ariadne.server.receiver.BoundedInflater;
import dev.ariadne.server.receiver.ReceiverMetrics;
import dev.ariadne.server.receiver.SpanConsumer;
import dev.ariadne.server.receiver.SpanIntake;
import java.io.IOException;
import zipkin2.codec.SpanBytesDecoder;

/**
 * Zipkin's HTTP span intake: POST /api/v2/spans with a JSON (application/json) or proto3
 * (application/x-protobuf) span list, POST /api/v1/spans with a v1 JSON list, optionally gzip encoded.
 * Answers as Zipkin does: 202 Accepted once the spans are stored, 400 with the problem as plain text
 * for a body that cannot be read, 413 for a body over the limit, and (unlike Zipkin, which guesses)
 * 415 for another content type, including v1 thrift. Spans with ids the model cannot hold are refused
 * one by one: the rest are stored and the 202 names the refused; when none is left, the answer is 400.
 */
public final class ZipkinHttpReceiver {
  public static final String V2_PATH = "/api/v2/spans";
  public static final String V1_PATH = "/api/v1/spans";
  private static final MediaType X_PROTOBUF = MediaType.parse("application/x-protobuf");
  private static final MediaType X_THRIFT = MediaType.parse("application/x-thrift");

  private final SpanIntake intake;
  private final ReceiverMetrics metrics;
  private final long maxBodyBytes;

  public ZipkinHttpReceiver(SpanConsumer consumer, ReceiverMetrics metrics, long maxBodyBytes) {
    this.intake = new SpanIntake(consumer, metrics);
    this.metrics = metrics;
    this.maxBodyBytes = maxBodyBytes;
  }

  public void bind(ServerBuilder sb) {
    sb.route().post(V2_PATH).maxRequestLength(maxBodyBytes).build((ctx, req) -> serve(ctx, req, true));
    sb.route().post(V1_PATH).maxRequestLength(maxBodyBytes).build((ctx, req) -> serve(ctx, req, false));
  }

  private HttpResponse serve(ServiceRequestContext ctx, HttpRequest req, boolean v2) {
    return HttpResponse.of(req.aggregate().handleAsync(
        (body, error) -> error == null ? handle(body, v2) : unreadable(error), ctx.blockingTaskExecutor()));
  }

  private HttpResponse handle(AggregatedHttpRequest req, boolean v2) {
    MediaType type = req.contentType();
    SpanBytesDecoder format = v2 ? v2Format(type) : v1Format(type);
    if (format == null) {
      metrics.refusedRequest("unsupported_media_type");
      return text(HttpStatus.UNSUPPORTED_MEDIA_TYPE, unsupported(type, v2));
    }
    byte[] body;
    try {
      body = BoundedInflater.decode(req.headers().get(HttpHeaderNames.CONTENT_ENCODING),
          req.content().array(), maxBodyBytes);
    } catch (BoundedInflater.TooLargeException e) {
      metrics.refusedRequest("too_large");
      return text(HttpStatus.REQUEST_ENTITY_TOO_LARGE, e.getMessage());
    } catch (IOException e) {
      metrics.refusedRequest("malformed");
      return text(HttpStatus.BAD_REQUEST, "cannot decode the body: " + e.getMessage());
    }
    DecodedSpans decoded;
    try {
      decoded = ZipkinDecoder.decode(format, body);
    } catch (ZipkinFormatException e) {
      metrics.refusedRequest("malformed");
      return text(HttpStatus.BAD_REQUEST, e.getMessage());
    }
    if (decoded.spans().isEmpty() && decoded.rejected() > 0) {
      metrics.refused(decoded.rejected());
      return text(HttpStatus.BAD_REQUEST, decoded.errorMessage());
    }
    try {
      intake.deliver(decoded);
    } catch (SpanIntake.NotStoredException e) {
      return HttpResponse.builder()
          .status(HttpStatus.SERVICE_UNAVAILABLE)
          .header(HttpHeaderNames.RETRY_AFTER, e.retryAfterSeconds())
          .content(MediaType.PLAIN_TEXT_UTF_8, e.getMessage())
          .build();
    }
    return decoded.rejected() == 0
        ? HttpResponse.of(HttpStatus.ACCEPTED)
        : text(HttpStatus.ACCEPTED, decoded.errorMessage());
  }

  /** The body could not be read at all: over the limit while streaming, or the connection failed. */
  private HttpResponse unreadable(Throwable error) {
    Throwable cause = Exceptions.peel(error);
    if (cause instanceof ContentTooLargeException) {
      metrics.refusedRequest("too_large");
      return text(HttpStatus.REQUEST_ENTITY_TOO_LARGE, "body exceeds the limit of " + maxBodyBytes + " bytes");
    }
    return Exceptions.throwUnsafely(cause);
  }

  /** Zipkin reads a body without a content type as JSON. */
  private static SpanBytesDecoder v2Format(MediaType type) {
    if (type == null || type.is(MediaType.JSON)) return SpanBytesDecoder.JSON_V2;
    if (type.is(X_PROTOBUF) || type.is(MediaType.PROTOBUF)) return SpanBytesDecoder.PROTO3;
    return null;
  }

  private static SpanBytesDecoder v1Format(MediaType type) {
    return type == null || type.is(MediaType.JSON) ? SpanBytesDecoder.JSON_V1 : null;
  }

  private static String unsupported(MediaType type, boolean v2) {
    if (v2) return "Content-Type must be application/json or application/x-protobuf, got " + type;
    return type.is(X_THRIFT)
        ? "Zipkin v1 thrift is not supported: send v1 JSON (application/json) or use " + V2_PATH
        : "Content-Type must be application/json, got " + type;
  }

  private static HttpResponse text(HttpStatus status, String message) {
    return HttpResponse.of(status, MediaType.PLAIN_TEXT_UTF_8, message);
  }
}
