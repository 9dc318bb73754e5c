package dev.ariadne.store.wal;

/**
 * Receives each intact record during {@link Wal#open}, oldest first, with the id of the segment that holds
 * it. An exception thrown here aborts the open and propagates to its caller.
 */
@FunctionalInterface
public interface WalReplayHandler {
  void record(long segmentId, byte[] payload);
}
