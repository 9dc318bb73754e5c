package dev.ariadne.server.extension;

import dev.ariadne.model.Span;
import dev.ariadne.model.StatusCode;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What zpages' tracez shows: per span name, counts by latency bucket and errors, and the latest
 * {@link #SAMPLES} spans and latest {@link #SAMPLES} error spans in rings. Bounded: names past
 * {@link #MAX_NAMES} are not tracked.
 */
final class SpanSamples {
  static final int MAX_NAMES = 1_000;
  static final int SAMPLES = 10;
  /** The lower bounds of OpenCensus's zpages latency buckets, in nanoseconds. */
  static final long[] LATENCY_BOUNDS = {0, 10_000, 100_000, 1_000_000, 10_000_000, 100_000_000,
      1_000_000_000, 10_000_000_000L, 100_000_000_000L};
  static final String[] LATENCY_LABELS = {">0s", ">10µs", ">100µs", ">1ms", ">10ms", ">100ms", ">1s", ">10s", ">100s"};

  /** One span name's counts; {@code latency[i]} counts spans in bucket {@code i}. */
  record Summary(String name, long count, long errors, long[] latency) {}

  private static final class PerName {
    long count;
    long errors;
    final long[] latency = new long[LATENCY_BOUNDS.length];
    final ArrayDeque<Span> recent = new ArrayDeque<>();
    final ArrayDeque<Span> recentErrors = new ArrayDeque<>();
  }

  private final Map<String, PerName> byName = new TreeMap<>();

  synchronized void observe(List<Span> spans) {
    for (Span span : spans) {
      PerName entry = byName.get(span.name());
      if (entry == null) {
        if (byName.size() >= MAX_NAMES) continue;
        entry = new PerName();
        byName.put(span.name(), entry);
      }
      entry.count++;
      entry.latency[bucket(span.durationNanos())]++;
      keep(entry.recent, span);
      if (span.statusCode() == StatusCode.ERROR) {
        entry.errors++;
        keep(entry.recentErrors, span);
      }
    }
  }

  synchronized List<Summary> summaries() {
    List<Summary> summaries = new ArrayList<>();
    byName.forEach((name, e) -> summaries.add(new Summary(name, e.count, e.errors, e.latency.clone())));
    return summaries;
  }

  /** The latest spans named {@code name}, newest first: all of them, or only errors. */
  synchronized List<Span> samples(String name, boolean errors) {
    PerName entry = byName.get(name);
    if (entry == null) return List.of();
    List<Span> samples = new ArrayList<>(errors ? entry.recentErrors : entry.recent);
    return samples.reversed();
  }

  static int bucket(long nanos) {
    int bucket = 0;
    while (bucket + 1 < LATENCY_BOUNDS.length && nanos > LATENCY_BOUNDS[bucket + 1]) bucket++;
    return bucket;
  }

  private static void keep(ArrayDeque<Span> ring, Span span) {
    if (ring.size() == SAMPLES) ring.removeFirst();
    ring.addLast(span);
  }
}
