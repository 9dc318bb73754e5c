package dev.ariadne.server.receiver.jaeger;

import com.linecorp.armeria.common.AggregatedHttpRequest;
import com.linecorp.armeria.common.ContentTooLargeException;
import com.linecorp.armeria.common.HttpHeaderNames;
import com.linecorp.armeria.common.HttpRequest;
import com.linecorp.armeria.common.HttpResponse;
import com.linecorp.armeria.common.HttpStatus;
import com.linecorp.armeria.common.MediaType;
import com.linecorp.armeria.common.util.Exceptions;
import com.linecorp.armeria.server.HttpService;
import com.linecorp.armeria.server.ServiceRequestContext;
import dev.ariadne.codec.jaeger.JaegerThriftDecoder;
import dev.ariadne.codec.jaeger.JaegerThriftException;
import dev.ariadne.codec.otlp.DecodedSpans;
import dev.ariadne.server.receiver.BoundedInflater;
import dev.ariadne.server.receiver.ReceiverMetrics;
import dev.ariadne.server.receiver.SpanConsumer;
import dev.ariadne.server.receiver.SpanIntake;
import java.io.IOException;

/**
 * Jaeger's collector HTTP API: POST /api/traces with a binary-protocol thrift Batch, what Jaeger
 * clients' HttpSender sends to port 14268. Answers as Jaeger does, in plain text: 202 Accepted once the
 * spans are stored, 400 for a body that is not a Batch, 500 when the spans could not be stored, 503 with Retry-After
 * when a pipeline refused them for now (memory limiter); and 413
 * for a body over the limit, on the wire or decompressed (Jaeger sets none), and 415 for another
 * Content-Type (Jaeger answers 400).
 *
 * <p>Jaeger has no partial success: spans with zero ids are counted as refused, the rest stored, and
 * the 202's body says which were refused.
 */
public final class JaegerThriftHttpReceiver implements HttpService {
  public static final String PATH = "/api/traces";
  private static final MediaType THRIFT = MediaType.parse("application/x-thrift");
  private static final MediaType THRIFT_BINARY = MediaType.parse("application/vnd.apache.thrift.binary");

  private final SpanIntake intake;
  private final ReceiverMetrics metrics;
  private final long maxBodyBytes;

  public JaegerThriftHttpReceiver(SpanConsumer consumer, ReceiverMetrics metrics, long maxBodyBytes) {
    this.intake = new SpanIntake(consumer, metrics);
    this.metrics = metrics;
    this.maxBodyBytes = maxBodyBytes;
  }

  @Override
  public HttpResponse serve(ServiceRequestContext ctx, HttpRequest req) {
    return HttpResponse.of(req.aggregate().handleAsync((aggregated, failure) -> {
      if (failure == null) return handle(aggregated);
      // A body over the route's limit: Armeria has already answered 413, this only counts it.
      if (Exceptions.peel(failure) instanceof ContentTooLargeException) metrics.refusedRequest("too_large");
      return HttpResponse.ofFailure(failure);
    }, ctx.blockingTaskExecutor()));
  }

  private HttpResponse handle(AggregatedHttpRequest req) {
    MediaType type = req.contentType();
    if (type == null || !(type.is(THRIFT) || type.is(THRIFT_BINARY))) {
      metrics.refusedRequest("unsupported_media_type");
      return text(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "Unsupported content type: " + type
          + "; send a binary-protocol thrift Batch as application/x-thrift");
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
      return text(HttpStatus.BAD_REQUEST, "Unable to process request body: " + e.getMessage());
    }
    DecodedSpans decoded;
    try {
      decoded = JaegerThriftDecoder.decodeBatch(body);
    } catch (JaegerThriftException e) {
      metrics.refusedRequest("malformed");
      return text(HttpStatus.BAD_REQUEST, "Unable to process request body: " + e.getMessage());
    }
    try {
      intake.deliver(decoded);
    } catch (SpanIntake.NotStoredException e) {
      if (!e.refused()) return text(HttpStatus.INTERNAL_SERVER_ERROR, "Cannot submit Jaeger batch: " + e.getMessage());
      return HttpResponse.builder()
          .status(HttpStatus.SERVICE_UNAVAILABLE)
          .header(HttpHeaderNames.RETRY_AFTER, e.retryAfterSeconds())
          .content(MediaType.PLAIN_TEXT_UTF_8, "Cannot submit Jaeger batch: " + e.getMessage() + "\n")
          .build();
    }
    return decoded.rejected() == 0
        ? HttpResponse.of(HttpStatus.ACCEPTED)
        : text(HttpStatus.ACCEPTED, decoded.errorMessage());
  }

  private static HttpResponse text(HttpStatus status, String message) {
    return HttpResponse.of(status, MediaType.PLAIN_TEXT_UTF_8, message + "\n");
  }
}
