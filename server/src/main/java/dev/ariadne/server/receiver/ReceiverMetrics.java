package dev.ariadne.server.receiver;

import com.linecorp.armeria.common.HttpRequest;
import com.linecorp.armeria.common.HttpStatus;
import com.linecorp.armeria.common.logging.RequestLog;
import com.linecorp.armeria.server.DecoratingHttpServiceFunction;
import com.linecorp.armeria.server.HttpService;
import com.linecorp.armeria.server.ServiceRequestContext;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * What one receiver transport took in, as the OTel Collector counts it: spans accepted (taken by the
 * pipeline), spans refused (invalid, or not taken), and refused requests by reason. Span counts are kept
 * under Ariadne's names and the Collector's ({@code otelcol_receiver_accepted_spans}, …); the receiver
 * label is the receiver's id in the configuration ({@code otlp}, {@code otlp/2}).
 */
public final class ReceiverMetrics {
  private final MeterRegistry registry;
  private final String receiver;
  private final String transport;
  private final Counter accepted;
  private final Counter refused;
  private final Counter otelcolAccepted;
  private final Counter otelcolRefused;

  public ReceiverMetrics(MeterRegistry registry, String receiver, String transport) {
    this.registry = registry;
    this.receiver = receiver;
    this.transport = transport;
    this.accepted = counter("ariadne.receiver.accepted.spans", "Spans a receiver accepted and handed to the store.");
    this.refused = counter("ariadne.receiver.refused.spans",
        "Spans a receiver refused: invalid spans, which the response reports.");
    // The same counts under the OTel Collector's names, which its dashboards and alerts expect.
    this.otelcolAccepted = counter("otelcol_receiver_accepted_spans", "Number of spans successfully pushed into the pipeline.");
    this.otelcolRefused = counter("otelcol_receiver_refused_spans", "Number of spans that could not be pushed into the pipeline.");
  }

  private Counter counter(String name, String description) {
    return Counter.builder(name).description(description)
        .tag("receiver", receiver).tag("transport", transport)
        .register(registry);
  }

  public void accepted(long spans) {
    accepted.increment(spans);
    otelcolAccepted.increment(spans);
  }

  public void refused(long spans) {
    refused.increment(spans);
    otelcolRefused.increment(spans);
  }

  /** A whole request refused before its spans could be counted: malformed, too large, overloaded. */
  public void refusedRequest(String reason) {
    Counter.builder("ariadne.receiver.refused.requests")
        .description("Requests a receiver refused whole, by reason.")
        .tag("receiver", receiver).tag("transport", transport).tag("reason", reason)
        .register(registry)
        .increment();
  }

  /**
   * A decorator counting requests refused as too large, including those the transport refuses before
   * a receiver sees them (HTTP 413 from the request length limit, gRPC RESOURCE_EXHAUSTED from the
   * message length limit).
   */
  public DecoratingHttpServiceFunction tooLargeCounter() {
    return (HttpService delegate, ServiceRequestContext ctx, HttpRequest req) -> {
      ctx.log().whenComplete().thenAccept(log -> {
        if (isTooLarge(log)) refusedRequest("too_large");
      });
      return delegate.serve(ctx, req);
    };
  }

  private static boolean isTooLarge(RequestLog log) {
    if (log.responseHeaders().status() == HttpStatus.REQUEST_ENTITY_TOO_LARGE) return true;
    // gRPC status 8 is RESOURCE_EXHAUSTED; a trailers-only answer carries it in the headers.
    // (Armeria's get(name, default) refuses a null default, which threw on every ordinary answer.)
    String grpcStatus = log.responseTrailers().get("grpc-status");
    if (grpcStatus == null) grpcStatus = log.responseHeaders().get("grpc-status");
    return "8".equals(grpcStatus);
  }
}
