package dev.ariadne.server.spanmetrics;

import com.linecorp.armeria.common.HttpResponse;
import com.linecorp.armeria.common.HttpStatus;
import com.linecorp.armeria.common.MediaType;
import com.linecorp.armeria.server.ServerBuilder;
import dev.ariadne.collector.TracesConsumer;
import dev.ariadne.collector.config.exporter.PrometheusExporterConfig;
import dev.ariadne.model.Span;
import dev.ariadne.server.listener.HttpComponent;
import io.micrometer.core.instrument.Clock;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.util.List;
import java.util.function.LongSupplier;

/**
 * The {@code prometheus} exporter in a traces pipeline: turns the spans it is given into RED metrics
 * ({@link SpanMetrics}) and serves them for scraping at {@code endpoint}, path {@code /metrics}, as the
 * Collector's exporter does (the OpenMetrics text when {@code enable_open_metrics} is set). Series not
 * updated for {@code metric_expiration} are dropped at the next scrape.
 *
 * <p>Lifecycle: construct, {@link #start()}, hand it spans ({@link #consume}), {@link #close()}.
 */
public final class SpanMetricsExporter extends HttpComponent implements TracesConsumer {
  /** Label sets kept at most; the rest are counted under the overflow series. */
  public static final int MAX_SERIES = 2_000;
  private static final String OPEN_METRICS = "application/openmetrics-text; version=1.0.0; charset=utf-8";
  private static final String PROMETHEUS_TEXT = "text/plain; version=0.0.4; charset=utf-8";

  private final PrometheusExporterConfig config;
  private final PrometheusMeterRegistry scraper;
  private final SpanMetrics metrics;

  public SpanMetricsExporter(PrometheusExporterConfig config) {
    this(config, MAX_SERIES, System::nanoTime);
  }

  /** @param nanoTime a monotonic clock for expiration; tests move their own */
  public SpanMetricsExporter(PrometheusExporterConfig config, int maxSeries, LongSupplier nanoTime) {
    super(config.endpoint());
    this.config = config;
    PrometheusRegistry registry = new PrometheusRegistry();
    // Micrometer's registry only writes the exposition here; the meters are the Prometheus client's own.
    this.scraper = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT, registry, Clock.SYSTEM);
    this.metrics = new SpanMetrics(registry, config.namespace(), config.constLabels(), maxSeries,
        config.metricExpiration(), nanoTime);
  }

  public SpanMetricsExporter start() {
    listen();
    return this;
  }

  @Override
  public void consume(List<Span> spans) {
    metrics.record(spans);
  }

  @Override
  public void close() {
    super.close();
    scraper.close();
  }

  @Override
  protected void bind(ServerBuilder sb) {
    String contentType = config.enableOpenMetrics() ? OPEN_METRICS : PROMETHEUS_TEXT;
    sb.route().get("/metrics").build((ctx, req) -> {
      metrics.expire();
      return HttpResponse.of(HttpStatus.OK, MediaType.parse(contentType), scraper.scrape(contentType));
    });
  }
}
