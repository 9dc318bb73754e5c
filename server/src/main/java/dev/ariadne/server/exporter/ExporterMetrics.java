package dev.ariadne.server.exporter;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/** What one exporter sent, under the OTel Collector's names, labelled with the exporter's id. */
final class ExporterMetrics {
  private final Counter sent;
  private final Counter sendFailed;
  private final Counter enqueueFailed;
  private final Counter retries;

  ExporterMetrics(MeterRegistry registry, String exporter) {
    this.sent = counter(registry, exporter, "otelcol_exporter_sent_spans", "Number of spans successfully sent to destination.");
    this.sendFailed = counter(registry, exporter, "otelcol_exporter_send_failed_spans",
        "Number of spans in failed attempts to send to destination.");
    this.enqueueFailed = counter(registry, exporter, "otelcol_exporter_enqueue_failed_spans",
        "Number of spans failed to be added to the sending queue.");
    this.retries = counter(registry, exporter, "ariadne.exporter.retries",
        "Attempts to send that failed and are retried after a back-off (Ariadne's; the Collector has none).");
  }

  private static Counter counter(MeterRegistry registry, String exporter, String name, String description) {
    return Counter.builder(name).description(description).tag("exporter", exporter).register(registry);
  }

  void sent(int spans) {
    sent.increment(spans);
  }

  void sendFailed(int spans) {
    sendFailed.increment(spans);
  }

  void retrying() {
    retries.increment();
  }

  void enqueueFailed(int spans) {
    enqueueFailed.increment(spans);
  }
}
