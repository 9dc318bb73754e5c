package dev.ariadne.server;

import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import java.util.concurrent.TimeUnit;

/** Traces for the web UI's tests, sent by the OpenTelemetry SDK with known shapes, tags and times. */
final class UiTraces {
  static final String FRONTEND = "ui-frontend";
  static final String PAYMENT = "ui-payment";

  private UiTraces() {}

  /**
   * A checkout of 4 spans, 5 with {@code fraudCheck}: {@value #FRONTEND} serves "GET /ui-checkout" (tagged
   * e2e.marker={@code marker}), runs "load-cart" (cart.items=3, an event "cache miss") and calls
   * "POST /pay", which {@value #PAYMENT} serves with payment.method=card and fails; with {@code fraudCheck}
   * the payment service also runs "fraud-check". Starts at {@code t0} ns.
   */
  static String sendCheckout(AllInOne server, String marker, boolean fraudCheck, long t0) {
    SdkTracerProvider frontend = SdkTraces.provider(server, FRONTEND);
    SdkTracerProvider payment = SdkTraces.provider(server, PAYMENT);
    Tracer front = frontend.get("ui.e2e", "1.0.0");
    Span root = start(front.spanBuilder("GET /ui-checkout").setSpanKind(SpanKind.SERVER)
        .setAttribute("e2e.marker", marker).setAttribute("http.route", "/ui-checkout"), null, t0);
    Span load = start(front.spanBuilder("load-cart").setAttribute("cart.items", 3L), root, t0 + 1_000_000);
    load.addEvent("cache miss", Attributes.of(io.opentelemetry.api.common.AttributeKey.stringKey("cache.key"), "cart:42"),
        t0 + 1_500_000, TimeUnit.NANOSECONDS);
    load.end(t0 + 4_000_000, TimeUnit.NANOSECONDS);
    Span call = start(front.spanBuilder("POST /pay").setSpanKind(SpanKind.CLIENT), root, t0 + 5_000_000);
    Span serve = start(payment.get("ui.e2e.payment").spanBuilder("POST /pay").setSpanKind(SpanKind.SERVER)
        .setAttribute("payment.method", "card"), call, t0 + 5_500_000);
    if (fraudCheck) {
      start(payment.get("ui.e2e.payment").spanBuilder("fraud-check"), serve, t0 + 6_000_000)
          .end(t0 + 8_000_000, TimeUnit.NANOSECONDS);
    }
    serve.setStatus(StatusCode.ERROR, "card declined");
    serve.end(t0 + 14_000_000, TimeUnit.NANOSECONDS);
    call.end(t0 + 15_000_000, TimeUnit.NANOSECONDS);
    root.end(t0 + 20_000_000, TimeUnit.NANOSECONDS);
    SdkTraces.flush(frontend, payment);
    return root.getSpanContext().getTraceId();
  }

  /** A trace of one root and {@code children} spans under it, one after another, from {@code t0} ns. */
  static String sendWide(AllInOne server, int children, long t0) {
    SdkTracerProvider provider = SdkTraces.batchingProvider(server, "ui-wide");
    Tracer tracer = provider.get("ui.e2e.wide");
    Span root = start(tracer.spanBuilder("batch job"), null, t0);
    for (int i = 0; i < children; i++) {
      start(tracer.spanBuilder("item " + i), root, t0 + i * 10_000L).end(t0 + i * 10_000L + 8_000, TimeUnit.NANOSECONDS);
    }
    root.end(t0 + children * 10_000L, TimeUnit.NANOSECONDS);
    SdkTraces.flush(provider);
    return root.getSpanContext().getTraceId();
  }

  private static Span start(io.opentelemetry.api.trace.SpanBuilder builder, Span parent, long atNanos) {
    Context context = parent == null ? Context.root() : Context.root().with(parent);
    return builder.setParent(context).setStartTimestamp(atNanos, TimeUnit.NANOSECONDS).startSpan();
  }
}
