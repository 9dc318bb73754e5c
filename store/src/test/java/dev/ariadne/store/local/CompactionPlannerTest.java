package dev.ariadne.store.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ariadne.store.block.BlockMeta;
import dev.ariadne.store.block.TagSummary;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class CompactionPlannerTest {
  private static final long HOUR = 3_600_000_000_000L;
  private static final long NOW = 100 * HOUR + HOUR / 2;
  private final CompactionPlanner planner = new CompactionPlanner(HOUR, 1_000);

  private static BlockMeta block(String id, int level, long startNanos, long spans) {
    TagSummary none = new TagSummary(new TreeMap<>(), List.of(), false);
    return new BlockMeta(id, level, startNanos, startNanos + 1_000, spans, spans, spans * 40, 0, List.of(), Map.of(),
        List.of(), startNanos, 1, 1_000, 1, none, none);
  }

  private static List<String> ids(List<BlockMeta> plan) {
    return plan.stream().map(BlockMeta::blockId).toList();
  }

  @Test
  void mergesTheOldestBlocksOfOneLevelInTheCurrentWindow() {
    long current = 100 * HOUR;
    List<BlockMeta> blocks = List.of(block("c", 0, current + 3, 100), block("a", 0, current + 1, 100),
        block("b", 0, current + 2, 100), block("x", 1, current, 500));
    assertEquals(List.of("a", "b", "c"), ids(planner.next(blocks, NOW)), "level 0 only, oldest first");
  }

  @Test
  void levelsMeetOnlyOnceTheirWindowIsOver() {
    long current = 100 * HOUR;
    assertTrue(planner.next(List.of(block("a", 0, current, 100), block("b", 1, current, 100)), NOW).isEmpty());
    long past = 90 * HOUR;
    assertEquals(List.of("a", "b"), ids(planner.next(List.of(block("a", 0, past, 100), block("b", 1, past, 100)), NOW)));
  }

  @Test
  void windowsNeverMixAndTheSizeBoundHolds() {
    assertTrue(planner.next(List.of(block("a", 0, 90 * HOUR, 100), block("b", 0, 91 * HOUR, 100)), NOW).isEmpty());
    List<BlockMeta> big = List.of(block("a", 0, 90 * HOUR, 900), block("b", 0, 90 * HOUR, 200),
        block("c", 0, 90 * HOUR, 300), block("d", 0, 90 * HOUR, 400));
    assertEquals(List.of("b", "c", "d"), ids(planner.next(big, NOW)), "a is too big to pair; the rest fit in 1,000");
  }
}
