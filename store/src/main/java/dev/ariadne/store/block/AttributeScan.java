package dev.ariadne.store.block;

import dev.ariadne.store.TagText;
import java.util.Arrays;

/**
 * Checks tag conditions against the ATTR_VALUES frames of the keys they name, without building spans:
 * compares each distinct value of the key as {@link TagText} says (as SpanMatcher compares them) and, only when one matches, marks the spans that have it.
 */
final class AttributeScan {
  private final int[] tagKeyIds;
  private final String[] values;
  private final int[] keyIds;

  /** {@code tagKeyIds[i]} (-1 if absent from the dictionary) and {@code values[i]}: tag i. At most 64 tags. */
  AttributeScan(int[] tagKeyIds, String[] values) {
    this.tagKeyIds = tagKeyIds;
    this.values = values;
    this.keyIds = Arrays.stream(tagKeyIds).filter(k -> k >= 0).distinct().toArray();
  }

  /** The distinct dictionary ids of the keys the tags name: the frames {@link #scan} needs. */
  int[] keyIds() {
    return keyIds;
  }

  /**
   * Per span, bit i set when its own attributes satisfy tag i. {@code frames[k]}: the values of key
   * {@code keyIds()[k]} in the row group, null when none of its spans has the key.
   */
  long[] scan(KeyValues[] frames, int spanCount) throws CorruptBlockException {
    long[] satisfied = new long[spanCount];
    for (int k = 0; k < keyIds.length; k++) {
      KeyValues frame = frames[k];
      if (frame == null) continue;
      long[] tagsOf = new long[frame.distinct.length];
      long any = 0;
      for (int d = 0; d < tagsOf.length; d++) {
        for (int t = 0; t < tagKeyIds.length; t++) {
          if (tagKeyIds[t] == keyIds[k] && TagText.matches(frame.distinct[d], values[t])) tagsOf[d] |= 1L << t;
        }
        any |= tagsOf[d];
      }
      if (any == 0) continue;
      frame.readSpans(spanCount);
      int[] spans = frame.spans();
      int[] valueOf = frame.valueOf();
      for (int i = 0; i < spans.length; i++) satisfied[spans[i]] |= tagsOf[valueOf[i]];
    }
    return satisfied;
  }
}
