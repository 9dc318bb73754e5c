package dev.ariadne.collector.processor.tailsampling;

import dev.ariadne.model.Attributes;
import dev.ariadne.model.Span;
import java.util.List;
import java.util.function.Predicate;

/** Questions policies ask about a trace's spans. */
final class TraceSpans {
  private TraceSpans() {}

  /** Whether a span's or its resource's value under {@code key} meets {@code test}; absent values are not tested. */
  static boolean anyAttribute(List<Span> spans, String key, Predicate<Object> test) {
    for (Span span : spans) {
      if (meets(span.resource().attributes(), key, test) || meets(span.attributes(), key, test)) return true;
    }
    return false;
  }

  private static boolean meets(Attributes attributes, String key, Predicate<Object> test) {
    Object value = attributes.get(key);
    return value != null && test.test(value);
  }

  /** The earliest start to the latest end, in nanoseconds. */
  static long durationNanos(List<Span> spans) {
    long start = Long.MAX_VALUE;
    long end = Long.MIN_VALUE;
    for (Span span : spans) {
      start = Math.min(start, span.startEpochNanos());
      end = Math.max(end, span.endEpochNanos());
    }
    return end - start;
  }

  /** Whether a span's W3C trace state holds {@code key} with one of {@code values}. */
  static boolean anyTraceState(List<Span> spans, String key, List<String> values) {
    for (Span span : spans) {
      for (String member : span.traceState().split(",")) {
        int eq = member.indexOf('=');
        if (eq > 0 && member.substring(0, eq).trim().equals(key) && values.contains(member.substring(eq + 1).trim())) {
          return true;
        }
      }
    }
    return false;
  }
}
