package dev.ariadne.store.block;

import dev.ariadne.model.Attributes;
import dev.ariadne.model.DerivedTags;
import dev.ariadne.model.InstrumentationScope;
import dev.ariadne.model.Span;
import dev.ariadne.model.SpanKind;
import dev.ariadne.model.StatusCode;
import dev.ariadne.model.TraceId;
import dev.ariadne.store.SpanMatcher;
import dev.ariadne.store.TagText;
import dev.ariadne.store.Trace;
import dev.ariadne.store.TraceQuery;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One {@link BlockReader#find} run, in four steps, each reading less than the one before would:
 * <ol>
 *   <li>the block's meta rules the whole block out (time, duration, service, span name);
 *   <li>each row group's statistics rule it out (time and duration ranges, services, names, kinds), then,
 *       for tag conditions, its tag bloom filter (every tag must be in it);
 *   <li>the RESOURCES and CORE columns of the remaining row groups are read and every span is checked
 *       against the conditions they hold; traces with such a span are candidates. When every tag names
 *       an attribute key (not a derived tag or "event") that no event attribute of the row group uses,
 *       the ATTR_VALUES frames of those keys are read too and {@link AttributeScan} decides the tags there;
 *   <li>candidates are taken newest first by their earliest span start: the rest of their row group is
 *       decoded and, with tag conditions, {@link SpanMatcher} decides on the full span, until the limit.
 * </ol>
 * Everything but tags is decided on the core columns exactly as SpanMatcher decides it; tags are decided by
 * the attribute scan when only span and resource attributes can satisfy them, else by SpanMatcher itself.
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
  private final int[] tagKeyIds;
  /** Checks tags on ATTR_VALUES frames; null when the query has no tags or a tag derived tags or events name. */
  private final AttributeScan scan;

  BlockSearch(BlockReader reader, TraceQuery query) {
    this.reader = reader;
    this.index = reader.index();
    this.query = query;
    this.matcher = new SpanMatcher(query);
    this.serviceId = query.serviceName() == null ? -1 : index.idOf(query.serviceName());
    this.nameId = query.operationName() == null ? -1 : index.idOf(query.operationName());
    this.tagHashes = query.tags().stream().mapToLong(t -> BloomFilter.hashTag(t.getKey(), t.getValue())).toArray();
    this.tagKeyIds = query.tags().stream().mapToInt(t -> index.idOf(t.getKey())).toArray();
    boolean attributesOnly = !query.tags().isEmpty() && query.tags().size() <= 64
        && query.tags().stream().noneMatch(t -> NOT_ATTRIBUTE_KEYS.contains(t.getKey()));
    this.scan = attributesOnly
        ? new AttributeScan(tagKeyIds, query.tags().stream().map(Map.Entry::getValue).toArray(String[]::new))
        : null;
  }

  /** Keys a tag condition can match other than through attributes: derived tags and event names. */
  private static final Set<String> NOT_ATTRIBUTE_KEYS = notAttributeKeys();

  private static Set<String> notAttributeKeys() {
    // Every derived tag DerivedTags emits, found by asking it about a span that has them all.
    Span full = Span.builder().scope(InstrumentationScope.of("s", "1")).kind(SpanKind.SERVER)
        .status(StatusCode.ERROR, "m").traceState("a=b").build();
    Set<String> keys = new HashSet<>();
    DerivedTags.forEach(full, (k, v) -> keys.add(k));
    keys.add("event");
    return Set.copyOf(keys);
  }

  List<Trace> run() throws IOException {
    if (query.limit() <= 0 || !blockMayMatch()) {
      for (RowGroupStats rg : index.rowGroups) reader.stats().rowGroupSkipped(rg.totalLength());
      return List.of();
    }
    List<Candidate> candidates = new ArrayList<>();
    for (int r = 0; r < index.rowGroups.size(); r++) {
      RowGroupStats rg = index.rowGroups.get(r);
      RowGroupTags tags = rowGroupMayMatch(rg) && tagHashes.length > 0 ? reader.tags(r) : null;
      if (!rowGroupMayMatch(rg) || tags != null && !tagsMayMatch(tags)) {
        reader.stats().rowGroupSkipped(rg.totalLength());
        continue;
      }
      reader.stats().rowGroupRead();
      if (tags != null && scan != null && noEventAttributeHas(tags)) {
        BlockReader.CoreAndAttributes read = reader.coreAndAttributes(r, scan.keyIds());
        RowGroupCore core = read.core();
        collect(r, core, scan.scan(read.values(), core.spanCount), resourceTags(core), candidates);
      } else {
        collect(r, reader.core(r), null, null, candidates);
      }
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

  private boolean tagsMayMatch(RowGroupTags tags) {
    // Blocks of format 2 left array elements out of their tag blooms: an element could match unseen.
    if (!index.tagBloomHasArrayElements()) return true;
    for (long hash : tagHashes) if (!tags.bloom().mightContain(hash)) return false;
    return true;
  }

  /** Whether no event attribute of the row group uses a key the tags name: then only attributes decide. */
  private boolean noEventAttributeHas(RowGroupTags tags) {
    for (int key : tagKeyIds) if (key >= 0 && BlockIndex.containsId(tags.eventKeyIds(), key)) return false;
    return true;
  }

  /** Per resource of the row group, bit i set when its attributes satisfy tag i. */
  private long[] resourceTags(RowGroupCore core) {
    long[] bits = new long[core.resources.length];
    for (int r = 0; r < bits.length; r++) {
      Attributes attributes = core.resources[r].attributes();
      for (int t = 0; t < query.tags().size(); t++) {
        Map.Entry<String, String> tag = query.tags().get(t);
        for (int i = 0; i < attributes.size(); i++) {
          if (attributes.key(i).equals(tag.getKey()) && TagText.matches(attributes.value(i), tag.getValue())) {
            bits[r] |= 1L << t;
          }
        }
      }
    }
    return bits;
  }

  /**
   * Adds the row group's traces with a span meeting every condition but the tags or, when the attribute scan
   * decided the tags ({@code spanTags} and {@code resourceTags} not null), every condition: such candidates
   * are confirmed.
   */
  private void collect(int rowGroup, RowGroupCore core, long[] spanTags, long[] resourceTags, List<Candidate> out) {
    long allTags = query.tags().size() == 64 ? -1L : (1L << query.tags().size()) - 1;
    int firstTrace = index.rowGroups.get(rowGroup).firstTrace();
    for (int t = 0; t < core.traceCount; t++) {
      int from = core.traceFirstSpan[t];
      int to = core.traceFirstSpan[t + 1];
      long matchingRows = 0;  // bit i: span from + i may match; traces over 64 spans check every span later
      boolean any = false;
      for (int s = from; s < to; s++) {
        if (coreMatches(core, s)
            && (spanTags == null || (spanTags[s] | resourceTags[core.resource[s]]) == allTags)) {
          any = true;
          if (s - from < 64) matchingRows |= 1L << (s - from);
        }
      }
      if (any) {
        out.add(new Candidate(rowGroup, t, firstTrace + t, core.traceStart[t], to - from <= 64 ? matchingRows : -1L,
            spanTags != null));
      }
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
      if (tagHashes.length == 0 || c.confirmed() || anyMatches(spans, c.rows())) {
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

  /**
   * A trace with a span meeting the core conditions; {@code rows}: which spans, or -1 for "check all";
   * {@code confirmed}: the tags were decided too.
   */
  private record Candidate(int rowGroup, int trace, int ordinal, long traceStart, long rows, boolean confirmed) {}
}
