package dev.ariadne.store.local;

import dev.ariadne.store.block.BlockReader;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The blocks queries read. Copy-on-write: a query takes a snapshot and reads it without locks while the
 * flusher adds blocks and the compactor swaps them.
 */
final class BlockSet {
  /** Newest data first, so searches can stop early; ties broken by id for a stable order. */
  private static final Comparator<BlockReader> NEWEST_FIRST =
      Comparator.comparingLong((BlockReader b) -> b.meta().maxEndNanos()).reversed()
          .thenComparing(b -> b.meta().blockId());

  private volatile List<BlockReader> blocks = List.of();

  List<BlockReader> newestFirst() {
    return blocks;
  }

  synchronized void add(BlockReader block) {
    replace(List.of(), List.of(block));
  }

  /** Removes {@code removed} and adds {@code added} in one step, so no query sees both or neither. */
  synchronized void replace(List<BlockReader> removed, List<BlockReader> added) {
    List<BlockReader> next = new ArrayList<>(blocks);
    next.removeAll(removed);
    next.addAll(added);
    next.sort(NEWEST_FIRST);
    blocks = List.copyOf(next);
  }
}
