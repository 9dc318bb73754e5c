package dev.ariadne.collector.processor.filter;

import dev.ariadne.model.Hex;
import dev.ariadne.model.Span;
import dev.ariadne.model.SpanKind;
import dev.ariadne.model.StatusCode;
import java.util.Map;
import java.util.function.Function;

/**
 * The span fields conditions can read, by their OTTL span-context paths. Values are OTTL's: enums are
 * integers, absent attributes are nil (null), and {@code kind.string} is pdata's name ("Server").
 */
final class SpanPaths {
  private static final Map<String, Function<Span, Object>> FIELDS = Map.ofEntries(
      Map.entry("name", Span::name),
      Map.entry("kind", span -> (long) span.kind().ordinal()),
      Map.entry("kind.string", span -> kindString(span.kind())),
      Map.entry("status.code", span -> (long) span.statusCode().ordinal()),
      Map.entry("status.message", Span::statusMessage),
      Map.entry("trace_state", Span::traceState),
      Map.entry("trace_id.string", span -> span.traceId().toHex()),
      Map.entry("span_id.string", span -> Hex.fromLong(span.spanId())),
      Map.entry("parent_span_id.string", span -> span.isRoot() ? "" : Hex.fromLong(span.parentSpanId())),
      Map.entry("start_time_unix_nano", Span::startEpochNanos),
      Map.entry("end_time_unix_nano", Span::endEpochNanos),
      Map.entry("instrumentation_scope.name", span -> span.scope().name()),
      Map.entry("instrumentation_scope.version", span -> span.scope().version()));

  private static final Map<String, Long> ENUMS = Map.of(
      "SPAN_KIND_UNSPECIFIED", (long) SpanKind.UNSPECIFIED.ordinal(),
      "SPAN_KIND_INTERNAL", (long) SpanKind.INTERNAL.ordinal(),
      "SPAN_KIND_SERVER", (long) SpanKind.SERVER.ordinal(),
      "SPAN_KIND_CLIENT", (long) SpanKind.CLIENT.ordinal(),
      "SPAN_KIND_PRODUCER", (long) SpanKind.PRODUCER.ordinal(),
      "SPAN_KIND_CONSUMER", (long) SpanKind.CONSUMER.ordinal(),
      "STATUS_CODE_UNSET", (long) StatusCode.UNSET.ordinal(),
      "STATUS_CODE_OK", (long) StatusCode.OK.ordinal(),
      "STATUS_CODE_ERROR", (long) StatusCode.ERROR.ordinal());

  private SpanPaths() {}

  /** The field at a dotted path without a key, or null if it is not supported. */
  static Function<Span, Object> field(String path) {
    return FIELDS.get(path);
  }

  /** The attributes map at {@code path} read at {@code key}, or null if the path holds no attributes. */
  static Function<Span, Object> attribute(String path, String key) {
    return switch (path) {
      case "attributes" -> span -> span.attributes().get(key);
      case "resource.attributes" -> span -> span.resource().attributes().get(key);
      case "instrumentation_scope.attributes" -> span -> span.scope().attributes().get(key);
      default -> null;
    };
  }

  /** An enum's integer value, or null if the word is not one. */
  static Long enumValue(String word) {
    return ENUMS.get(word);
  }

  static String supported() {
    return String.join(", ", new java.util.TreeSet<>(FIELDS.keySet()))
        + ", attributes[\"…\"], resource.attributes[\"…\"], instrumentation_scope.attributes[\"…\"]";
  }

  private static String kindString(SpanKind kind) {
    String name = kind.name();
    return name.charAt(0) + name.substring(1).toLowerCase(java.util.Locale.ROOT);
  }
}
