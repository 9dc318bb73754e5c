package dev.ariadne.store.wal;

import java.io.IOException;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * Makes appends durable with as few fsyncs as possible: the first waiter becomes the leader and forces the
 * segment holding the newest write; everyone whose record was written before that force started is done
 * when it ends. Waiters that arrive during a force wait for it, then one of them leads the next.
 */
final class GroupCommit {
  /** The newest successful write: its sequence number and the segment that holds it. */
  record WriteMark(long seq, Segment segment) {}

  private final ReentrantLock lock = new ReentrantLock();
  private final Condition forceEnded = lock.newCondition();
  private long durableSeq;
  private boolean forcing;

  /** Returns once the write numbered {@code seq} is on stable storage; {@code newest} is read after it. */
  void awaitDurable(long seq, Supplier<WriteMark> newest) throws IOException {
    lock.lock();
    try {
      while (durableSeq < seq && forcing) forceEnded.awaitUninterruptibly();
      if (durableSeq >= seq) return;
      forcing = true;
    } finally {
      lock.unlock();
    }
    // Everything up to mark.seq is in mark.segment or in older segments, which a roll forced before closing.
    WriteMark mark = newest.get();
    boolean forced = false;
    try {
      mark.segment().force();
      forced = true;
    } finally {
      lock.lock();
      try {
        if (forced) durableSeq = Math.max(durableSeq, mark.seq());
        forcing = false;
        forceEnded.signalAll();
      } finally {
        lock.unlock();
      }
    }
  }
}
