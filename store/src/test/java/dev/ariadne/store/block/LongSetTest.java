package dev.ariadne.store.block;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.HashSet;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class LongSetTest {
  @Test
  void holdsEachDistinctValueOnceThroughGrowthZeroIncluded() {
    SplittableRandom random = new SplittableRandom(3);
    LongSet set = new LongSet();
    Set<Long> expected = new HashSet<>();
    for (int i = 0; i < 20_000; i++) {
      // Repeats and colliding low bits on purpose: few distinct high parts, shifted into place.
      long value = random.nextInt(5) == 0 ? 0 : (long) random.nextInt(8_000) << 20;
      set.add(value);
      expected.add(value);
    }
    Set<Long> actual = new HashSet<>();
    set.forEach(actual::add);
    assertEquals(expected, actual);
    assertEquals(expected.size(), set.size());
  }
}
