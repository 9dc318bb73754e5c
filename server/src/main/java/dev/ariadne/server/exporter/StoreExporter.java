package dev.ariadne.server.exporter;

import dev.ariadne.model.Span;
import dev.ariadne.server.pipeline.ReceivedSpans;
import dev.ariadne.store.SpanStore;
import java.util.List;

/**
 * The {@code ariadne} exporter: appends to the server's store. An append that returns has made the spans
 * durable (the local store's WAL commits in groups before answering), so there is no queue and no retry:
 * a failure goes back to the receiver, whose client retries. A batch that reaches it exactly as a
 * receiver decoded it still carries the OTLP request, which the store keeps as it is.
 */
final class StoreExporter implements Exporter {
  private final SpanStore store;
  private final ExporterMetrics metrics;

  StoreExporter(SpanStore store, ExporterMetrics metrics) {
    this.store = store;
    this.metrics = metrics;
  }

  @Override
  public void consume(List<Span> spans) {
    try {
      if (spans instanceof ReceivedSpans received && received.otlpProto() != null) {
        store.append(spans, received.otlpProto());
      } else {
        store.append(spans);
      }
    } catch (RuntimeException e) {
      metrics.sendFailed(spans.size());
      throw e;
    }
    metrics.sent(spans.size());
  }
}
