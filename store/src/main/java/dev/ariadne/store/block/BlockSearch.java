package dev.ariadne.store.block;

import dev.ariadne.model.Span;
import dev.ariadne.model.TraceId;
import dev.ariadne.store.SpanMatcher;
import dev.ariadne.store.Trace;
import dev.ariadne.store.TraceQuery;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One {@link BlockReader#find} run, in four steps, each reading less than the one before would:
 * <ol>
 *   <li>the block's meta rules the whole block out (time, duration, service, span name);
 *   <li>each row group's statistics rule it out (time and duration ranges, services, names, kinds), then,
 *       for tag conditions, its tag bloom filter (every tag must be in it);
 *   <li>the RESOURCES and CORE columns of the remaining row groups are read and every span is checked
 *       against the conditions they hold; traces with such a span are candidates;
 *   <li>candidates are taken newest first by their earliest span start: the rest of their row group is
 *       decoded and, with tag conditions, {@link SpanMatcher} decides on the full span, until the limit.
 * </ol>
 * Everything but tags is decided on the core columns exactly as SpanMatcher decides it; tags, which span
 * attributes, resource and event attributes, event names and derived tags can all satisfy, are decided
 * by SpanMatcher itself.
 */
final class BlockSearch {
  private static final Comparator<Candidate> NEWEST_FIRST =
      Comparator.comparingLong(Candidate::traceStart).reversed().thenComparingInt(Candidate::ordinal);

  private final BlockReader reader;
  private final BlockIndex index;
  private final TraceQuery query;
  private final SpanMatcher matcher;
  private final int serviceId;
  private final int nameId;
  private final long[] tagHashes;

  BlockSearch(BlockReader reader, TraceQuery query) {
    this.reader = reader;
    this.index = reader.index();
    this.query = query;
    this.matcher = new SpanMatcher(query);
    this.serviceId = query.serviceName() == null ? -1 : index.idOf(query.serviceName());
    this.nameId = query.operationName() == null ? -1 : index.idOf(query.operationName());
    this.tagHashes = query.tags().stream().mapToLong(t -> BloomFilter.hashTag(t.getKey(), t.getValue())).toArray();
  }

  List<Trace> run() throws IOException {
    if (query.limit() <= 0 || !blockMayMatch()) {
      for (RowGroupStats rg : index.rowGroups) reader.statsCounter().rowGroupSkipped(rg.totalLength());
      return List.of();
    }
    List<Candidate> candidates = new ArrayList<>();
    for (int r = 0; r < index.rowGroups.size(); r++) {
      RowGroupStats rg = index.rowGroups.get(r);
      if (!rowGroupMayMatch(rg) || tagHashes.length > 0 && !tagsMayMatch(r)) {
        reader.statsCounter().rowGroupSkipped(rg.totalLength());
        continue;
      }
      reader.statsCounter().rowGroupRead();
      collect(r, reader.core(r), candidates);
    }
    candidates.sort(NEWEST_FIRST);
    return take(candidates);
  }

  private boolean blockMayMatch() {
    BlockMeta meta = reader.meta();
    if (meta.spanCount() == 0) return false;
    if (query.serviceName() != null && serviceId < 0) return false;
    if (query.operationName() != null && nameId < 0) return false;
    return timeAndDurationMayMatch(meta.minStartNanos(), meta.maxStartNanos(), meta.minDurationNanos(),
        meta.maxDurationNanos());
  }

  private boolean rowGroupMayMatch(RowGroupStats rg) {
    if (serviceId >= 0 && !BlockIndex.containsId(rg.serviceIds(), serviceId)) return false;
    if (nameId >= 0 && !BlockIndex.containsId(rg.nameIds(), nameId)) return false;
    if (query.spanKind() != null && (rg.kindMask() & (1 << query.spanKind().ordinal())) == 0) return false;
    return timeAndDurationMayMatch(rg.minStartNanos(), rg.maxStartNanos(), rg.minDurationNanos(), rg.maxDurationNanos());
  }

  private boolean timeAndDurationMayMatch(long minStart, long maxStart, long minDuration, long maxDuration) {
    if (query.startEpochNanos() != 0 && maxStart < query.startEpochNanos()) return false;
    if (query.endEpochNanos() != 0 && minStart > query.endEpochNanos()) return false;
    if (query.minDurationNanos() != 0 && maxDuration < query.minDurationNanos()) return false;
    return query.maxDurationNanos() == 0 || minDuration <= query.maxDurationNanos();
  }

  private boolean tagsMayMatch(int rowGroup) throws IOException {
    BloomFilter bloom = reader.tagBloom(rowGroup);
    for (long hash : tagHashes) if (!bloom.mightContain(hash)) return false;
    return true;
  }

  /** Adds the row group's traces with a span meeting every condition but the tags. */
  private void collect(int rowGroup, RowGroupCore core, List<Candidate> out) {
    int firstTrace = index.rowGroups.get(rowGroup).firstTrace();
    for (int t = 0; t < core.traceCount; t++) {
      int from = core.traceFirstSpan[t];
      int to = core.traceFirstSpan[t + 1];
      long matchingRows = 0;  // bit i: span from + i may match; traces over 64 spans check every span later
      boolean any = false;
      for (int s = from; s < to; s++) {
        if (coreMatches(core, s)) {
          any = true;
          if (s - from < 64) matchingRows |= 1L << (s - from);
        }
      }
      if (any) out.add(new Candidate(rowGroup, t, firstTrace + t, core.traceStart[t], to - from <= 64 ? matchingRows : -1L));
    }
  }

  private boolean coreMatches(RowGroupCore core, int s) {
    if (serviceId >= 0 && !core.resourceServices[core.resource[s]].equals(query.serviceName())) return false;
    if (nameId >= 0 && core.name[s] != nameId) return false;
    if (query.spanKind() != null && core.kind(s) != query.spanKind()) return false;
    long start = core.start[s];
    if (query.startEpochNanos() != 0 && start < query.startEpochNanos()) return false;
    if (query.endEpochNanos() != 0 && start > query.endEpochNanos()) return false;
    long duration = core.end[s] - start;
    if (query.minDurationNanos() != 0 && duration < query.minDurationNanos()) return false;
    return query.maxDurationNanos() == 0 || duration <= query.maxDurationNanos();
  }

  /**
   * Takes candidates newest first until the limit. Candidates of one row group are scattered through that
   * order, so a row group is decoded once, when its first candidate comes up, and all its candidates are
   * decided then; only the traces that match are kept.
   */
  private List<Trace> take(List<Candidate> candidates) throws IOException {
    Map<Integer, List<Candidate>> byRowGroup = new HashMap<>();
    for (Candidate c : candidates) byRowGroup.computeIfAbsent(c.rowGroup(), r -> new ArrayList<>()).add(c);
    Map<Integer, Map<Integer, Trace>> matchedByRowGroup = new HashMap<>();
    List<Trace> found = new ArrayList<>();
    for (Candidate c : candidates) {
      if (found.size() >= query.limit()) break;
      Map<Integer, Trace> matched = matchedByRowGroup.get(c.rowGroup());
      if (matched == null) {
        matched = decide(c.rowGroup(), byRowGroup.get(c.rowGroup()));
        matchedByRowGroup.put(c.rowGroup(), matched);
      }
      Trace trace = matched.get(c.trace());
      if (trace != null) found.add(trace);
    }
    return found;
  }

  /** Decodes the row group and returns its candidates that match, by trace index in the row group. */
  private Map<Integer, Trace> decide(int rowGroup, List<Candidate> candidates) throws IOException {
    BlockReader.RowGroup decoded = reader.rowGroup(rowGroup);
    Map<Integer, Trace> matched = new HashMap<>();
    for (Candidate c : candidates) {
      List<Span> spans = decoded.traceSpans(c.trace());
      if (tagHashes.length == 0 || anyMatches(spans, c.rows())) {
        matched.put(c.trace(), new Trace(new TraceId(index.traceHigh[c.ordinal()], index.traceLow[c.ordinal()]), spans));
      }
    }
    return matched;
  }

  private boolean anyMatches(List<Span> spans, long rows) {
    for (int i = 0; i < spans.size(); i++) {
      if ((rows == -1L || i < 64 && (rows & (1L << i)) != 0) && matcher.matches(spans.get(i))) return true;
    }
    return false;
  }

  /** A trace with a span meeting the core conditions; {@code rows}: which spans, or -1 for "check all". */
  private record Candidate(int rowGroup, int trace, int ordinal, long traceStart, long rows) {}
}
