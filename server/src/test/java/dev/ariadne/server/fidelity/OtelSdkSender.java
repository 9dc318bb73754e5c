package dev.ariadne.server.fidelity;

import dev.ariadne.server.fidelity.ShopTrace.Service;
import dev.ariadne.server.fidelity.ShopTrace.SpecEvent;
import dev.ariadne.server.fidelity.ShopTrace.SpecLink;
import dev.ariadne.server.fidelity.ShopTrace.SpecSpan;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.common.AttributesBuilder;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanBuilder;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.TracerBuilder;
import io.opentelemetry.context.Context;
import io.opentelemetry.exporter.otlp.http.trace.OtlpHttpSpanExporter;
import io.opentelemetry.exporter.otlp.trace.OtlpGrpcSpanExporter;
import io.opentelemetry.sdk.resources.Resource;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** The OpenTelemetry Java SDK with its OTLP exporter, one tracer provider per service. */
final class OtelSdkSender {
  enum Transport { GRPC, HTTP }

  private OtelSdkSender() {}

  static SentTrace send(ShopTrace trace, Transport transport, int port) {
    Map<String, SdkTracerProvider> providers = new LinkedHashMap<>();
    for (Service service : trace.services()) {
      providers.put(service.name(), SdkTracerProvider.builder()
          .setResource(Resource.create(attributes(service.resource())))
          .addSpanProcessor(SimpleSpanProcessor.create(exporter(transport, port)))
          .build());
    }
    Map<String, Span> started = new LinkedHashMap<>();
    for (SpecSpan s : trace.spans()) {
      Service service = s.service();
      TracerBuilder tracer = providers.get(service.name()).tracerBuilder(service.scopeName());
      if (!service.scopeVersion().isEmpty()) tracer.setInstrumentationVersion(service.scopeVersion());
      SpanBuilder builder = tracer.build().spanBuilder(s.name())
          .setSpanKind(SpanKind.valueOf(s.kind().name()))
          .setStartTimestamp(s.startNanos(), TimeUnit.NANOSECONDS)
          .setAllAttributes(attributes(s.attributes()));
      if (s.parentKey() == null) builder.setNoParent();
      else builder.setParent(Context.root().with(started.get(s.parentKey())));
      for (SpecLink link : s.links()) {
        builder.addLink(started.get(link.targetKey()).getSpanContext(), attributes(link.attributes()));
      }
      Span span = builder.startSpan();
      for (SpecEvent e : s.events()) {
        span.addEvent(e.name(), attributes(e.attributes()), e.epochNanos(), TimeUnit.NANOSECONDS);
      }
      switch (s.status()) {
        case OK -> span.setStatus(StatusCode.OK);
        case ERROR -> span.setStatus(StatusCode.ERROR, s.statusMessage());
        case UNSET -> { }
      }
      started.put(s.key(), span);
    }
    for (SpecSpan s : trace.spans()) started.get(s.key()).end(s.endNanos(), TimeUnit.NANOSECONDS);
    for (SdkTracerProvider provider : providers.values()) {
      if (!provider.forceFlush().join(30, TimeUnit.SECONDS).isSuccess()) {
        throw new AssertionError("the OTLP exporter (" + transport + ") failed to export");
      }
      provider.shutdown().join(30, TimeUnit.SECONDS);
    }

    Span root = started.get(trace.spans().getFirst().key());
    String traceId = root.getSpanContext().getTraceId();
    Map<String, Long> ids = new HashMap<>();
    started.forEach((key, span) -> ids.put(key, Long.parseUnsignedLong(span.getSpanContext().getSpanId(), 16)));
    return new SentTrace(trace, Long.parseUnsignedLong(traceId.substring(0, 16), 16),
        Long.parseUnsignedLong(traceId.substring(16), 16), root.getSpanContext().getTraceFlags().asByte(), ids,
        Map.of(), Map.of());
  }

  private static SpanExporter exporter(Transport transport, int port) {
    return switch (transport) {
      case GRPC -> OtlpGrpcSpanExporter.builder().setEndpoint("http://127.0.0.1:" + port).build();
      case HTTP -> OtlpHttpSpanExporter.builder().setEndpoint("http://127.0.0.1:" + port + "/v1/traces").build();
    };
  }

  @SuppressWarnings("unchecked")
  private static Attributes attributes(Map<String, Object> values) {
    AttributesBuilder b = Attributes.builder();
    values.forEach((key, value) -> {
      switch (value) {
        case String s -> b.put(key, s);
        case Boolean v -> b.put(key, v);
        case Long v -> b.put(key, v);
        case Double v -> b.put(key, v);
        case List<?> list -> b.put(AttributeKey.stringArrayKey(key), (List<String>) list);
        default -> throw new IllegalArgumentException("not a ShopTrace value: " + value);
      }
    });
    return b.build();
  }
}
