package dev.ariadne.query.traceql;

import dev.ariadne.model.Span;
import dev.ariadne.store.Trace;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A trace indexed for TraceQL: each span's parent and child count by position, the root span, and the
 * trace's time span. Spans whose parent is not in the trace have none here.
 */
public final class TraceView {
  private final Trace trace;
  private final int[] parent;
  private final int[] childCount;
  private final int root;
  private final long start;
  private final long end;

  public TraceView(Trace trace) {
    this.trace = trace;
    List<Span> spans = trace.spans();
    int n = spans.size();
    Map<Long, Integer> byId = new HashMap<>(n * 2);
    for (int i = 0; i < n; i++) byId.putIfAbsent(spans.get(i).spanId(), i);
    parent = new int[n];
    childCount = new int[n];
    Arrays.fill(parent, -1);
    int firstRoot = -1;
    long min = Long.MAX_VALUE;
    long max = Long.MIN_VALUE;
    for (int i = 0; i < n; i++) {
      Span span = spans.get(i);
      if (span.isRoot()) {
        if (firstRoot < 0) firstRoot = i;
      } else {
        int p = byId.getOrDefault(span.parentSpanId(), -1);
        if (p >= 0 && p != i) {
          parent[i] = p;
          childCount[p]++;
        }
      }
      min = Math.min(min, span.startEpochNanos());
      max = Math.max(max, span.endEpochNanos());
    }
    root = firstRoot;
    start = n == 0 ? 0 : min;
    end = n == 0 ? 0 : Math.max(max, min);
  }

  public Trace trace() {
    return trace;
  }

  public List<Span> spans() {
    return trace.spans();
  }

  /** The first span without a parent id, or null if the root span was not received. */
  public Span root() {
    return root < 0 ? null : trace.spans().get(root);
  }

  /** The earliest span start. */
  public long startEpochNanos() {
    return start;
  }

  /** From the earliest span start to the latest span end. */
  public long durationNanos() {
    return end - start;
  }

  int size() {
    return parent.length;
  }

  Span span(int i) {
    return trace.spans().get(i);
  }

  /** The position of span {@code i}'s parent, or -1. */
  int parent(int i) {
    return parent[i];
  }

  int childCount(int i) {
    return childCount[i];
  }
}
