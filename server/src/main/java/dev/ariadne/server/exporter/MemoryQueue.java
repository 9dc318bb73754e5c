package dev.ariadne.server.exporter;

import dev.ariadne.model.Span;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

/** The Collector's default sending queue: in memory, lost with the process. */
final class MemoryQueue implements SendingQueue {
  private final BlockingQueue<List<Span>> batches;

  MemoryQueue(int capacity) {
    this.batches = new ArrayBlockingQueue<>(capacity);
  }

  @Override
  public boolean offer(List<Span> spans) {
    return batches.offer(List.copyOf(spans));
  }

  @Override
  public Taken poll(long timeout, TimeUnit unit) throws InterruptedException {
    List<Span> spans = batches.poll(timeout, unit);
    return spans == null ? null : new Taken(spans, () -> {});
  }

  @Override
  public int size() {
    return batches.size();
  }

  @Override
  public boolean persistent() {
    return false;
  }
}
