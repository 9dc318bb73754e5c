package dev.ariadne.query;

import dev.ariadne.model.Span;
import dev.ariadne.model.TraceId;
import dev.ariadne.query.traceql.TraceQLException;
import dev.ariadne.query.traceql.TraceQLQuery;
import dev.ariadne.query.traceql.TraceView;
import dev.ariadne.store.SpanReader;
import dev.ariadne.store.Trace;
import dev.ariadne.store.TraceQuery;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Tempo's GET /api/search: its parameters, read as Tempo reads them, and the search they describe.
 *
 * <ul>
 *   <li>{@code q}: a TraceQL query; or {@code tags}: logfmt {@code key=value} pairs that must all hold on one
 *       span (see {@link TraceQLQuery#matchingTags}); not both. Neither means every trace.
 *   <li>{@code minDuration}, {@code maxDuration}: Go durations bounding the trace's duration, in whole
 *       milliseconds as Tempo compares them.
 *   <li>{@code start}, {@code end}: unix seconds; the trace must overlap the window.
 *   <li>{@code limit}: traces returned, default 20; {@code spss}: spans shown per spanset, default 3.
 * </ul>
 *
 * Other parameters are ignored. Empty values count as absent, as in Tempo.
 */
public final class TempoSearch {
  public static final int DEFAULT_LIMIT = 20;
  public static final int DEFAULT_SPANS_PER_SPANSET = 3;
  private static final long NANOS_PER_MS = 1_000_000;
  private static final long NANOS_PER_SECOND = 1_000_000_000;

  private final TraceQLQuery query;
  private final long minDurationMs;
  private final long maxDurationMs;
  private final long startSeconds;
  private final long endSeconds;
  private final int limit;
  private final int spansPerSpanSet;

  private TempoSearch(TraceQLQuery query, long minDurationMs, long maxDurationMs, long startSeconds,
      long endSeconds, int limit, int spansPerSpanSet) {
    this.query = query;
    this.minDurationMs = minDurationMs;
    this.maxDurationMs = maxDurationMs;
    this.startSeconds = startSeconds;
    this.endSeconds = endSeconds;
    this.limit = limit;
    this.spansPerSpanSet = spansPerSpanSet;
  }

  /** A trace found, with the spans the query selected in it. */
  public record Match(TraceView trace, List<Span> spans) {}

  /** The traces found, newest first, and how many traces the full query was evaluated on. */
  public record Result(List<Match> matches, long inspectedTraces) {}

  /**
   * @throws BadParameterException naming the parameter and the problem
   * @throws TraceQLException if {@code q} is not a query this implementation runs
   */
  public static TempoSearch parse(Map<String, List<String>> params) throws BadParameterException, TraceQLException {
    String q = first(params, "q");
    String tags = first(params, "tags");
    if (q != null && tags != null) {
      throw new BadParameterException("tags", "cannot be combined with q; give a TraceQL query or tags, not both");
    }
    TraceQLQuery query = q != null ? TraceQLQuery.parse(q)
        : TraceQLQuery.matchingTags(tags == null ? List.of() : LogfmtTags.parse(tags));
    long min = durationMs(params, "minDuration");
    long max = durationMs(params, "maxDuration");
    if (min != 0 && max != 0 && max < min) {
      throw new BadParameterException("maxDuration", "must be at least minDuration");
    }
    long start = seconds(params, "start");
    long end = seconds(params, "end");
    if ((start != 0 || end != 0) && end <= start) {
      throw new BadParameterException("end", "must be after start, got start=" + start + " end=" + end);
    }
    return new TempoSearch(query, min, max, start, end, positive(params, "limit", DEFAULT_LIMIT),
        positive(params, "spss", DEFAULT_SPANS_PER_SPANSET));
  }

  public TraceQLQuery query() {
    return query;
  }

  public int spansPerSpanSet() {
    return spansPerSpanSet;
  }

  /**
   * Runs the search: conditions the query guarantees go to the store as span conditions, the whole query
   * (with the time window and durations) as the trace filter.
   */
  public Result run(SpanReader reader) {
    Map<TraceId, Match> matched = new ConcurrentHashMap<>();
    AtomicLong inspected = new AtomicLong();
    TraceQuery.Builder builder = TraceQuery.builder().limit(limit).traceFilter(trace -> {
      inspected.incrementAndGet();
      Match match = match(trace);
      if (match == null) return false;
      matched.put(trace.traceId(), match);
      return true;
    });
    query.pushDown(builder);
    List<Match> matches = reader.findTraces(builder.build()).stream()
        .map(t -> matched.get(t.traceId()))
        .filter(Objects::nonNull)
        .sorted(Comparator.comparingLong((Match m) -> m.trace().startEpochNanos()).reversed())
        .toList();
    return new Result(matches, inspected.get());
  }

  private Match match(Trace trace) {
    TraceView view = new TraceView(trace);
    long start = view.startEpochNanos();
    long end = start + view.durationNanos();
    if (startSeconds != 0 && end < startSeconds * NANOS_PER_SECOND) return null;
    if (endSeconds != 0 && start > endSeconds * NANOS_PER_SECOND) return null;
    long durationMs = view.durationNanos() / NANOS_PER_MS;
    if (minDurationMs != 0 && durationMs < minDurationMs) return null;
    if (maxDurationMs != 0 && durationMs > maxDurationMs) return null;
    List<Span> spans = query.matchingSpans(view);
    return spans.isEmpty() ? null : new Match(view, spans);
  }

  private static long durationMs(Map<String, List<String>> params, String name) throws BadParameterException {
    String text = first(params, name);
    if (text == null) return 0;
    long nanos;
    try {
      nanos = GoDuration.parseNanos(text);
    } catch (IllegalArgumentException e) {
      throw new BadParameterException(name, e.getMessage());
    }
    if (nanos < 0) throw new BadParameterException(name, "must not be negative, got \"" + text + "\"");
    return nanos / NANOS_PER_MS;
  }

  /** Unix seconds as Tempo takes them: a 32-bit integer. */
  private static long seconds(Map<String, List<String>> params, String name) throws BadParameterException {
    String text = first(params, name);
    if (text == null) return 0;
    try {
      int value = Integer.parseInt(text);
      if (value < 0) throw new BadParameterException(name, "must not be negative, got " + value);
      return value;
    } catch (NumberFormatException e) {
      throw new BadParameterException(name, "expected unix epoch seconds, got \"" + text + "\"");
    }
  }

  private static int positive(Map<String, List<String>> params, String name, int absent) throws BadParameterException {
    String text = first(params, name);
    if (text == null) return absent;
    int value;
    try {
      value = Integer.parseInt(text);
    } catch (NumberFormatException e) {
      throw new BadParameterException(name, "not an integer: \"" + text + "\"");
    }
    if (value <= 0) throw new BadParameterException(name, "must be a positive number, got " + value);
    return value;
  }

  private static String first(Map<String, List<String>> params, String name) {
    List<String> values = params.get(name);
    return values == null || values.isEmpty() || values.getFirst().isEmpty() ? null : values.getFirst();
  }
}
