package dev.ariadne.server;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import io.opentelemetry.exporter.otlp.trace.OtlpGrpcSpanExporter;
import io.opentelemetry.sdk.resources.Resource;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.SpanProcessor;
import io.opentelemetry.sdk.trace.export.BatchSpanProcessor;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import java.util.concurrent.TimeUnit;

/** Traces the real OpenTelemetry Java SDK sends to a server over OTLP/gRPC, with known shapes and times. */
final class SdkTraces {
  private SdkTraces() {}

  /**
   * A shop checkout: {@code <prefix>-frontend} serves "GET /cart" (SERVER, t0 to t0 + 12.345678 ms) and runs
   * "load-batch" (INTERNAL); {@code <prefix>-checkout} calls "POST /checkout" (CLIENT, t0 + 2 ms to t0 + 9 ms)
   * with payment.method=card, which fails (status ERROR).
   */
  record Shop(String traceId, String rootSpanId, String batchSpanId, String callSpanId, long t0) {
    static final long ROOT_DURATION = 12_345_678;
    static final long CALL_START = 2_000_001;
    static final long CALL_END = 9_000_999;
  }

  static Shop sendShop(AllInOne server, String prefix, long t0) {
    return sendShop(server.otlpGrpcPort(), prefix, t0);
  }

  /** The shop checkout sent to an OTLP/gRPC receiver on {@code otlpGrpcPort} of loopback. */
  static Shop sendShop(int otlpGrpcPort, String prefix, long t0) {
    SdkTracerProvider frontend = provider(otlpGrpcPort, prefix + "-frontend");
    SdkTracerProvider checkout = provider(otlpGrpcPort, prefix + "-checkout");
    Tracer frontendTracer = frontend.get("shop.frontend", "1.4.2");
    Span root = frontendTracer.spanBuilder("GET /cart")
        .setSpanKind(SpanKind.SERVER)
        .setStartTimestamp(t0, TimeUnit.NANOSECONDS)
        .setAttribute("http.route", "/cart")
        .startSpan();
    Span batch = frontendTracer.spanBuilder("load-batch")
        .setParent(Context.root().with(root))
        .setStartTimestamp(t0 + 10, TimeUnit.NANOSECONDS)
        .startSpan();
    batch.end(t0 + 20_000, TimeUnit.NANOSECONDS);
    Span call = checkout.get("shop.checkout", "2.0.0").spanBuilder("POST /checkout")
        .setParent(Context.root().with(root))
        .setSpanKind(SpanKind.CLIENT)
        .setStartTimestamp(t0 + Shop.CALL_START, TimeUnit.NANOSECONDS)
        .setAttribute("payment.method", "card")
        .startSpan();
    call.setStatus(StatusCode.ERROR, "card declined");
    call.end(t0 + Shop.CALL_END, TimeUnit.NANOSECONDS);
    root.end(t0 + Shop.ROOT_DURATION, TimeUnit.NANOSECONDS);
    flush(frontend, checkout);
    return new Shop(root.getSpanContext().getTraceId(), root.getSpanContext().getSpanId(),
        batch.getSpanContext().getSpanId(), call.getSpanContext().getSpanId(), t0);
  }

  /** One SERVER span of {@code service} named {@code name}, from t0 lasting {@code durationNanos}. */
  static String sendSpan(AllInOne server, String service, String name, long t0, long durationNanos) {
    return sendSpan(server.otlpGrpcPort(), service, name, t0, durationNanos);
  }

  static String sendSpan(int otlpGrpcPort, String service, String name, long t0, long durationNanos) {
    SdkTracerProvider p = provider(otlpGrpcPort, service);
    Span span = p.get("probe").spanBuilder(name).setSpanKind(SpanKind.SERVER)
        .setStartTimestamp(t0, TimeUnit.NANOSECONDS).startSpan();
    span.end(t0 + durationNanos, TimeUnit.NANOSECONDS);
    flush(p);
    return span.getSpanContext().getTraceId();
  }

  /** Exports each span as it ends: for a few spans. */
  static SdkTracerProvider provider(AllInOne server, String service) {
    return provider(server.otlpGrpcPort(), service);
  }

  static SdkTracerProvider provider(int otlpGrpcPort, String service) {
    return provider(service, SimpleSpanProcessor.create(exporter(otlpGrpcPort)));
  }

  /** Exports in batches on flush: for many spans, which the exporter would refuse to send all at once. */
  static SdkTracerProvider batchingProvider(AllInOne server, String service) {
    return provider(service, BatchSpanProcessor.builder(exporter(server.otlpGrpcPort())).build());
  }

  private static SdkTracerProvider provider(String service, SpanProcessor processor) {
    Resource resource = Resource.getDefault().merge(Resource.create(Attributes.builder()
        .put("service.name", service)
        .put("deployment.environment", "e2e")
        .build()));
    return SdkTracerProvider.builder().setResource(resource).addSpanProcessor(processor).build();
  }

  private static OtlpGrpcSpanExporter exporter(int otlpGrpcPort) {
    return OtlpGrpcSpanExporter.builder().setEndpoint("http://127.0.0.1:" + otlpGrpcPort).build();
  }

  static void flush(SdkTracerProvider... providers) {
    for (SdkTracerProvider p : providers) {
      assertTrue(p.forceFlush().join(30, TimeUnit.SECONDS).isSuccess(), "export succeeded");
      p.shutdown().join(30, TimeUnit.SECONDS);
    }
  }
}
