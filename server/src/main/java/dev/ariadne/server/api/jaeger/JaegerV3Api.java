package dev.ariadne.server.api.jaeger;

import com.linecorp.armeria.common.HttpResponse;
import com.linecorp.armeria.common.HttpStatus;
import com.linecorp.armeria.server.HttpService;
import com.linecorp.armeria.server.ServerBuilder;
import com.linecorp.armeria.server.ServiceRequestContext;
import dev.ariadne.model.SpanKind;
import dev.ariadne.model.TraceId;
import dev.ariadne.query.BadParameterException;
import dev.ariadne.query.JaegerSearchParams;
import dev.ariadne.query.JaegerV3Params;
import dev.ariadne.query.TraceSummary;
import dev.ariadne.server.api.QueryRoutes;
import dev.ariadne.store.Operation;
import dev.ariadne.store.SpanReader;
import dev.ariadne.store.Trace;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.List;

/**
 * Jaeger's stable HTTP API v3, on the Jaeger query port beside the v1 API: what Jaeger UI 2.15 and later
 * call for services and operations, and 2.20 and later for every search (trace summaries). Routes and
 * answers follow Jaeger's HTTP gateway (cmd/jaeger/.../apiv3/http_gateway.go): /api/v3/services,
 * /api/v3/operations, /api/v3/traces/{trace_id}, /api/v3/traces, /api/v3/trace-summaries and
 * /api/v3/dependencies. Bad parameters answer 400 naming the parameter; a trace or search that finds
 * nothing answers 404 "No traces found", as Jaeger does; bodies are {@link JaegerV3Json}'s.
 */
public final class JaegerV3Api {
  private final SpanReader reader;
  private final MeterRegistry registry;

  public JaegerV3Api(SpanReader reader, MeterRegistry registry) {
    this.reader = reader;
    this.registry = registry;
  }

  public void bind(ServerBuilder sb) {
    route(sb, "/api/v3/services", this::services);
    route(sb, "/api/v3/operations", this::operations);
    route(sb, "/api/v3/traces/{trace_id}", this::trace);
    route(sb, "/api/v3/traces", this::findTraces);
    route(sb, "/api/v3/trace-summaries", this::summaries);
    route(sb, "/api/v3/dependencies", this::dependencies);
  }

  @FunctionalInterface
  private interface Handler {
    HttpResponse handle(ServiceRequestContext ctx, JaegerV3Params params) throws BadParameterException;
  }

  /** Binds a GET route that runs off the event loop, answers bad parameters 400 and is timed. */
  private void route(ServerBuilder sb, String path, Handler handler) {
    Timer timer = QueryRoutes.timer(registry, "jaeger", path);
    HttpService service = (ctx, req) -> HttpResponse.of(() -> {
      Timer.Sample sample = Timer.start(registry);
      try {
        return handler.handle(ctx, new JaegerV3Params(QueryRoutes.params(ctx.queryParams())));
      } catch (BadParameterException e) {
        return JaegerV3Json.error(HttpStatus.BAD_REQUEST, e.getMessage());
      } finally {
        sample.stop(timer);
      }
    }, ctx.blockingTaskExecutor());
    sb.route().get(path).build(service);
  }

  private HttpResponse services(ServiceRequestContext ctx, JaegerV3Params params) {
    return JaegerV3Json.services(reader.services());
  }

  /**
   * Jaeger's v3 gateway names a span without kind "internal", as OTel treats an unspecified kind; so
   * {@code spanKind=internal} also finds operations stored without a kind.
   */
  private HttpResponse operations(ServiceRequestContext ctx, JaegerV3Params params) throws BadParameterException {
    JaegerV3Params.Param service = params.find("service");
    if (service == null) throw new BadParameterException("service", "is required");
    SpanKind kind = params.spanKind();
    List<Operation> ops = reader.operations(service.value(), null).stream()
        .map(op -> op.kind() == SpanKind.UNSPECIFIED ? new Operation(op.name(), SpanKind.INTERNAL) : op)
        .filter(op -> kind == null || op.kind() == kind)
        .distinct()
        .toList();
    return JaegerV3Json.operations(ops);
  }

  private HttpResponse trace(ServiceRequestContext ctx, JaegerV3Params params) throws BadParameterException {
    TraceId id = JaegerSearchParams.traceId("trace_id", ctx.pathParam("trace_id"));
    // Validated as Jaeger validates them; the store finds a trace by its id alone.
    params.timestampNanos("startTime", "start_time");
    params.timestampNanos("endTime", "end_time");
    params.bool("rawTraces", "raw_traces");
    Trace trace = reader.trace(id);
    return trace.isEmpty() ? notFound() : JaegerV3Json.traces(List.of(trace));
  }

  private HttpResponse findTraces(ServiceRequestContext ctx, JaegerV3Params params) throws BadParameterException {
    List<Trace> traces = reader.findTraces(params.search());
    return traces.isEmpty() ? notFound() : JaegerV3Json.traces(traces);
  }

  private HttpResponse summaries(ServiceRequestContext ctx, JaegerV3Params params) throws BadParameterException {
    List<Trace> traces = reader.findTraces(params.search());
    return JaegerV3Json.summaries(traces.stream().map(TraceSummary::of).toList());
  }

  private HttpResponse dependencies(ServiceRequestContext ctx, JaegerV3Params params) throws BadParameterException {
    Long start = params.timestampNanos("startTime", "start_time");
    Long end = params.timestampNanos("endTime", "end_time");
    if (start == null) throw new BadParameterException("startTime", "is required");
    if (end == null) throw new BadParameterException("endTime", "is required");
    if (end <= start) throw new BadParameterException("endTime", "must be after startTime");
    long endMillis = Math.floorDiv(end, 1_000_000L);
    return JaegerV3Json.dependencies(reader.dependencies(endMillis, endMillis - Math.floorDiv(start, 1_000_000L)));
  }

  private static HttpResponse notFound() {
    return JaegerV3Json.error(HttpStatus.NOT_FOUND, "No traces found");
  }
}
