package dev.ariadne.store.memory;

import dev.ariadne.model.Span;
import dev.ariadne.model.SpanKind;
import dev.ariadne.model.TraceId;
import dev.ariadne.store.Catalog;
import dev.ariadne.store.DependencyLink;
import dev.ariadne.store.DependencyLinker;
import dev.ariadne.store.Operation;
import dev.ariadne.store.SpanMatcher;
import dev.ariadne.store.SpanStore;
import dev.ariadne.store.TagScope;
import dev.ariadne.store.Trace;
import dev.ariadne.store.TraceQuery;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * Keeps at most {@code maxTraces} traces in memory and, past that, evicts whole traces, oldest first
 * (the order in which their first span arrived), as Jaeger's memory store does with its max-traces
 * setting. Searches scan the live traces, newest first. For tests, demos and small setups; nothing
 * survives a restart. Attribute keys and values are indexed for tag autocompletion within the bounds
 * {@link dev.ariadne.store.TagIndex} states.
 */
public final class MemorySpanStore implements SpanStore {
  /** Jaeger's memory store default, which the seeds deploy. */
  public static final int DEFAULT_MAX_TRACES = 100_000;

  private final int maxTraces;
  private final ReadWriteLock lock = new ReentrantReadWriteLock();
  private final LinkedHashMap<TraceId, List<Span>> traces = new LinkedHashMap<>();
  /** Services, operations and tags seen; kept after eviction, like Jaeger's memory store, so UIs keep their lists. */
  private final Catalog catalog = new Catalog();
  private final AtomicLong evicted = new AtomicLong();

  public MemorySpanStore(int maxTraces) {
    if (maxTraces < 1) throw new IllegalArgumentException("maxTraces must be at least 1, got " + maxTraces);
    this.maxTraces = maxTraces;
  }

  @Override
  public void append(List<Span> spans) {
    lock.writeLock().lock();
    try {
      for (Span span : spans) {
        traces.computeIfAbsent(span.traceId(), id -> new ArrayList<>()).add(span);
      }
      while (traces.size() > maxTraces) {
        traces.pollFirstEntry();
        evicted.incrementAndGet();
      }
    } finally {
      lock.writeLock().unlock();
    }
    // The catalog guards itself: indexing one batch's attributes need not hold up the next batch's appends.
    catalog.add(spans);
  }

  @Override
  public Trace trace(TraceId traceId) {
    lock.readLock().lock();
    try {
      List<Span> spans = traces.get(traceId);
      return new Trace(traceId, spans == null ? List.of() : spans);
    } finally {
      lock.readLock().unlock();
    }
  }

  @Override
  public List<Trace> findTraces(TraceQuery query) {
    SpanMatcher matcher = new SpanMatcher(query);
    List<Trace> found = new ArrayList<>();
    lock.readLock().lock();
    try {
      for (Map.Entry<TraceId, List<Span>> entry : traces.sequencedEntrySet().reversed()) {
        if (found.size() >= query.limit()) break;
        if (matcher.matchesAnySpan(entry.getValue())) {
          Trace trace = new Trace(entry.getKey(), entry.getValue());
          if (query.traceFilter() == null || query.traceFilter().test(trace)) found.add(trace);
        }
      }
    } finally {
      lock.readLock().unlock();
    }
    return found;
  }

  @Override
  public List<String> services() {
    return catalog.services();
  }

  @Override
  public List<Operation> operations(String service, SpanKind kind) {
    return catalog.operations(service, kind);
  }

  @Override
  public List<DependencyLink> dependencies(long endEpochMillis, long lookbackMillis) {
    long endNanos = endEpochMillis * 1_000_000;
    long startNanos = endNanos - lookbackMillis * 1_000_000;
    DependencyLinker linker = new DependencyLinker();
    lock.readLock().lock();
    try {
      for (Map.Entry<TraceId, List<Span>> entry : traces.entrySet()) {
        List<Span> spans = entry.getValue();
        if (spans.stream().anyMatch(s -> s.startEpochNanos() >= startNanos && s.startEpochNanos() <= endNanos)) {
          linker.add(new Trace(entry.getKey(), spans));
        }
      }
    } finally {
      lock.readLock().unlock();
    }
    return linker.links();
  }

  @Override
  public List<String> tagNames(TagScope scope) {
    return catalog.tagNames(scope);
  }

  @Override
  public List<Object> tagValues(TagScope scope, String key, int limit) {
    return catalog.tagValues(scope, key, limit);
  }

  /** Attribute keys and values the tag index left out because one of its bounds was reached. */
  public long tagsNotIndexed() {
    return catalog.tagsNotIndexed();
  }

  /** Traces held now. */
  public int traceCount() {
    lock.readLock().lock();
    try {
      return traces.size();
    } finally {
      lock.readLock().unlock();
    }
  }

  /** Traces evicted to stay within maxTraces since start. */
  public long evictedTraces() {
    return evicted.get();
  }

  @Override
  public void close() {
    lock.writeLock().lock();
    try {
      traces.clear();
    } finally {
      lock.writeLock().unlock();
    }
  }
}
