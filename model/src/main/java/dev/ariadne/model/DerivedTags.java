package dev.ariadne.model;

import java.util.function.BiConsumer;

/**
 * The tags Jaeger derives from OTLP's typed span fields when it shows an OTel span: span.kind, error,
 * otel.status_code, otel.status_description, otel.scope.name, otel.scope.version and w3c.tracestate.
 * The Jaeger API shows them and tag search matches them, so both take them from here.
 */
public final class DerivedTags {
  private DerivedTags() {}

  /** Calls {@code action} with each derived tag of {@code span}, values typed as Jaeger types them. */
  public static void forEach(Span span, BiConsumer<String, Object> action) {
    InstrumentationScope scope = span.scope();
    if (!scope.name().isEmpty()) action.accept("otel.scope.name", scope.name());
    if (!scope.version().isEmpty()) action.accept("otel.scope.version", scope.version());
    if (span.kind() != SpanKind.UNSPECIFIED) action.accept("span.kind", span.kind().jaegerName());
    switch (span.statusCode()) {
      case ERROR -> {
        action.accept("error", Boolean.TRUE);
        action.accept("otel.status_code", "ERROR");
      }
      case OK -> action.accept("otel.status_code", "OK");
      case UNSET -> { }
    }
    if (!span.statusMessage().isEmpty()) action.accept("otel.status_description", span.statusMessage());
    if (!span.traceState().isEmpty()) action.accept("w3c.tracestate", span.traceState());
  }
}
