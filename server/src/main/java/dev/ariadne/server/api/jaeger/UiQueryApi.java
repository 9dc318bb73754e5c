package dev.ariadne.server.api.jaeger;

import com.linecorp.armeria.common.HttpResponse;
import com.linecorp.armeria.common.HttpStatus;
import com.linecorp.armeria.server.HttpService;
import com.linecorp.armeria.server.ServerBuilder;
import dev.ariadne.codec.jaeger.JaegerJsonWriter;
import dev.ariadne.query.BadParameterException;
import dev.ariadne.query.GoDuration;
import dev.ariadne.query.TempoSearch;
import dev.ariadne.query.traceql.TraceQLException;
import dev.ariadne.server.api.QueryRoutes;
import dev.ariadne.store.DependencyLink;
import dev.ariadne.store.SpanReader;
import dev.ariadne.store.Trace;
import dev.ariadne.store.TraceQuery;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The two things the web UI (served by {@link dev.ariadne.server.api.ui.WebUi}) asks the Jaeger query port
 * for that Jaeger's API does not answer, in Jaeger's envelope:
 * <ul>
 *   <li>{@code GET /api/ui/traceql}: a TraceQL search, with the parameters of Tempo's /api/search ({@code q},
 *   {@code start}, {@code end}, {@code minDuration}, {@code maxDuration}, {@code limit}) run by the same
 *   code ({@link TempoSearch}); the answer is the matching traces whole, in /api/traces's Jaeger JSON. The
 *   query travels in the URL, whose request line this port bounds at Armeria's 4 KiB, unlike Tempo's.</li>
 *   <li>{@code GET /api/ui/dependencies}: the service graph of {@code lookback} (a Go duration or ms, 24h
 *   by default) before {@code endTs} (ms, now by default): each edge's call count as /api/dependencies
 *   counts it, and its error count and latency percentiles over the calls in the window's
 *   {@value #SAMPLE_TRACES} most recent traces.</li>
 * </ul>
 */
public final class UiQueryApi {
  static final int SAMPLE_TRACES = 1000;

  private final SpanReader reader;
  private final MeterRegistry registry;

  public UiQueryApi(SpanReader reader, MeterRegistry registry) {
    this.reader = reader;
    this.registry = registry;
  }

  public void bind(ServerBuilder sb) {
    route(sb, "/api/ui/traceql", this::traceql);
    route(sb, "/api/ui/dependencies", this::dependencies);
  }

  @FunctionalInterface
  private interface Handler {
    HttpResponse handle(Map<String, List<String>> params) throws BadParameterException, TraceQLException;
  }

  private void route(ServerBuilder sb, String path, Handler handler) {
    Timer timer = QueryRoutes.timer(registry, "ui", path);
    HttpService service = (ctx, req) -> HttpResponse.of(() -> {
      Timer.Sample sample = Timer.start(registry);
      try {
        return handler.handle(QueryRoutes.params(ctx.queryParams()));
      } catch (BadParameterException e) {
        return JaegerEnvelope.error(HttpStatus.BAD_REQUEST, e.getMessage());
      } catch (TraceQLException e) {
        return JaegerEnvelope.error(HttpStatus.BAD_REQUEST, "invalid TraceQL query: " + e.getMessage());
      } finally {
        sample.stop(timer);
      }
    }, ctx.blockingTaskExecutor());
    sb.route().get(path).build(service);
  }

  private HttpResponse traceql(Map<String, List<String>> params) throws BadParameterException, TraceQLException {
    List<Trace> traces = TempoSearch.parse(params).run(reader).matches().stream()
        .map(match -> match.trace().trace())
        .toList();
    return JaegerEnvelope.ok(traces.size(), g -> {
      g.writeStartArray();
      for (Trace trace : traces) JaegerJsonWriter.writeTrace(g, trace.traceId(), trace.spans());
      g.writeEndArray();
    });
  }

  private HttpResponse dependencies(Map<String, List<String>> params) throws BadParameterException {
    long endMillis = millis(params, "endTs", System.currentTimeMillis(), false);
    long lookbackMillis = millis(params, "lookback", 24 * 3600 * 1000L, true);
    List<DependencyLink> links = reader.dependencies(endMillis, lookbackMillis);
    ServiceEdges sampled = new ServiceEdges();
    List<Trace> traces = reader.findTraces(TraceQuery.builder()
        .startWithin((endMillis - lookbackMillis) * 1_000_000, endMillis * 1_000_000)
        .limit(SAMPLE_TRACES)
        .build());
    traces.forEach(sampled::add);
    Map<String, ServiceEdges.Edge> byPair = new HashMap<>();
    for (ServiceEdges.Edge edge : sampled.edges()) byPair.put(edge.parent() + "\n" + edge.child(), edge);
    return JaegerEnvelope.ok(links.size(), g -> {
      g.writeStartObject();
      g.writeNumberField("sampledTraces", traces.size());
      g.writeArrayFieldStart("edges");
      for (DependencyLink link : links) {
        ServiceEdges.Edge edge = byPair.get(link.parent() + "\n" + link.child());
        g.writeStartObject();
        g.writeStringField("parent", link.parent());
        g.writeStringField("child", link.child());
        g.writeNumberField("callCount", link.callCount());
        if (edge != null) {
          g.writeNumberField("sampledCalls", edge.calls());
          g.writeNumberField("sampledErrors", edge.errors());
          g.writeNumberField("p50Micros", edge.p50Micros());
          g.writeNumberField("p95Micros", edge.p95Micros());
        }
        g.writeEndObject();
      }
      g.writeEndArray();
      g.writeEndObject();
    });
  }

  private static long millis(Map<String, List<String>> params, String name, long absent, boolean duration)
      throws BadParameterException {
    List<String> values = params.get(name);
    if (values == null || values.isEmpty() || values.getFirst().isEmpty()) return absent;
    String text = values.getFirst();
    try {
      long value = text.chars().allMatch(Character::isDigit) ? Long.parseLong(text)
          : duration ? GoDuration.parseNanos(text) / 1_000_000 : -1;
      if (value >= 0) return value;
    } catch (IllegalArgumentException ignored) {
      // answered below
    }
    throw new BadParameterException(name, duration
        ? "expected milliseconds or a duration such as 1h, got \"" + text + "\""
        : "expected milliseconds since the epoch, got \"" + text + "\"");
  }
}
