package dev.ariadne.server.api.jaeger;

import com.fasterxml.jackson.core.JsonGenerator;
import com.linecorp.armeria.common.AggregatedHttpRequest;
import com.linecorp.armeria.common.HttpHeaderNames;
import com.linecorp.armeria.common.HttpResponse;
import com.linecorp.armeria.common.HttpStatus;
import com.linecorp.armeria.server.HttpService;
import com.linecorp.armeria.server.ServerBuilder;
import dev.ariadne.codec.jaeger.JaegerJsonWriter;
import dev.ariadne.codec.otlp.DecodedSpans;
import dev.ariadne.codec.otlp.OtlpJsonDecoder;
import dev.ariadne.codec.otlp.OtlpJsonException;
import dev.ariadne.model.Span;
import dev.ariadne.model.TraceId;
import dev.ariadne.server.api.QueryRoutes;
import dev.ariadne.server.receiver.BoundedInflater;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * POST /api/transform: Jaeger UI's file upload. The body is an OTLP JSON trace file (a TracesData or
 * ExportTraceServiceRequest, {"resourceSpans": …}); the answer is the Jaeger UI JSON /api/traces returns,
 * one trace per trace id in order of first appearance, inside Jaeger's envelope. Nothing is stored.
 * Bodies are bounded by the request limit, before and after decompression; a body that is not OTLP
 * JSON, or holds a span with bad ids, answers 400 naming the problem, as Jaeger answers 400.
 */
public final class TransformApi {
  public static final String PATH = "/api/transform";

  private final MeterRegistry registry;
  private final int maxBodyBytes;

  public TransformApi(MeterRegistry registry, int maxBodyBytes) {
    this.registry = registry;
    this.maxBodyBytes = maxBodyBytes;
  }

  public void bind(ServerBuilder sb) {
    Timer timer = QueryRoutes.timer(registry, "jaeger", PATH);
    HttpService service = (ctx, req) -> HttpResponse.of(req.aggregate().thenApplyAsync(aggregated -> {
      Timer.Sample sample = Timer.start(registry);
      try {
        return transform(aggregated);
      } finally {
        sample.stop(timer);
      }
    }, ctx.blockingTaskExecutor()));
    sb.route().post(PATH).maxRequestLength(maxBodyBytes).build(service);
  }

  private HttpResponse transform(AggregatedHttpRequest req) {
    byte[] body;
    try {
      body = BoundedInflater.decode(req.headers().get(HttpHeaderNames.CONTENT_ENCODING),
          req.content().array(), maxBodyBytes);
    } catch (BoundedInflater.TooLargeException e) {
      return JaegerEnvelope.error(HttpStatus.REQUEST_ENTITY_TOO_LARGE, e.getMessage());
    } catch (IOException e) {
      return JaegerEnvelope.error(HttpStatus.BAD_REQUEST, "cannot decode the body: " + e.getMessage());
    }
    DecodedSpans decoded;
    try {
      decoded = OtlpJsonDecoder.decode(body);
    } catch (OtlpJsonException e) {
      return JaegerEnvelope.error(HttpStatus.BAD_REQUEST, "cannot unmarshal OTLP: " + e.getMessage());
    }
    if (decoded.rejected() > 0) {
      return JaegerEnvelope.error(HttpStatus.BAD_REQUEST, "cannot unmarshal OTLP: " + decoded.errorMessage());
    }
    Map<TraceId, List<Span>> traces = new LinkedHashMap<>();
    for (Span span : decoded.spans()) traces.computeIfAbsent(span.traceId(), id -> new ArrayList<>()).add(span);
    // Jaeger leaves total at 0 for a transform.
    return JaegerEnvelope.ok(0, g -> writeTraces(g, traces));
  }

  private static void writeTraces(JsonGenerator g, Map<TraceId, List<Span>> traces) throws IOException {
    g.writeStartArray();
    for (Map.Entry<TraceId, List<Span>> trace : traces.entrySet()) {
      JaegerJsonWriter.writeTrace(g, trace.getKey(), trace.getValue());
    }
    g.writeEndArray();
  }
}
