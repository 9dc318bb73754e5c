package dev.ariadne.server.api.zipkin;

import com.linecorp.armeria.common.HttpResponse;
import com.linecorp.armeria.common.HttpStatus;
import com.linecorp.armeria.server.HttpService;
import com.linecorp.armeria.server.ServerBuilder;
import com.linecorp.armeria.server.ServiceRequestContext;
import dev.ariadne.codec.zipkin.ZipkinEncoder;
import dev.ariadne.model.TraceId;
import dev.ariadne.query.BadParameterException;
import dev.ariadne.server.api.QueryRoutes;
import dev.ariadne.store.DependencyLink;
import dev.ariadne.store.Operation;
import dev.ariadne.store.SpanReader;
import dev.ariadne.store.Trace;
import dev.ariadne.store.TraceQuery;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import zipkin2.codec.DependencyLinkBytesEncoder;
import zipkin2.codec.SpanBytesEncoder;
import zipkin2.storage.QueryRequest;

/**
 * Zipkin's v2 query API, as Zipkin UI and Grafana's Zipkin data source call it: services, span and
 * remote service names, trace search, traces by id, dependencies and autocompletion. Answers have
 * Zipkin's shapes (spans in v2 JSON, names lowercased as Zipkin stores them); errors are plain text
 * with 400 naming the bad parameter, or 404 for a trace not found. Unknown parameters are ignored.
 */
public final class ZipkinQueryApi {
  private final SpanReader reader;
  private final MeterRegistry registry;
  private final List<String> autocompleteKeys;
  private final RecentTraceScan scan;

  public ZipkinQueryApi(SpanReader reader, MeterRegistry registry, List<String> autocompleteKeys) {
    this.reader = reader;
    this.registry = registry;
    this.autocompleteKeys = new TreeSet<>(autocompleteKeys).stream().toList();
    this.scan = new RecentTraceScan(reader);
  }

  public void bind(ServerBuilder sb) {
    route(sb, "/api/v2/services", this::services);
    route(sb, "/api/v2/spans", this::spanNames);
    route(sb, "/api/v2/remoteServices", this::remoteServices);
    route(sb, "/api/v2/traces", this::searchTraces);
    route(sb, "/api/v2/trace/{traceId}", this::trace);
    route(sb, "/api/v2/traceMany", this::traceMany);
    route(sb, "/api/v2/dependencies", this::dependencies);
    route(sb, "/api/v2/autocompleteKeys", (ctx, params) -> ZipkinResponses.strings(autocompleteKeys));
    route(sb, "/api/v2/autocompleteValues", this::autocompleteValues);
  }

  @FunctionalInterface
  private interface Handler {
    HttpResponse handle(ServiceRequestContext ctx, ZipkinParams params) throws BadParameterException;
  }

  /** Binds a GET route that runs off the event loop, turns bad parameters into 400 and is timed. */
  private void route(ServerBuilder sb, String path, Handler handler) {
    Timer timer = QueryRoutes.timer(registry, "zipkin", path);
    HttpService service = (ctx, req) -> HttpResponse.of(() -> {
      Timer.Sample sample = Timer.start(registry);
      try {
        return handler.handle(ctx, new ZipkinParams(QueryRoutes.params(ctx.queryParams())));
      } catch (BadParameterException e) {
        return ZipkinResponses.text(HttpStatus.BAD_REQUEST, e.getMessage());
      } finally {
        sample.stop(timer);
      }
    }, ctx.blockingTaskExecutor());
    sb.route().get(path).build(service);
  }

  private HttpResponse services(ServiceRequestContext ctx, ZipkinParams params) {
    Set<String> names = new TreeSet<>();
    for (String service : reader.services()) names.add(StoredServices.zipkinName(service));
    return ZipkinResponses.strings(List.copyOf(names));
  }

  private HttpResponse spanNames(ServiceRequestContext ctx, ZipkinParams params) throws BadParameterException {
    String service = lowercase(params.required("serviceName"));
    Set<String> names = new TreeSet<>();
    for (String stored : StoredServices.matching(reader, service)) {
      for (Operation op : reader.operations(stored, null)) {
        if (!op.name().isEmpty()) names.add(op.name().toLowerCase(Locale.ROOT));
      }
    }
    return ZipkinResponses.strings(List.copyOf(names));
  }

  private HttpResponse remoteServices(ServiceRequestContext ctx, ZipkinParams params) throws BadParameterException {
    return ZipkinResponses.strings(scan.remoteServiceNames(lowercase(params.required("serviceName"))));
  }

