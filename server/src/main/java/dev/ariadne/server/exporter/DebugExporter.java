package dev.ariadne.server.exporter;

import dev.ariadne.collector.config.exporter.DebugExporterConfig;
import dev.ariadne.model.Span;
import dev.ariadne.model.SpanId;
import dev.ariadne.model.TraceId;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@code debug} exporter (and its old name {@code logging}): writes each batch to the log. Basic
 * verbosity logs the span count, normal one line per span, detailed every field. As in the Collector,
 * messages are sampled: in each second the first {@code sampling_initial} are logged, then one in
 * {@code sampling_thereafter}.
 */
final class DebugExporter implements Exporter {
  private static final Logger log = LoggerFactory.getLogger("dev.ariadne.exporter.debug");
  private static final long SECOND_NANOS = 1_000_000_000L;

  private final String id;
  private final DebugExporterConfig config;
  private final ExporterMetrics metrics;
  private long windowStart = System.nanoTime();
  private long inWindow;

  DebugExporter(String id, DebugExporterConfig config, ExporterMetrics metrics) {
    this.id = id;
    this.config = config;
    this.metrics = metrics;
  }

  @Override
  public void consume(List<Span> spans) {
    if (sampled()) {
      log.info("{}: {} spans", id, spans.size());
      if (!config.verbosity().equals("basic")) {
        for (Span span : spans) log.info("{}: {}", id, config.verbosity().equals("detailed") ? span : line(span));
      }
    }
    metrics.sent(spans.size());
  }

  private static String line(Span span) {
    return new TraceId(span.traceIdHigh(), span.traceIdLow()).toHex() + " " + SpanId.toHex(span.spanId()) + " "
        + span.resource().serviceName() + " " + span.name() + " " + span.kind() + " "
        + (span.endEpochNanos() - span.startEpochNanos()) + "ns " + span.statusCode();
  }

  private synchronized boolean sampled() {
    long now = System.nanoTime();
    if (now - windowStart >= SECOND_NANOS) {
      windowStart = now;
      inWindow = 0;
    }
    inWindow++;
    return inWindow <= config.samplingInitial() || (inWindow - config.samplingInitial()) % config.samplingThereafter() == 0;
  }
}
