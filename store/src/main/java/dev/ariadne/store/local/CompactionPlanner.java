package dev.ariadne.store.local;

import dev.ariadne.store.block.BlockMeta;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;

/**
 * Chooses what to compact next, in the manner of Tempo's compactor: only blocks whose spans start in the
 * same compaction window are merged, oldest first, at least two, together at most {@code maxSpans}
 * spans. While a window still receives blocks, only blocks of one level merge (the result goes a level
 * up), so each span is rewritten about log2(blocks per window) times; once the window is over, blocks
 * of any level merge, so a window ends as few blocks as the size bound allows and copies of a span
 * that sit in blocks of different levels meet and are removed.
 */
final class CompactionPlanner {
  private final long windowNanos;
  private final long maxSpans;

  CompactionPlanner(long windowNanos, long maxSpans) {
    this.windowNanos = windowNanos;
    this.maxSpans = maxSpans;
  }

  /** The inputs of the next compaction, or an empty list when there is nothing worth merging. */
  List<BlockMeta> next(List<BlockMeta> blocks, long nowNanos) {
    Map<Long, List<BlockMeta>> windows = new TreeMap<>();
    for (BlockMeta block : blocks) {
      windows.computeIfAbsent(Math.floorDiv(block.minStartNanos(), windowNanos), w -> new ArrayList<>()).add(block);
    }
    for (Map.Entry<Long, List<BlockMeta>> window : windows.entrySet()) {
      List<BlockMeta> group = window.getValue();
      if (group.size() < 2) continue;
      group.sort(Comparator.comparing(BlockMeta::blockId));
      boolean over = (window.getKey() + 2) * windowNanos <= nowNanos;
      List<BlockMeta> chosen = over ? choose(group, b -> true) : sameLevel(group);
      if (!chosen.isEmpty()) return chosen;
    }
    return List.of();
  }

  private List<BlockMeta> sameLevel(List<BlockMeta> group) {
    for (int level : group.stream().map(BlockMeta::level).distinct().sorted().toList()) {
      List<BlockMeta> chosen = choose(group, b -> b.level() == level);
      if (!chosen.isEmpty()) return chosen;
    }
    return List.of();
  }

  /** At least two blocks passing {@code eligible}, oldest first, within the size bound; else none. */
  private List<BlockMeta> choose(List<BlockMeta> group, Predicate<BlockMeta> eligible) {
    List<BlockMeta> candidates = group.stream().filter(eligible).toList();
    // A block already too big to merge with its neighbour is passed over, not a stop for the rest.
    for (int first = 0; first < candidates.size() - 1; first++) {
      List<BlockMeta> chosen = new ArrayList<>();
      long spans = 0;
      for (BlockMeta block : candidates.subList(first, candidates.size())) {
        if (spans + block.spanCount() > maxSpans) break;
        chosen.add(block);
        spans += block.spanCount();
      }
      if (chosen.size() >= 2) return chosen;
    }
    return List.of();
  }
}
