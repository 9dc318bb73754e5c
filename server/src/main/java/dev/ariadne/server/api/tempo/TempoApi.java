package dev.ariadne.server.api.tempo;

import com.linecorp.armeria.common.HttpHeaderNames;
import com.linecorp.armeria.common.HttpResponse;
import com.linecorp.armeria.common.HttpStatus;
import com.linecorp.armeria.common.MediaType;
import com.linecorp.armeria.server.HttpService;
import com.linecorp.armeria.server.ServerBuilder;
import com.linecorp.armeria.server.ServiceRequestContext;
import dev.ariadne.model.TraceId;
import dev.ariadne.query.BadParameterException;
import dev.ariadne.query.JaegerSearchParams;
import dev.ariadne.query.TempoSearch;
import dev.ariadne.query.traceql.TraceQLException;
import dev.ariadne.query.traceql.TraceQLParser;
import dev.ariadne.query.traceql.TraceView;
import dev.ariadne.server.api.QueryRoutes;
import dev.ariadne.store.SpanReader;
import dev.ariadne.store.Trace;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;

/**
 * Grafana Tempo's HTTP query API, as Grafana's Tempo data source and Tempo's own clients call it:
 * trace by id (v1 and v2, JSON or protobuf), search by TraceQL or tags, tag names and values (v1 and v2),
 * echo, readiness and build info. Answers have Tempo's shapes (see {@link TraceResponses},
 * {@link SearchResponse}, {@link TagResponses}); bad parameters and queries are answered 400 with a plain
 * text message naming the problem, unknown parameters are ignored.
 */
public final class TempoApi {
  /** Tempo's clients put TraceQL in the URL; Go's server takes request lines of up to 1 MiB. */
  public static final int MAX_REQUEST_LINE_BYTES = 2 * 1024 * 1024;
  /** Messages quote what was wrong; this keeps a hostile value from making a huge answer. */
  private static final int MAX_MESSAGE_CHARS = 1024;
  private static final String VERSION = "0.1.0";

  private final SpanReader reader;
  private final MeterRegistry registry;
  private final BooleanSupplier ready;

  public TempoApi(SpanReader reader, MeterRegistry registry, BooleanSupplier ready) {
    this.reader = reader;
    this.registry = registry;
    this.ready = ready;
  }

  public void bind(ServerBuilder sb) {
    route(sb, "/api/traces/{traceID}", (ctx, p) -> trace(ctx, p, false));
    route(sb, "/api/v2/traces/{traceID}", (ctx, p) -> trace(ctx, p, true));
    route(sb, "/api/search", this::search);
    route(sb, "/api/search/tags", (ctx, p) -> TagResponses.tagNames(reader, TagResponses.scope(p), false));
    route(sb, "/api/v2/search/tags", (ctx, p) -> TagResponses.tagNames(reader, TagResponses.scope(p), true));
    route(sb, "/api/search/tag/{tagName}/values", (ctx, p) -> TagResponses.tagValues(reader, ctx.pathParam("tagName")));
    route(sb, "/api/v2/search/tag/{tagName}/values", this::tagValuesV2);
    route(sb, "/api/echo", (ctx, p) -> HttpResponse.of(HttpStatus.OK, MediaType.PLAIN_TEXT_UTF_8, "echo"));
    route(sb, "/ready", (ctx, p) -> ready.getAsBoolean()
        ? HttpResponse.of(HttpStatus.OK, MediaType.PLAIN_TEXT_UTF_8, "ready")
        : HttpResponse.of(HttpStatus.SERVICE_UNAVAILABLE, MediaType.PLAIN_TEXT_UTF_8, "not ready"));
    route(sb, "/api/status/buildinfo", (ctx, p) -> buildInfo());
  }

  @FunctionalInterface
  private interface Handler {
    HttpResponse handle(ServiceRequestContext ctx, Map<String, List<String>> params)
        throws BadParameterException, TraceQLException;
  }

