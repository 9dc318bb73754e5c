package dev.ariadne.store.memory;

import dev.ariadne.model.Resource;
import dev.ariadne.model.Span;
import dev.ariadne.model.SpanKind;
import dev.ariadne.model.TraceId;
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
import java.util.Set;
import java.util.HashMap;
import java.util.HashSet;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * Keeps at most {@code maxTraces} traces in memory and, past that, evicts whole traces, oldest first
 * (the order in which their first span arrived), as Jaeger's memory store does with its max-traces
 * setting. Searches scan the live traces, newest first. For tests, demos and small setups; nothing
 * survives a restart. Attribute keys and values are indexed for tag autocompletion within the bounds
 * {@link TagIndex} states.
 */
public final class MemorySpanStore implements SpanStore {
  /** Jaeger's memory store default, which the seeds deploy. */
  public static final int DEFAULT_MAX_TRACES = 100_000;

  private final int maxTraces;
  private final ReadWriteLock lock = new ReentrantReadWriteLock();
  private final LinkedHashMap<TraceId, List<Span>> traces = new LinkedHashMap<>();
  /**
   * service → operations seen; kept after eviction, like Jaeger's memory store, so UIs keep their lists.
   * Hashed for the append path; the read side sorts.
   */
  private final Map<String, Set<Operation>> operations = new HashMap<>();
  private final AtomicLong evicted = new AtomicLong();
  private final TagIndex spanTags = new TagIndex();
  private final TagIndex resourceTags = new TagIndex();

  public MemorySpanStore(int maxTraces) {
    if (maxTraces < 1) throw new IllegalArgumentException("maxTraces must be at least 1, got " + maxTraces);
    this.maxTraces = maxTraces;
  }

  @Override
  public void append(List<Span> spans) {
    lock.writeLock().lock();
    try {
      Resource indexed = null;
      for (Span span : spans) {
        traces.computeIfAbsent(span.traceId(), id -> new ArrayList<>()).add(span);
        operations.computeIfAbsent(span.serviceName(), s -> new HashSet<>())
            .add(new Operation(span.name(), span.kind()));
        spanTags.add(span.attributes());
        // Spans of a batch share their Resource object: index it once per run, not once per span.
        if (span.resource() != indexed) {
          indexed = span.resource();
          resourceTags.add(indexed.attributes());
        }
      }
      while (traces.size() > maxTraces) {
        traces.pollFirstEntry();
        evicted.incrementAndGet();
      }
    } finally {
      lock.writeLock().unlock();
    }
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
    lock.readLock().lock();
    try {
      return operations.keySet().stream().sorted().toList();
    } finally {
      lock.readLock().unlock();
    }
  }

  @Override
  public List<Operation> operations(String service, SpanKind kind) {
    lock.readLock().lock();
    try {
      Set<Operation> ops = operations.getOrDefault(service, Set.of());
      return ops.stream().filter(op -> kind == null || op.kind() == kind).sorted().toList();
    } finally {
      lock.readLock().unlock();
    }
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
    lock.readLock().lock();
    try {
      return tags(scope).keys();
    } finally {
      lock.readLock().unlock();
    }
  }

  @Override
  public List<Object> tagValues(TagScope scope, String key, int limit) {
    lock.readLock().lock();
    try {
      return tags(scope).values(key, limit);
    } finally {
      lock.readLock().unlock();
    }
  }

  /** Attribute keys and values the tag index left out because one of its bounds was reached. */
  public long tagsNotIndexed() {
    lock.readLock().lock();
    try {
      return spanTags.notIndexed() + resourceTags.notIndexed();
    } finally {
      lock.readLock().unlock();
    }
  }

  private TagIndex tags(TagScope scope) {
    return scope == TagScope.SPAN ? spanTags : resourceTags;
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
