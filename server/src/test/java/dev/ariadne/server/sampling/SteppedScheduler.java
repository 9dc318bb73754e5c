package dev.ariadne.server.sampling;

import dev.ariadne.collector.Scheduler;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** A {@link Scheduler} whose clock moves only in {@link #step}, which then runs every periodic task once. */
final class SteppedScheduler implements Scheduler {
  private final List<Runnable> periodic = new CopyOnWriteArrayList<>();
  private volatile long now = 5_000_000_000L;

  @Override
  public long nanoTime() {
    return now;
  }

  @Override
  public Cancellable schedule(Duration delay, Runnable task) {
    throw new UnsupportedOperationException("remote sampling only runs periodic tasks");
  }

  @Override
  public Cancellable scheduleAtFixedRate(Duration period, Runnable task) {
    periodic.add(task);
    return () -> periodic.remove(task);
  }

  void step(Duration elapsed) {
    now += elapsed.toNanos();
    periodic.forEach(Runnable::run);
  }

  int tasks() {
    return periodic.size();
  }
}
