package dev.ariadne.server.api.jaeger;

import dev.ariadne.model.Span;
import dev.ariadne.model.StatusCode;
import dev.ariadne.store.Trace;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What the dependencies page shows on each edge of the service graph beyond the call count: of the calls
 * seen in a sample of traces (a parent span and its child in another service), how many failed (the
 * child's status is ERROR) and the child's latency percentiles.
 */
final class ServiceEdges {
  record Edge(String parent, String child, long calls, long errors, long p50Micros, long p95Micros) {}

  private record Key(String parent, String child) {}

  private final Map<Key, List<Long>> durations = new TreeMap<>(
      java.util.Comparator.comparing(Key::parent).thenComparing(Key::child));
  private final Map<Key, Long> errors = new HashMap<>();

  void add(Trace trace) {
    Map<Long, Span> byId = new HashMap<>(trace.spans().size() * 2);
    for (Span span : trace.spans()) byId.put(span.spanId(), span);
    for (Span child : trace.spans()) {
      Span parent = child.isRoot() ? null : byId.get(child.parentSpanId());
      if (parent == null || parent.serviceName().equals(child.serviceName())) continue;
      Key key = new Key(parent.serviceName(), child.serviceName());
      durations.computeIfAbsent(key, k -> new ArrayList<>()).add(child.durationNanos() / 1_000);
      if (child.statusCode() == StatusCode.ERROR) errors.merge(key, 1L, Long::sum);
    }
  }

  List<Edge> edges() {
    List<Edge> out = new ArrayList<>();
    durations.forEach((key, list) -> {
      long[] sorted = list.stream().mapToLong(Long::longValue).toArray();
      Arrays.sort(sorted);
      out.add(new Edge(key.parent(), key.child(), sorted.length, errors.getOrDefault(key, 0L),
          percentile(sorted, 50), percentile(sorted, 95)));
    });
    return out;
  }

  /** The nearest-rank percentile of sorted values. */
  private static long percentile(long[] sorted, int p) {
    int rank = (int) Math.ceil(p / 100.0 * sorted.length);
    return sorted[Math.max(0, rank - 1)];
  }
}
