package dev.ariadne.query;

import dev.ariadne.model.Span;
import dev.ariadne.model.StatusCode;
import dev.ariadne.model.TraceId;
import dev.ariadne.store.Trace;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * What Jaeger's API v3 FindTraceSummaries says about a trace, computed as Jaeger computes it: the root is
 * the earliest span without a parent in the trace (a span with no parent or an orphan; ties go to the
 * lower span id), errors are spans with status ERROR, orphans are spans whose parent is not in the trace,
 * and services are listed by name.
 */
public record TraceSummary(
    TraceId traceId,
    String rootServiceName,
    String rootOperationName,
    long minStartEpochNanos,
    long maxEndEpochNanos,
    int spanCount,
    int errorSpanCount,
    int orphanSpanCount,
    List<ServiceSummary> services) {

  public TraceSummary {
    services = List.copyOf(services);
  }

  /** Per-service counts in one trace. */
  public record ServiceSummary(String name, int spanCount, int errorSpanCount) {}

  public static TraceSummary of(Trace trace) {
    List<Span> spans = trace.spans();
    Set<Long> spanIds = new HashSet<>(spans.size() * 2);
    for (Span span : spans) spanIds.add(span.spanId());

    Map<String, int[]> services = new TreeMap<>();
    Span root = null;
    Span earliest = null;
    long minStart = Long.MAX_VALUE;
    long maxEnd = Long.MIN_VALUE;
    int errors = 0;
    int orphans = 0;
    for (Span span : spans) {
      boolean error = span.statusCode() == StatusCode.ERROR;
      int[] counts = services.computeIfAbsent(span.serviceName(), name -> new int[2]);
      counts[0]++;
      if (error) {
        counts[1]++;
        errors++;
      }
      minStart = Math.min(minStart, span.startEpochNanos());
      maxEnd = Math.max(maxEnd, span.endEpochNanos());
      boolean orphan = !span.isRoot() && !spanIds.contains(span.parentSpanId());
      if (orphan) orphans++;
      if ((span.isRoot() || orphan) && earlier(span, root)) root = span;
      if (earlier(span, earliest)) earliest = span;
    }
    // Without a root candidate (parents form a cycle) the earliest span stands in, as in Jaeger.
    Span head = root != null ? root : earliest;
    return new TraceSummary(trace.traceId(),
        head == null ? "" : head.serviceName(), head == null ? "" : head.name(),
        spans.isEmpty() ? 0 : minStart, spans.isEmpty() ? 0 : maxEnd,
        spans.size(), errors, orphans,
        services.entrySet().stream()
            .map(e -> new ServiceSummary(e.getKey(), e.getValue()[0], e.getValue()[1]))
            .toList());
  }

  private static boolean earlier(Span span, Span than) {
    if (than == null) return true;
    if (span.startEpochNanos() != than.startEpochNanos()) return span.startEpochNanos() < than.startEpochNanos();
    return Long.compareUnsigned(span.spanId(), than.spanId()) < 0;
  }
}
