package dev.ariadne.server.exporter;

import dev.ariadne.model.Span;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** An exporter's {@code sending_queue}: bounded, in memory or on disk. */
interface SendingQueue {
  /** A batch taken from the queue; {@link #done} removes it for good once it was sent or dropped. */
  record Taken(List<Span> spans, Runnable done) {}

  /** Queues a batch; false when the queue is full. */
  boolean offer(List<Span> spans);

  /** The oldest batch, waiting up to {@code timeout}; null when none came. */
  Taken poll(long timeout, TimeUnit unit) throws InterruptedException;

  /** Batches queued and not yet done. */
  int size();

  /** Whether batches left at shutdown survive it (they are sent after the restart). */
  boolean persistent();
}
