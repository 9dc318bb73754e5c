package dev.ariadne.store.local;

import dev.ariadne.model.Span;
import dev.ariadne.model.TraceId;
import dev.ariadne.store.SpanMatcher;
import dev.ariadne.store.Trace;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The traces not yet in a block, in three stages: live (still receiving spans), the head block (idle or
 * old enough, waiting to be cut) and flushing (being written as a block; kept readable until the block
 * is). Every span here is also in the WAL; {@link #oldestSegment()} says which WAL segments must stay.
 * Sizes are the spans' encoded WAL bytes, so the bounds track what a block will hold rather than the
 * JVM's object overhead. Thread-safe: one monitor, held briefly by appends and for a scan by queries.
 */
final class Head {
  /** Spans of one trace with what the cut decisions need. */
  private static final class Pending {
    final List<Span> spans = new ArrayList<>();
    final long firstNanos;
    long lastNanos;
    long minSegment;
    long bytes;

    Pending(long now, long segment) {
      this.firstNanos = now;
      this.lastNanos = now;
      this.minSegment = segment;
    }

    void add(Span span, long segment, long bytes, long now) {
      spans.add(span);
      this.lastNanos = now;
      this.minSegment = Math.min(minSegment, segment);
      this.bytes += bytes;
    }

    void addAll(Pending other) {
      spans.addAll(other.spans);
      lastNanos = Math.max(lastNanos, other.lastNanos);
      minSegment = Math.min(minSegment, other.minSegment);
      bytes += other.bytes;
    }
  }

  /** Insertion-ordered, so the oldest live trace comes first when memory forces an early cut. */
  private final LinkedHashMap<TraceId, Pending> live = new LinkedHashMap<>();
  private final LinkedHashMap<TraceId, Pending> headBlock = new LinkedHashMap<>();
  private Map<TraceId, Pending> flushing = Map.of();
  private long headBlockSinceNanos;
  private long liveBytes;
  private long headBlockBytes;
  private long flushingBytes;

  /** Adds a batch that the WAL holds in {@code segment}; {@code bytesPerSpan} is its encoded size share. */
  synchronized void add(List<Span> spans, long segment, long bytesPerSpan, long now) {
    for (Span span : spans) {
      live.computeIfAbsent(span.traceId(), id -> new Pending(now, segment)).add(span, segment, bytesPerSpan, now);
    }
    liveBytes += bytesPerSpan * spans.size();
  }

  /**
   * Moves live traces idle since {@code idleBefore} or first seen before {@code startedBefore} to the
   * head block, and the oldest others while the live traces are over {@code maxLiveBytes} or
   * {@code maxLiveTraces}. Returns how many traces moved.
   */
  synchronized int cutTraces(long idleBefore, long startedBefore, long maxLiveBytes, int maxLiveTraces, long now) {
    int moved = 0;
    var it = live.entrySet().iterator();
    while (it.hasNext()) {
      var entry = it.next();
      Pending trace = entry.getValue();
      boolean over = liveBytes > maxLiveBytes || live.size() > maxLiveTraces;
      if (over || trace.lastNanos < idleBefore || trace.firstNanos < startedBefore) {
        it.remove();
        liveBytes -= trace.bytes;
        moveToHeadBlock(entry.getKey(), trace, now);
        moved++;
      }
    }
    return moved;
  }

  private void moveToHeadBlock(TraceId id, Pending trace, long now) {
    if (headBlock.isEmpty()) headBlockSinceNanos = now;
    Pending earlier = headBlock.get(id);
    if (earlier == null) {
      headBlock.put(id, trace);
    } else {
      earlier.addAll(trace);
    }
    headBlockBytes += trace.bytes;
  }

  /** Whether the head block is due: older than {@code maxAgeNanos}, at least {@code maxBytes}, or forced. */
  synchronized boolean headBlockDue(long now, long maxAgeNanos, long maxBytes, boolean force) {
    if (headBlock.isEmpty()) return false;
    return force || now - headBlockSinceNanos >= maxAgeNanos || headBlockBytes >= maxBytes;
  }

  /**
   * Seals the head block for writing: its traces move to flushing, still readable, and a new head block
   * starts. Call {@link #flushed()} once the block holding them is readable.
   */
  synchronized List<Trace> sealHeadBlock() {
    if (!flushing.isEmpty()) throw new IllegalStateException("the previous head block is still flushing");
    flushing = new LinkedHashMap<>(headBlock);
    flushingBytes = headBlockBytes;
    headBlock.clear();
    headBlockBytes = 0;
    List<Trace> traces = new ArrayList<>(flushing.size());
    flushing.forEach((id, pending) -> traces.add(new Trace(id, pending.spans)));
    return traces;
  }

  /** The sealed traces are in a readable block now. */
  synchronized void flushed() {
    flushing = Map.of();
    flushingBytes = 0;
  }

  /** The sealed traces could not be written: they go back to the head block to be tried again. */
  synchronized void flushFailed(long now) {
    flushing.forEach((id, pending) -> moveToHeadBlock(id, pending, now));
    flushing = Map.of();
    flushingBytes = 0;
  }

  /** The oldest WAL segment holding a span that is not yet in a block, or {@code Long.MAX_VALUE}. */
  synchronized long oldestSegment() {
    long oldest = Long.MAX_VALUE;
    for (Pending p : live.values()) oldest = Math.min(oldest, p.minSegment);
    for (Pending p : headBlock.values()) oldest = Math.min(oldest, p.minSegment);
    for (Pending p : flushing.values()) oldest = Math.min(oldest, p.minSegment);
    return oldest;
  }

  /** The trace's spans held here, in arrival order within each stage. */
  synchronized List<Span> spans(TraceId id) {
    List<Span> spans = new ArrayList<>();
    Pending p;
    if ((p = flushing.get(id)) != null) spans.addAll(p.spans);
    if ((p = headBlock.get(id)) != null) spans.addAll(p.spans);
    if ((p = live.get(id)) != null) spans.addAll(p.spans);
    return spans;
  }

  /** The ids of traces with a span here meeting the matcher; newest stage first. */
  synchronized Set<TraceId> find(SpanMatcher matcher) {
    Set<TraceId> found = new LinkedHashSet<>();
    for (Map<TraceId, Pending> stage : List.of(live, headBlock, flushing)) {
      stage.forEach((id, pending) -> {
        if (!found.contains(id) && matcher.matchesAnySpan(pending.spans)) found.add(id);
      });
    }
    return found;
  }

  /** Every trace held here, its stages' spans together. */
  synchronized void forEachTrace(Consumer<Trace> action) {
    Set<TraceId> seen = new HashSet<>();
    for (Map<TraceId, Pending> stage : List.of(live, headBlock, flushing)) {
      for (TraceId id : stage.keySet()) {
        if (seen.add(id)) action.accept(new Trace(id, spans(id)));
      }
    }
  }

  synchronized long bytes() {
    return liveBytes + headBlockBytes + flushingBytes;
  }

  synchronized int traceCount() {
    return live.size() + headBlock.size() + flushing.size();
  }

  synchronized int liveTraceCount() {
    return live.size();
  }
}
