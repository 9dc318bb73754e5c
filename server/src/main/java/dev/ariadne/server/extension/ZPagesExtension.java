package dev.ariadne.server.extension;

import static dev.ariadne.server.extension.Html.escape;
import static dev.ariadne.server.extension.Html.row;

import com.linecorp.armeria.common.HttpResponse;
import com.linecorp.armeria.common.QueryParams;
import com.linecorp.armeria.server.ServerBuilder;
import com.linecorp.armeria.server.ServiceRequestContext;
import dev.ariadne.collector.config.ComponentId;
import dev.ariadne.collector.config.ServiceConfig;
import dev.ariadne.collector.config.extension.ZPagesConfig;
import dev.ariadne.model.AnyValue;
import dev.ariadne.model.Span;
import dev.ariadne.server.listener.HttpComponent;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The {@code zpages} extension: plain HTML pages at {@code /debug/servicez} (version, start time,
 * uptime, JVM), {@code /debug/pipelinez} and {@code /debug/extensionz} (from the {@code service}
 * section of the configuration), and {@code /debug/tracez}: the spans passing through the pipelines
 * ({@link #observe}) counted per name by latency bucket and error, with the latest ones of each name
 * ({@code ?zspanname=NAME}, errors only with {@code &ztype=2}, as OpenCensus's zpages link them).
 *
 * <p>Lifecycle: construct, {@link #start()}, feed {@link #observe}, {@link #close()}.
 */
public final class ZPagesExtension extends HttpComponent {
  private final ServiceConfig service;
  private final Clock clock;
  private final Instant started;
  private final SpanSamples samples = new SpanSamples();

  /** @param service the configuration's {@code service} section: the pipelines and extensions shown */
  public ZPagesExtension(ZPagesConfig config, ServiceConfig service, Clock clock) {
    super(config.endpoint());
    this.service = service;
    this.clock = clock;
    this.started = clock.instant();
  }

  public ZPagesExtension start() {
    listen();
    return this;
  }

  /** Records spans for tracez; the pipeline calls it with what it received. */
  public void observe(List<Span> spans) {
    samples.observe(spans);
  }

  @Override
  protected void bind(ServerBuilder sb) {
    sb.route().get("/debug/servicez").build((ctx, req) -> servicez());
    sb.route().get("/debug/pipelinez").build((ctx, req) -> pipelinez());
    sb.route().get("/debug/extensionz").build((ctx, req) -> extensionz());
    sb.route().get("/debug/tracez").build((ctx, req) -> tracez(ctx));
  }

  private HttpResponse servicez() {
    String version = ZPagesExtension.class.getPackage().getImplementationVersion();
    return Html.page("Service", "<table>\n"
        + row("th", "Name", "Value")
        + row("td", "Service", "Ariadne")
        + row("td", "Version", escape(version == null ? "development build" : version))
        + row("td", "Start time", escape(started.toString()))
        + row("td", "Uptime", escape(HealthCheckExtension.goDuration(Duration.between(started, clock.instant()))))
        + row("td", "Runtime", escape("Java " + Runtime.version()))
        + "</table>\n<p><a href=\"/debug/pipelinez\">pipelines</a> · <a href=\"/debug/extensionz\">extensions</a> · "
        + "<a href=\"/debug/tracez\">spans</a></p>\n");
  }

  private HttpResponse pipelinez() {
    StringBuilder table = new StringBuilder("<table>\n").append(row("th", "Pipeline", "Receivers", "Processors", "Exporters"));
    service.pipelines().forEach((id, pipeline) -> table.append(row("td", escape(id.toString()),
        ids(pipeline.receivers()), ids(pipeline.processors()), ids(pipeline.exporters()))));
    return Html.page("Pipelines", table.append("</table>\n").toString());
  }

  private HttpResponse extensionz() {
    StringBuilder table = new StringBuilder("<table>\n").append(row("th", "Extension"));
    service.extensions().forEach(id -> table.append(row("td", escape(id.toString()))));
    return Html.page("Extensions", table.append("</table>\n").toString());
  }

  private HttpResponse tracez(ServiceRequestContext ctx) {
    QueryParams params = QueryParams.fromQueryString(ctx.query());
    String name = params.get("zspanname");
    return name == null ? tracezSummary() : tracezSamples(name, "2".equals(params.get("ztype")));
  }

  private HttpResponse tracezSummary() {
    StringBuilder table = new StringBuilder("<table>\n");
    String[] header = new String[SpanSamples.LATENCY_LABELS.length + 3];
    header[0] = "Span name";
    header[1] = "Count";
    for (int i = 0; i < SpanSamples.LATENCY_LABELS.length; i++) header[i + 2] = escape(SpanSamples.LATENCY_LABELS[i]);
    header[header.length - 1] = "Errors";
    table.append(row("th", header));
    for (SpanSamples.Summary summary : samples.summaries()) {
      String link = "/debug/tracez?zspanname=" + java.net.URLEncoder.encode(summary.name(), java.nio.charset.StandardCharsets.UTF_8);
      String[] cells = new String[header.length];
      cells[0] = "<a href=\"" + escape(link) + "\">" + escape(summary.name()) + "</a>";
      cells[1] = Long.toString(summary.count());
      for (int i = 0; i < summary.latency().length; i++) cells[i + 2] = Long.toString(summary.latency()[i]);
      cells[cells.length - 1] = "<a href=\"" + escape(link + "&ztype=2") + "\">" + summary.errors() + "</a>";
      table.append(row("td", cells));
    }
    return Html.page("Spans", table.append("</table>\n<p>The latest " + SpanSamples.SAMPLES
        + " spans and error spans are kept for each name.</p>\n").toString());
  }

  private HttpResponse tracezSamples(String name, boolean errors) {
    StringBuilder table = new StringBuilder("<table>\n")
        .append(row("th", "Trace id", "Span id", "Service", "Kind", "Start", "Duration", "Status", "Attributes"));
    for (Span span : samples.samples(name, errors)) {
      table.append(row("td", span.traceId().toHex(), HexFormat.of().toHexDigits(span.spanId()), escape(span.serviceName()),
          span.kind().name(), Instant.EPOCH.plusNanos(span.startEpochNanos()).toString(),
          escape(HealthCheckExtension.goDuration(Duration.ofNanos(span.durationNanos()))),
          escape(span.statusCode().name() + (span.statusMessage().isEmpty() ? "" : ": " + span.statusMessage())),
          escape(attributes(span))));
    }
    return Html.page((errors ? "Error spans: " : "Spans: ") + name, table.append("</table>\n").toString());
  }

  private static String ids(List<ComponentId> ids) {
    return escape(ids.stream().map(ComponentId::toString).collect(Collectors.joining(", ")));
  }

  private static String attributes(Span span) {
    StringBuilder text = new StringBuilder();
    span.attributes().forEach((key, value) -> text.append(text.isEmpty() ? "" : ", ").append(key).append("=").append(AnyValue.asString(value)));
    return text.toString();
  }
}
