package dev.ariadne.store;

import dev.ariadne.model.AnyValue;
import dev.ariadne.model.Attributes;
import dev.ariadne.model.DerivedTags;
import dev.ariadne.model.Span;
import dev.ariadne.model.SpanEvent;
import java.util.Map;

/** Decides whether one span satisfies every condition of a {@link TraceQuery}. */
public final class SpanMatcher {
  private final TraceQuery query;

  public SpanMatcher(TraceQuery query) {
    this.query = query;
  }

  /** Whether one of {@code spans} meets every span condition. */
  public boolean matchesAnySpan(java.util.List<Span> spans) {
    for (Span span : spans) {
      if (matches(span)) return true;
    }
    return false;
  }

  public boolean matches(Span span) {
    if (query.serviceName() != null && !query.serviceName().equals(span.serviceName())) return false;
    if (query.operationName() != null && !query.operationName().equals(span.name())) return false;
    if (query.spanKind() != null && query.spanKind() != span.kind()) return false;
    long start = span.startEpochNanos();
    if (query.startEpochNanos() != 0 && start < query.startEpochNanos()) return false;
    if (query.endEpochNanos() != 0 && start > query.endEpochNanos()) return false;
    long duration = span.durationNanos();
    if (query.minDurationNanos() != 0 && duration < query.minDurationNanos()) return false;
    if (query.maxDurationNanos() != 0 && duration > query.maxDurationNanos()) return false;
    for (Map.Entry<String, String> tag : query.tags()) {
      if (!hasTag(span, tag.getKey(), tag.getValue())) return false;
    }
    return true;
  }

  private static boolean hasTag(Span span, String key, String value) {
    if (has(span.attributes(), key, value) || has(span.resource().attributes(), key, value)) return true;
    for (SpanEvent event : span.events()) {
      if (has(event.attributes(), key, value)) return true;
      if (key.equals("event") && event.name().equals(value)) return true;
    }
    boolean[] found = {false};
    DerivedTags.forEach(span, (k, v) -> found[0] |= k.equals(key) && AnyValue.asString(v).equals(value));
    return found[0];
  }

  private static boolean has(Attributes attributes, String key, String value) {
    for (int i = 0; i < attributes.size(); i++) {
      if (attributes.key(i).equals(key) && TagText.matches(attributes.value(i), value)) return true;
    }
    return false;
  }
}