  /** Binds a GET route that runs off the event loop, answers bad input 400 and is timed. */
  private void route(ServerBuilder sb, String path, Handler handler) {
    Timer timer = QueryRoutes.timer(registry, "tempo", path);
    HttpService service = (ctx, req) -> HttpResponse.of(() -> {
      Timer.Sample sample = Timer.start(registry);
      try {
        return handler.handle(ctx, QueryRoutes.params(ctx.queryParams()));
      } catch (BadParameterException e) {
        return badRequest(e.getMessage());
      } catch (TraceQLException e) {
        return badRequest("invalid TraceQL query: " + e.getMessage());
      } finally {
        sample.stop(timer);
      }
    }, ctx.blockingTaskExecutor());
    sb.route().get(path).build(service);
  }

  private HttpResponse trace(ServiceRequestContext ctx, Map<String, List<String>> params, boolean v2)
      throws BadParameterException {
    TraceId id = JaegerSearchParams.traceId("traceID", ctx.pathParam("traceID"));
    long start = seconds(params, "start");
    long end = seconds(params, "end");
    if (start != 0 && end != 0 && end < start) {
      throw new BadParameterException("end", "must not be before start, got start=" + start + " end=" + end);
    }
    Trace trace = reader.trace(id);
    if (trace.isEmpty() || !overlaps(new TraceView(trace), start, end)) {
      return HttpResponse.of(HttpStatus.NOT_FOUND, MediaType.PLAIN_TEXT_UTF_8, "trace not found");
    }
    String accept = ctx.request().headers().get(HttpHeaderNames.ACCEPT);
    boolean protobuf = accept != null && accept.contains(TraceResponses.PROTOBUF.toString());
    return protobuf ? TraceResponses.protobuf(trace, v2) : TraceResponses.json(trace, v2);
  }

  private HttpResponse search(ServiceRequestContext ctx, Map<String, List<String>> params)
      throws BadParameterException, TraceQLException {
    TempoSearch search = TempoSearch.parse(params);
    return SearchResponse.of(search, search.run(reader));
  }

  private HttpResponse tagValuesV2(ServiceRequestContext ctx, Map<String, List<String>> params)
      throws BadParameterException {
    String name = ctx.pathParam("tagName");
    try {
      return TagResponses.tagValuesV2(reader, TraceQLParser.parseIdentifier(name));
    } catch (TraceQLException e) {
      throw new BadParameterException("tagName", "\"" + name + "\" is not an attribute or intrinsic: " + e.getMessage());
    }
  }

  /** Build information in the shape Prometheus-style services give it; the version is Ariadne's. */
  private static HttpResponse buildInfo() {
    String json = "{\"version\":\"" + VERSION + "\",\"revision\":\"\",\"branch\":\"\",\"buildUser\":\"\","
        + "\"buildDate\":\"\",\"goVersion\":\"\"}";
    return HttpResponse.of(HttpStatus.OK, MediaType.JSON_UTF_8, json);
  }

  private static boolean overlaps(TraceView trace, long startSeconds, long endSeconds) {
    long start = trace.startEpochNanos();
    long end = start + trace.durationNanos();
    return (startSeconds == 0 || end >= startSeconds * 1_000_000_000L)
        && (endSeconds == 0 || start <= endSeconds * 1_000_000_000L);
  }

  private static long seconds(Map<String, List<String>> params, String name) throws BadParameterException {
    List<String> values = params.get(name);
    if (values == null || values.isEmpty() || values.getFirst().isEmpty()) return 0;
    String text = values.getFirst();
    try {
      long value = Long.parseLong(text);
      if (value < 0) throw new BadParameterException(name, "must not be negative, got " + value);
      return value;
    } catch (NumberFormatException e) {
      throw new BadParameterException(name, "expected unix epoch seconds, got \"" + text + "\"");
    }
  }

  private static HttpResponse badRequest(String message) {
    String text = message.length() <= MAX_MESSAGE_CHARS ? message : message.substring(0, MAX_MESSAGE_CHARS) + "…";
    return HttpResponse.of(HttpStatus.BAD_REQUEST, MediaType.PLAIN_TEXT_UTF_8, text);
  }
}
