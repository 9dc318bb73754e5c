package dev.ariadne.store.wal;

import java.io.IOException;

/**
 * An append that failed with nothing of its record left in the WAL (the usual case), or, when
 * {@link #segmentDamaged()}, with a partial frame the WAL could not cut off, after which it appends to a new
 * segment. Either way the record was not stored and may be retried.
 */
public final class WalAppendException extends IOException {
  private final boolean segmentDamaged;

  WalAppendException(String message, IOException cause, boolean segmentDamaged) {
    super(message, cause);
    this.segmentDamaged = segmentDamaged;
  }

  /** True if a partial frame stayed behind in the segment; replay treats it as a torn tail. */
  public boolean segmentDamaged() {
    return segmentDamaged;
  }
}
