package dev.ariadne.server.api.jaeger;

import com.fasterxml.jackson.core.JsonGenerator;
import com.linecorp.armeria.common.HttpResponse;
import com.linecorp.armeria.common.HttpStatus;
import com.linecorp.armeria.server.HttpService;
import com.linecorp.armeria.server.ServerBuilder;
import com.linecorp.armeria.server.ServiceRequestContext;
import dev.ariadne.codec.jaeger.JaegerJsonWriter;
import dev.ariadne.model.SpanKind;
import dev.ariadne.model.TraceId;
import dev.ariadne.query.BadParameterException;
import dev.ariadne.query.GoDuration;
import dev.ariadne.query.JaegerSearchParams;
import dev.ariadne.server.api.QueryRoutes;
import dev.ariadne.store.DependencyLink;
import dev.ariadne.store.Operation;
import dev.ariadne.store.SpanReader;
import dev.ariadne.store.Trace;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Jaeger's query HTTP API, the one Jaeger UI and Grafana's Jaeger data source speak:
 * /api/services, /api/services/{service}/operations, /api/operations, /api/traces (search or by
 * traceID), /api/traces/{traceID} and /api/dependencies.
 */
public final class JaegerQueryApi {
  private static final long DEFAULT_DEPENDENCY_LOOKBACK_MILLIS = 24 * 3600 * 1000L;

  private final SpanReader reader;
  private final MeterRegistry registry;

  public JaegerQueryApi(SpanReader reader, MeterRegistry registry) {
    this.reader = reader;
    this.registry = registry;
  }

  public void bind(ServerBuilder sb) {
    route(sb, "/api/services", this::services);
    route(sb, "/api/services/{service}/operations", this::serviceOperations);
    route(sb, "/api/operations", this::operations);
    route(sb, "/api/traces", this::searchTraces);
    route(sb, "/api/traces/{traceID}", this::trace);
    route(sb, "/api/dependencies", this::dependencies);
  }

  @FunctionalInterface
  private interface Handler {
    HttpResponse handle(ServiceRequestContext ctx, Map<String, List<String>> params)
        throws BadParameterException, IOException;
  }

  /** Binds a GET route that runs off the event loop, turns bad parameters into 400 and is timed. */
  private void route(ServerBuilder sb, String path, Handler handler) {
    Timer timer = QueryRoutes.timer(registry, "jaeger", path);
    HttpService service = (ctx, req) -> HttpResponse.of(() -> {
      Timer.Sample sample = Timer.start(registry);
      try {
        return handler.handle(ctx, QueryRoutes.params(ctx.queryParams()));
      } catch (BadParameterException e) {
        return JaegerEnvelope.error(HttpStatus.BAD_REQUEST, e.getMessage());
      } catch (IOException e) {
        return JaegerEnvelope.error(HttpStatus.INTERNAL_SERVER_ERROR, e.getMessage());
      } finally {
        sample.stop(timer);
      }
    }, ctx.blockingTaskExecutor());
    sb.route().get(path).build(service);
  }

  private HttpResponse services(ServiceRequestContext ctx, Map<String, List<String>> params) {
    List<String> services = reader.services();
    return JaegerEnvelope.ok(services.size(), g -> writeStrings(g, services));
  }

  private HttpResponse serviceOperations(ServiceRequestContext ctx, Map<String, List<String>> params) {
    List<String> names = reader.operations(ctx.pathParam("service"), null).stream()
        .map(Operation::name).distinct().toList();
    return JaegerEnvelope.ok(names.size(), g -> writeStrings(g, names));
  }

  private HttpResponse operations(ServiceRequestContext ctx, Map<String, List<String>> params)
      throws BadParameterException {
    String service = first(params, "service");
    if (service == null || service.isEmpty()) throw new BadParameterException("service", "is required");
    SpanKind kind = spanKind(first(params, "spanKind"));
    List<Operation> ops = reader.operations(service, kind);
    return JaegerEnvelope.ok(ops.size(), g -> {
      g.writeStartArray();
      for (Operation op : ops) {
        g.writeStartObject();
        g.writeStringField("name", op.name());
        g.writeStringField("spanKind", op.kind().jaegerName());
        g.writeEndObject();
      }
      g.writeEndArray();
    });
  }

