package dev.ariadne.server.spanmetrics;

import dev.ariadne.model.Span;
import dev.ariadne.model.StatusCode;
import io.prometheus.metrics.core.metrics.Counter;
import io.prometheus.metrics.core.metrics.Histogram;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import io.prometheus.metrics.model.snapshots.Labels;
import java.time.Duration;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * RED metrics from spans, named as the OTel spanmetrics connector's reach Prometheus:
 * {@code traces_span_metrics_calls_total}, {@code traces_span_metrics_errors_total} (status ERROR) and
 * the histogram {@code traces_span_metrics_duration_milliseconds} (explicit buckets in milliseconds,
 * the connector's defaults), each labelled {@code service_name}, {@code span_name}, {@code span_kind}
 * ({@code SPAN_KIND_SERVER}, …) and, but for errors, {@code status_code} ({@code STATUS_CODE_ERROR}, …).
 * A {@code namespace} prefixes every name.
 *
 * <p>Bounded: at most {@code maxSeries} label sets; spans past the cap are counted under the overflow
 * series, whose service, span name and kind are {@value #OVERFLOW} (the status code is kept). A label
 * set not updated for {@code expiration} is removed, freeing its place. Label values are cut at
 * {@value #MAX_LABEL_LENGTH} characters.
 */
final class SpanMetrics {
  static final String OVERFLOW = "otel_metric_overflow";
  static final int MAX_LABEL_LENGTH = 256;
  static final double[] BUCKETS_MS =
      {2, 4, 6, 8, 10, 50, 100, 200, 400, 800, 1000, 1400, 2000, 5000, 10_000, 15_000};

  private record Series(String service, String spanName, String kind, String status) {
    String[] labels() {
      return new String[] {service, spanName, kind, status};
    }
  }

  private final Counter calls;
  private final Counter errors;
  private final Histogram duration;
  private final int maxSeries;
  private final long expirationNanos;
  private final LongSupplier nanoTime;
  private final Map<Series, Long> lastUpdated = new HashMap<>();

  SpanMetrics(PrometheusRegistry registry, String namespace, Map<String, String> constLabels, int maxSeries,
      Duration expiration, LongSupplier nanoTime) {
    String prefix = (namespace.isEmpty() ? "" : namespace + "_") + "traces_span_metrics_";
    Labels constant = Labels.of(constLabels.keySet().toArray(String[]::new), constLabels.values().toArray(String[]::new));
    this.calls = Counter.builder().name(prefix + "calls").help("Spans, by service, name, kind and status.")
        .labelNames("service_name", "span_name", "span_kind", "status_code").constLabels(constant).withoutExemplars().register(registry);
    this.errors = Counter.builder().name(prefix + "errors").help("Spans with status ERROR.")
        .labelNames("service_name", "span_name", "span_kind").constLabels(constant).withoutExemplars().register(registry);
    this.duration = Histogram.builder().name(prefix + "duration_milliseconds").help("Span durations in milliseconds.")
        .unit(null).classicOnly().classicUpperBounds(BUCKETS_MS)
        .labelNames("service_name", "span_name", "span_kind", "status_code").constLabels(constant).withoutExemplars().register(registry);
    this.maxSeries = maxSeries;
    this.expirationNanos = expiration.toNanos();
    this.nanoTime = nanoTime;
  }

  synchronized void record(List<Span> spans) {
    long now = nanoTime.getAsLong();
    for (Span span : spans) {
      String status = "STATUS_CODE_" + span.statusCode().name();
      Series series = new Series(cut(span.serviceName()), cut(span.name()), "SPAN_KIND_" + span.kind().name(), status);
      if (!lastUpdated.containsKey(series) && lastUpdated.size() >= maxSeries) {
        series = new Series(OVERFLOW, OVERFLOW, OVERFLOW, status);
      }
      lastUpdated.put(series, now);
      String[] labels = series.labels();
      calls.labelValues(labels).inc();
      duration.labelValues(labels).observe(Math.max(0, span.durationNanos()) / 1e6);
      if (span.statusCode() == StatusCode.ERROR) errors.labelValues(series.service, series.spanName, series.kind).inc();
    }
  }

  /** Removes the label sets not updated for the expiration time. */
  synchronized void expire() {
    long now = nanoTime.getAsLong();
    for (Iterator<Map.Entry<Series, Long>> it = lastUpdated.entrySet().iterator(); it.hasNext(); ) {
      Map.Entry<Series, Long> entry = it.next();
      if (now - entry.getValue() < expirationNanos) continue;
      Series series = entry.getKey();
      it.remove();
      calls.remove(series.labels());
      duration.remove(series.labels());
      if (series.status.equals("STATUS_CODE_ERROR")) errors.remove(series.service, series.spanName, series.kind);
    }
  }

  private static String cut(String value) {
    return value.length() <= MAX_LABEL_LENGTH ? value : value.substring(0, MAX_LABEL_LENGTH);
  }
}
