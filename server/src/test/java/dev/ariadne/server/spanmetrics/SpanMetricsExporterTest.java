package dev.ariadne.server.spanmetrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ariadne.collector.config.exporter.PrometheusExporterConfig;
import dev.ariadne.model.Attributes;
import dev.ariadne.model.Resource;
import dev.ariadne.model.Span;
import dev.ariadne.model.SpanKind;
import dev.ariadne.model.StatusCode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Spans in, RED metrics scraped over HTTP and parsed from the exposition text. */
class SpanMetricsExporterTest {
  private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
  private static final String CALLS = "ariadne_traces_span_metrics_calls_total";
  private static final String ERRORS = "ariadne_traces_span_metrics_errors_total";
  private static final String DURATION = "ariadne_traces_span_metrics_duration_milliseconds";

  private final AtomicLong clock = new AtomicLong();
  private SpanMetricsExporter exporter;

  @AfterEach
  void stop() {
    if (exporter != null) exporter.close();
  }

  @Test
  void callsErrorsAndDurationsPerServiceSpanKindAndStatus() throws Exception {
    start(false, 100);
    exporter.consume(List.of(
        span("shop", "GET /cart", SpanKind.SERVER, StatusCode.UNSET, 3),
        span("shop", "GET /cart", SpanKind.SERVER, StatusCode.UNSET, 7),
        span("shop", "GET /cart", SpanKind.SERVER, StatusCode.ERROR, 1_200),
        span("db", "SELECT", SpanKind.CLIENT, StatusCode.OK, 45)));

    Exposition metrics = scrape();
    assertEquals("counter", metrics.type(CALLS));
    assertEquals("histogram", metrics.type(DURATION));
    assertEquals(2.0, metrics.value(CALLS, labels("shop", "GET /cart", "SPAN_KIND_SERVER", "STATUS_CODE_UNSET")));
    assertEquals(1.0, metrics.value(CALLS, labels("shop", "GET /cart", "SPAN_KIND_SERVER", "STATUS_CODE_ERROR")));
    assertEquals(1.0, metrics.value(CALLS, labels("db", "SELECT", "SPAN_KIND_CLIENT", "STATUS_CODE_OK")));
    assertEquals(1.0, metrics.value(ERRORS, "service_name", "shop", "span_name", "GET /cart", "span_kind", "SPAN_KIND_SERVER", "env", "test"));
    assertNull(metrics.value(ERRORS, "service_name", "db", "span_name", "SELECT", "span_kind", "SPAN_KIND_CLIENT", "env", "test"));

    String[] unset = labels("shop", "GET /cart", "SPAN_KIND_SERVER", "STATUS_CODE_UNSET");
    assertEquals(0.0, metrics.value(DURATION + "_bucket", with(unset, "le", "2.0")));
    assertEquals(1.0, metrics.value(DURATION + "_bucket", with(unset, "le", "4.0")));
    assertEquals(2.0, metrics.value(DURATION + "_bucket", with(unset, "le", "8.0")));
    assertEquals(2.0, metrics.value(DURATION + "_bucket", with(unset, "le", "+Inf")));
    assertEquals(10.0, metrics.value(DURATION + "_sum", unset), 1e-9);
    assertEquals(2.0, metrics.value(DURATION + "_count", unset));
    String[] error = labels("shop", "GET /cart", "SPAN_KIND_SERVER", "STATUS_CODE_ERROR");
    assertEquals(0.0, metrics.value(DURATION + "_bucket", with(error, "le", "1000.0")));
    assertEquals(1.0, metrics.value(DURATION + "_bucket", with(error, "le", "1400.0")));
  }

  @Test
  void labelSetsPastTheCapGoToTheOverflowSeries() throws Exception {
    start(false, 3);
    List<Span> spans = new ArrayList<>();
    for (int i = 0; i < 10; i++) spans.add(span("shop", "op-" + i, SpanKind.SERVER, i % 2 == 0 ? StatusCode.OK : StatusCode.ERROR, 1));
    exporter.consume(spans);

    Exposition metrics = scrape();
    assertEquals(1.0, metrics.value(CALLS, labels("shop", "op-2", "SPAN_KIND_SERVER", "STATUS_CODE_OK")));
    assertNull(metrics.value(CALLS, labels("shop", "op-3", "SPAN_KIND_SERVER", "STATUS_CODE_ERROR")));
    String o = SpanMetrics.OVERFLOW;
    assertEquals(3.0, metrics.value(CALLS, labels(o, o, o, "STATUS_CODE_OK")), "op-4, op-6, op-8");
    assertEquals(4.0, metrics.value(CALLS, labels(o, o, o, "STATUS_CODE_ERROR")), "op-3, op-5, op-7, op-9");
    assertEquals(4.0, metrics.value(ERRORS, "service_name", o, "span_name", o, "span_kind", o, "env", "test"));
  }

