package dev.ariadne.store.block;

import java.util.function.LongConsumer;

/**
 * A set of well-mixed longs (hashes) by open addressing: a row group's distinct tag hashes, gathered as
 * spans are added. Sorting every hash to drop repeats cost more than writing the row group's core columns.
 */
final class LongSet {
  private long[] slots = new long[1024];
  private int size;
  private boolean hasZero;  // 0 marks an empty slot, so it is kept aside

  void add(long value) {
    if (value == 0) {
      hasZero = true;
      return;
    }
    if ((size + 1) * 2 > slots.length) grow();
    if (insert(slots, value)) size++;
  }

  int size() {
    return size + (hasZero ? 1 : 0);
  }

  void forEach(LongConsumer action) {
    if (hasZero) action.accept(0);
    for (long v : slots) if (v != 0) action.accept(v);
  }

  /** False if the value was there already. */
  private static boolean insert(long[] table, long value) {
    int mask = table.length - 1;
    int i = (int) value & mask;  // the values are hashes already: their low bits are spread
    while (table[i] != 0) {
      if (table[i] == value) return false;
      i = (i + 1) & mask;
    }
    table[i] = value;
    return true;
  }

  private void grow() {
    long[] old = slots;
    slots = new long[old.length * 2];
    for (long v : old) if (v != 0) insert(slots, v);
  }
}
