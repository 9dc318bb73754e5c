package dev.ariadne.server.receiver;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * What one receiver transport took in, as the OTel Collector counts it: spans accepted (stored), spans
 * refused (invalid, or lost with a request that could not be read), and refused requests by reason.
 */
public final class ReceiverMetrics {
  private final MeterRegistry registry;
  private final String receiver;
  private final String transport;
  private final Counter accepted;
  private final Counter refused;

  public ReceiverMetrics(MeterRegistry registry, String receiver, String transport) {
    this.registry = registry;
    this.receiver = receiver;
    this.transport = transport;
    this.accepted = Counter.builder("ariadne.receiver.accepted.spans")
        .description("Spans a receiver accepted and handed to the store.")
        .tag("receiver", receiver).tag("transport", transport)
        .register(registry);
    this.refused = Counter.builder("ariadne.receiver.refused.spans")
        .description("Spans a receiver refused: invalid spans, which the response reports.")
        .tag("receiver", receiver).tag("transport", transport)
        .register(registry);
  }

  public void accepted(long spans) {
    accepted.increment(spans);
  }

  public void refused(long spans) {
    refused.increment(spans);
  }

  /** A whole request refused before its spans could be counted: malformed, too large, overloaded. */
  public void refusedRequest(String reason) {
    Counter.builder("ariadne.receiver.refused.requests")
        .description("Requests a receiver refused whole, by reason.")
        .tag("receiver", receiver).tag("transport", transport).tag("reason", reason)
        .register(registry)
        .increment();
  }
}