  @Test
  void seriesNotUpdatedForTheExpirationTimeAreDropped() throws Exception {
    start(false, 100);
    exporter.consume(List.of(span("shop", "old", SpanKind.SERVER, StatusCode.ERROR, 1)));
    clock.addAndGet(Duration.ofMinutes(4).toNanos());
    exporter.consume(List.of(span("shop", "new", SpanKind.SERVER, StatusCode.OK, 1)));
    assertEquals(1.0, scrape().value(CALLS, labels("shop", "old", "SPAN_KIND_SERVER", "STATUS_CODE_ERROR")));

    clock.addAndGet(Duration.ofMinutes(2).toNanos());      // old: 6 minutes, past the 5; new: 2
    Exposition metrics = scrape();
    assertNull(metrics.value(CALLS, labels("shop", "old", "SPAN_KIND_SERVER", "STATUS_CODE_ERROR")));
    assertNull(metrics.value(ERRORS, "service_name", "shop", "span_name", "old", "span_kind", "SPAN_KIND_SERVER", "env", "test"));
    assertEquals(1.0, metrics.value(CALLS, labels("shop", "new", "SPAN_KIND_SERVER", "STATUS_CODE_OK")));
  }

  @Test
  void hostileNamesAreEscapedAndCut() throws Exception {
    start(false, 100);
    String hostile = "a\"b\\c\nd} x=\"1\"";
    exporter.consume(List.of(
        span(hostile, "GET /", SpanKind.SERVER, StatusCode.OK, 1),
        span("shop", "n".repeat(10_000), SpanKind.INTERNAL, StatusCode.OK, 1)));
    Exposition metrics = scrape();
    assertEquals(1.0, metrics.value(CALLS, labels(hostile, "GET /", "SPAN_KIND_SERVER", "STATUS_CODE_OK")));
    assertEquals(1.0, metrics.value(CALLS, labels("shop", "n".repeat(SpanMetrics.MAX_LABEL_LENGTH), "SPAN_KIND_INTERNAL", "STATUS_CODE_OK")));
  }

  @Test
  void openMetricsWhenAskedAndOnlyGetOnMetrics() throws Exception {
    start(true, 100);
    exporter.consume(List.of(span("shop", "GET /", SpanKind.SERVER, StatusCode.OK, 1)));
    HttpResponse<String> response = get("/metrics");
    assertTrue(response.headers().firstValue("content-type").orElseThrow().startsWith("application/openmetrics-text"));
    assertTrue(response.body().endsWith("# EOF\n"), response.body());
    assertEquals(1.0, new Exposition(response.body()).value(CALLS, labels("shop", "GET /", "SPAN_KIND_SERVER", "STATUS_CODE_OK")));

    assertEquals(405, HTTP.send(HttpRequest.newBuilder(uri("/metrics")).POST(HttpRequest.BodyPublishers.ofString("x")).build(),
        HttpResponse.BodyHandlers.ofString()).statusCode());
    assertEquals(404, get("/").statusCode());
    assertEquals(400, get("/metrics/../../etc/passwd").statusCode(), "a path leaving the root is refused");
  }

  @Test
  void withoutANamespaceNamesStartAtTracesSpanMetrics() throws Exception {
    exporter = new SpanMetricsExporter(new PrometheusExporterConfig("127.0.0.1:0", "", Map.of(), false,
        Duration.ofMinutes(5), false, false)).start();
    exporter.consume(List.of(span("shop", "GET /", SpanKind.SERVER, StatusCode.OK, 1)));
    assertEquals(1.0, scrape().value("traces_span_metrics_calls_total",
        "service_name", "shop", "span_name", "GET /", "span_kind", "SPAN_KIND_SERVER", "status_code", "STATUS_CODE_OK"));
    assertFalse(scrape().has("ariadne_"));
  }

  private void start(boolean openMetrics, int maxSeries) {
    PrometheusExporterConfig config = new PrometheusExporterConfig("127.0.0.1:0", "ariadne", Map.of("env", "test"),
        false, Duration.ofMinutes(5), openMetrics, false);
    exporter = new SpanMetricsExporter(config, maxSeries, clock::get).start();
  }

  private Exposition scrape() throws Exception {
    HttpResponse<String> response = get("/metrics");
    assertEquals(200, response.statusCode());
    return new Exposition(response.body());
  }

  private HttpResponse<String> get(String path) throws Exception {
    return HTTP.send(HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
  }

  private URI uri(String path) {
    return URI.create("http://127.0.0.1:" + exporter.port() + path);
  }

  private static String[] labels(String service, String name, String kind, String status) {
    return new String[] {"service_name", service, "span_name", name, "span_kind", kind, "status_code", status, "env", "test"};
  }

  private static String[] with(String[] labels, String key, String value) {
    String[] more = java.util.Arrays.copyOf(labels, labels.length + 2);
    more[labels.length] = key;
    more[labels.length + 1] = value;
    return more;
  }

  private static Span span(String service, String name, SpanKind kind, StatusCode status, long millis) {
    return Span.builder()
        .resource(Resource.of(Attributes.of(Resource.SERVICE_NAME, service)))
        .traceId(1, 2).spanId(3).name(name).kind(kind).status(status, "")
        .startEpochNanos(1_000_000_000L).endEpochNanos(1_000_000_000L + millis * 1_000_000)
        .build();
  }
}