  private HttpResponse searchTraces(ServiceRequestContext ctx, ZipkinParams params) throws BadParameterException {
    QueryRequest request = ZipkinSearchParams.parse(params, System.currentTimeMillis());
    TraceQuery.Builder query = StoredServices.search(reader, request.serviceName());
    if (query == null) return ZipkinResponses.traces(List.of());
    // Zipkin's own test decides, on the trace as Zipkin shows it: the root's time within the window,
    // and the service's spans together meeting the other conditions.
    query.limit(request.limit()).traceFilter(trace -> request.test(ZipkinEncoder.toZipkin(trace.spans())));
    // That test wants one of the service's spans within the duration bounds; Zipkin's µs are our ns / 1000
    // rounded down, so the same bounds on one span let the store skip what cannot match.
    if (request.minDuration() != null) {
      long max = request.maxDuration() == null ? 0 : request.maxDuration() * 1_000 + 999;
      query.durationNanos(request.minDuration() * 1_000, max);
    }
    List<List<zipkin2.Span>> traces = new ArrayList<>();
    for (Trace trace : reader.findTraces(query.build())) traces.add(ZipkinEncoder.toZipkin(trace.spans()));
    return ZipkinResponses.traces(traces);
  }

  private HttpResponse trace(ServiceRequestContext ctx, ZipkinParams params) throws BadParameterException {
    String traceId = normalizedTraceId("traceId", ctx.pathParam("traceId"));
    Trace trace = reader.trace(TraceId.parse(traceId));
    if (trace.isEmpty()) return ZipkinResponses.text(HttpStatus.NOT_FOUND, traceId + " not found");
    return ZipkinResponses.json(SpanBytesEncoder.JSON_V2.encodeList(ZipkinEncoder.toZipkin(trace.spans())));
  }

  /** Several traces by id, as Zipkin answers it: the ones found, in the order asked; absent ones left out. */
  private HttpResponse traceMany(ServiceRequestContext ctx, ZipkinParams params) throws BadParameterException {
    Set<String> ids = new LinkedHashSet<>();
    for (String id : params.required("traceIds").split(",", 1000)) {
      if (!ids.add(normalizedTraceId("traceIds", id))) {
        throw new BadParameterException("traceIds", "redundant traceId: " + id);
      }
    }
    if (ids.size() == 1) {
      throw new BadParameterException("traceIds", "use /api/v2/trace/{traceId} to retrieve a single trace");
    }
    List<List<zipkin2.Span>> traces = new ArrayList<>();
    for (String id : ids) {
      Trace trace = reader.trace(TraceId.parse(id));
      if (!trace.isEmpty()) traces.add(ZipkinEncoder.toZipkin(trace.spans()));
    }
    return ZipkinResponses.traces(traces);
  }

  private HttpResponse dependencies(ServiceRequestContext ctx, ZipkinParams params) throws BadParameterException {
    params.required("endTs");
    long endTs = params.positiveLong("endTs", null, ZipkinSearchParams.MAX_MILLIS);
    long lookback = params.positiveLong("lookback", ZipkinSearchParams.DEFAULT_LOOKBACK_MILLIS,
        ZipkinSearchParams.MAX_MILLIS);
    // Zipkin's names are lowercase: stored names that differ only in case are one service there.
    Map<String, Map<String, Long>> calls = new TreeMap<>();
    for (DependencyLink link : reader.dependencies(endTs, lookback)) {
      calls.computeIfAbsent(StoredServices.zipkinName(link.parent()), k -> new TreeMap<>())
          .merge(StoredServices.zipkinName(link.child()), link.callCount(), Long::sum);
    }
    List<zipkin2.DependencyLink> links = new ArrayList<>();
    calls.forEach((parent, children) -> children.forEach((child, count) ->
        links.add(zipkin2.DependencyLink.newBuilder().parent(parent).child(child).callCount(count).build())));
    return ZipkinResponses.json(DependencyLinkBytesEncoder.JSON_V1.encodeList(links));
  }

  /** Values only for the configured keys, as Zipkin indexes only those. */
  private HttpResponse autocompleteValues(ServiceRequestContext ctx, ZipkinParams params) throws BadParameterException {
    String key = params.required("key");
    return ZipkinResponses.strings(autocompleteKeys.contains(key) ? scan.tagValues(key) : List.of());
  }

  /** A trace id as Zipkin normalizes it: lower hex, padded to 16 or 32 digits. */
  private static String normalizedTraceId(String param, String text) throws BadParameterException {
    try {
      return zipkin2.Span.normalizeTraceId(text.trim());
    } catch (IllegalArgumentException e) {
      throw new BadParameterException(param, e.getMessage());
    }
  }

  private static String lowercase(String name) {
    return name.toLowerCase(Locale.ROOT);
  }
}