  private HttpResponse searchTraces(ServiceRequestContext ctx, Map<String, List<String>> params)
      throws BadParameterException {
    JaegerSearchParams search = JaegerSearchParams.parse(params, System.currentTimeMillis() * 1_000);
    if (search.query() != null) {
      List<Trace> traces = reader.findTraces(search.query());
      return JaegerEnvelope.ok(traces.size(), g -> writeTraces(g, traces));
    }
    List<Trace> found = new ArrayList<>();
    List<JaegerEnvelope.Error> missing = new ArrayList<>();
    for (TraceId id : search.traceIds()) {
      Trace trace = reader.trace(id);
      if (trace.isEmpty()) missing.add(new JaegerEnvelope.Error(404, "trace not found", id.toHex()));
      else found.add(trace);
    }
    return JaegerEnvelope.ok(found.size(), g -> writeTraces(g, found), missing);
  }

  private HttpResponse trace(ServiceRequestContext ctx, Map<String, List<String>> params)
      throws BadParameterException {
    Trace trace = reader.trace(JaegerSearchParams.traceId("traceID", ctx.pathParam("traceID")));
    if (trace.isEmpty()) return JaegerEnvelope.error(HttpStatus.NOT_FOUND, "trace not found");
    return JaegerEnvelope.ok(1, g -> writeTraces(g, List.of(trace)));
  }

  private HttpResponse dependencies(ServiceRequestContext ctx, Map<String, List<String>> params)
      throws BadParameterException {
    long endTs = millis(params, "endTs", System.currentTimeMillis());
    long lookback = millis(params, "lookback", DEFAULT_DEPENDENCY_LOOKBACK_MILLIS);
    List<DependencyLink> links = reader.dependencies(endTs, lookback);
    return JaegerEnvelope.ok(links.size(), g -> {
      g.writeStartArray();
      for (DependencyLink link : links) {
        g.writeStartObject();
        g.writeStringField("parent", link.parent());
        g.writeStringField("child", link.child());
        g.writeNumberField("callCount", link.callCount());
        g.writeEndObject();
      }
      g.writeEndArray();
    });
  }

  private static void writeTraces(JsonGenerator g, List<Trace> traces) throws IOException {
    g.writeStartArray();
    for (Trace trace : traces) JaegerJsonWriter.writeTrace(g, trace.traceId(), trace.spans());
    g.writeEndArray();
  }

  private static void writeStrings(JsonGenerator g, List<String> values) throws IOException {
    g.writeStartArray();
    for (String v : values) g.writeString(v);
    g.writeEndArray();
  }

  private static SpanKind spanKind(String text) throws BadParameterException {
    if (text == null || text.isEmpty()) return null;
    for (SpanKind kind : SpanKind.values()) {
      if (kind != SpanKind.UNSPECIFIED && kind.jaegerName().equals(text.toLowerCase(Locale.ROOT))) return kind;
    }
    throw new BadParameterException("spanKind",
        "expected one of server, client, producer, consumer, internal; got \"" + text + "\"");
  }

  /** A millisecond parameter: a number, or for lookback also a Go duration such as 1h. */
  private static long millis(Map<String, List<String>> params, String name, long absent)
      throws BadParameterException {
    String text = first(params, name);
    if (text == null || text.isEmpty()) return absent;
    try {
      long value = Long.parseLong(text);
      if (value < 0) throw new BadParameterException(name, "must not be negative, got " + value);
      return value;
    } catch (NumberFormatException notNumber) {
      if (name.equals("lookback")) {
        try {
          return GoDuration.parseNanos(text) / 1_000_000;
        } catch (IllegalArgumentException ignored) {
          // fall through to the error below
        }
      }
      throw new BadParameterException(name, "expected milliseconds, got \"" + text + "\"");
    }
  }

  private static String first(Map<String, List<String>> params, String name) {
    List<String> values = params.get(name);
    return values == null || values.isEmpty() ? null : values.getFirst();
  }
}
