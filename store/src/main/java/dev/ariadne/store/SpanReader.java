package dev.ariadne.store;

import dev.ariadne.model.SpanKind;
import dev.ariadne.model.TraceId;
import java.util.List;

/** The read side of a store: what the query APIs ask. */
public interface SpanReader {
  /** The trace's spans in arrival order, or an empty list if the store has none of them. */
  Trace trace(TraceId traceId);

  /** Traces with at least one span matching {@code query}, newest first, at most query.limit(). */
  List<Trace> findTraces(TraceQuery query);

  /** Every service name seen, sorted. */
  List<String> services();

  /** The operations of {@code service}, sorted by name then kind; {@code kind} null means any kind. */
  List<Operation> operations(String service, SpanKind kind);

  /** Calls between services in traces that started within the window, by caller and callee. */
  List<DependencyLink> dependencies(long endEpochMillis, long lookbackMillis);

  /** Attribute keys seen in {@code scope}, sorted. A store may bound what it keeps; its docs say how. */
  List<String> tagNames(TagScope scope);

  /**
   * Distinct values seen under attribute {@code key} in {@code scope}, at most {@code limit}: Strings,
   * then Longs, then Doubles, then Booleans, each sorted. Arrays, maps and bytes are not listed.
   */
  List<Object> tagValues(TagScope scope, String key, int limit);
}
