package dev.ariadne.server.extension;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ariadne.collector.config.CollectorConfig;
import dev.ariadne.collector.config.ConfigLoader;
import dev.ariadne.collector.config.extension.ZPagesConfig;
import dev.ariadne.collector.pipeline.BuiltInComponents;
import dev.ariadne.model.Attributes;
import dev.ariadne.model.Resource;
import dev.ariadne.model.Span;
import dev.ariadne.model.StatusCode;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** zpages over HTTP: the service, pipelines and extensions as configured; recent spans per name, escaped and bounded. */
class ExtensionZPagesTest {
  private static final String YAML = """
      receivers:
        otlp:
          protocols: {grpc: }
        zipkin:
      processors:
        batch:
        memory_limiter: {check_interval: 1s, limit_mib: 100}
      exporters:
        ariadne:
        debug:
      extensions:
        health_check:
        zpages:
      service:
        extensions: [health_check, zpages]
        pipelines:
          traces:
            receivers: [otlp, zipkin]
            processors: [memory_limiter, batch]
            exporters: [ariadne]
          traces/debug:
            receivers: [otlp]
            exporters: [debug]
      """;
  private static final Pattern ROW = Pattern.compile("<tr>(.*?)</tr>");

  private final MovableClock clock = new MovableClock();
  private ZPagesExtension zpages;
  private Http http;

  @BeforeEach
  void start() {
    CollectorConfig config = new ConfigLoader(BuiltInComponents.all(), name -> null).load(YAML);
    zpages = new ZPagesExtension(new ZPagesConfig("127.0.0.1:0"), config.service(), clock).start();
    http = new Http(zpages.port());
  }

  @AfterEach
  void stop() {
    zpages.close();
  }

  @Test
  void serviceAndConfiguration() throws Exception {
    clock.advance(Duration.ofSeconds(90));
    String servicez = page("/debug/servicez");
    assertTrue(servicez.contains("<td>Start time</td><td>2026-03-01T10:00:00Z</td>"), servicez);
    assertTrue(servicez.contains("<td>Uptime</td><td>1m30s</td>"), servicez);

    assertEquals(List.of(
            "<th>Pipeline</th><th>Receivers</th><th>Processors</th><th>Exporters</th>",
            "<td>traces</td><td>otlp, zipkin</td><td>memory_limiter, batch</td><td>ariadne</td>",
            "<td>traces/debug</td><td>otlp</td><td></td><td>debug</td>"),
        rows(page("/debug/pipelinez")));
    assertEquals(List.of("<th>Extension</th>", "<td>health_check</td>", "<td>zpages</td>"), rows(page("/debug/extensionz")));
  }

  @Test
  void tracezCountsByLatencyAndErrorAndKeepsTheLatestSpansOfEachName() throws Exception {
    List<Span> spans = new ArrayList<>();
    for (int i = 0; i < 25; i++) spans.add(span("GET /cart", i + 1, i % 5 == 0 ? StatusCode.ERROR : StatusCode.OK, 5_000_000));
    spans.add(span("SELECT", 100, StatusCode.OK, 20_000));
    zpages.observe(spans);

    List<String> summary = rows(page("/debug/tracez"));
    assertTrue(summary.getFirst().startsWith("<th>Span name</th><th>Count</th><th>&gt;0s</th>"), summary.getFirst());
    assertEquals("<td><a href=\"/debug/tracez?zspanname=GET+%2Fcart\">GET /cart</a></td><td>25</td>"
        + "<td>0</td><td>0</td><td>0</td><td>25</td><td>0</td><td>0</td><td>0</td><td>0</td><td>0</td>"
        + "<td><a href=\"/debug/tracez?zspanname=GET+%2Fcart&amp;ztype=2\">5</a></td>", summary.get(1));
    assertTrue(summary.get(2).contains("<td>1</td><td>0</td><td>1</td><td>0</td>"), "20µs is in >10µs: " + summary.get(2));

    List<String> latest = rows(page("/debug/tracez?zspanname=GET+%2Fcart"));
    assertEquals(1 + SpanSamples.SAMPLES, latest.size());
    assertTrue(latest.get(1).contains("<td>0000000000000019</td>"), "newest first: span 25 " + latest.get(1));
    assertTrue(latest.get(1).contains("<td>5ms</td>"), latest.get(1));
    List<String> errors = rows(page("/debug/tracez?zspanname=GET+%2Fcart&ztype=2"));
    assertEquals(6, errors.size());
    assertTrue(errors.stream().skip(1).allMatch(row -> row.contains("<td>ERROR: failed</td>")), errors.toString());
    assertEquals(List.of(latest.getFirst()), rows(page("/debug/tracez?zspanname=nothing-by-this-name")));
  }

  @Test
  void hostileNamesAreEscapedAndPagesHaveNoScriptsOrExternalAssets() throws Exception {
    String hostile = "<script>alert('x')</script>&\"";
    zpages.observe(List.of(span(hostile, 1, StatusCode.ERROR, 1)));
    String summary = page("/debug/tracez");
    assertFalse(summary.contains("<script"), summary);
    assertTrue(summary.contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;&amp;&quot;"), summary);
    String samples = page("/debug/tracez?zspanname=" + URLEncoder.encode(hostile, StandardCharsets.UTF_8));
    assertEquals(2, rows(samples).size(), "the escaped link finds the span");
    assertFalse(samples.contains("<script"));
    for (String path : List.of("/debug/servicez", "/debug/pipelinez", "/debug/extensionz", "/debug/tracez")) {
      String body = page(path);
      assertFalse(body.contains("src=") || body.contains("http://") || body.contains("https://"), path);
    }
  }

  @Test
  void boundedSpanNamesAndRefusedRequests() throws Exception {
    List<Span> spans = new ArrayList<>();
    for (int i = 0; i <= SpanSamples.MAX_NAMES; i++) spans.add(span("op-" + i, i + 1, StatusCode.OK, 1));
    zpages.observe(spans);
    assertEquals(1 + SpanSamples.MAX_NAMES, rows(page("/debug/tracez")).size());

    assertEquals(405, http.send(http.request("/debug/tracez").POST(HttpRequest.BodyPublishers.ofString("x"))).statusCode());
    assertEquals(404, http.get("/debug/rpcz").statusCode());
    assertEquals(404, http.get("/").statusCode());
    assertEquals(400, http.get("/debug/%2e%2e/%2e%2e/etc/passwd").statusCode());
    assertEquals(400, http.rawGet("/debug/tracez?zspanname=%zz"), "a malformed query");
  }

  private String page(String path) throws Exception {
    HttpResponse<String> response = http.get(path);
    assertEquals(200, response.statusCode(), path);
    assertEquals("text/html; charset=utf-8", response.headers().firstValue("content-type").orElseThrow());
    return response.body();
  }

  private static List<String> rows(String html) {
    List<String> rows = new ArrayList<>();
    Matcher m = ROW.matcher(html);
    while (m.find()) rows.add(m.group(1));
    return rows;
  }

  private static Span span(String name, long spanId, StatusCode status, long durationNanos) {
    return Span.builder()
        .resource(Resource.of(Attributes.of(Resource.SERVICE_NAME, "shop")))
        .traceId(7, 8).spanId(spanId).name(name).status(status, status == StatusCode.ERROR ? "failed" : "")
        .startEpochNanos(1_772_359_200_000_000_000L).endEpochNanos(1_772_359_200_000_000_000L + durationNanos)
        .attributes(Attributes.of("http.method", "GET"))
        .build();
  }
}
