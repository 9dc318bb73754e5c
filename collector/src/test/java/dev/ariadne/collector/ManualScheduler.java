package dev.ariadne.collector;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** A {@link Scheduler} whose time moves only when a test calls {@link #advance}; due tasks run then, in time order. */
public final class ManualScheduler implements Scheduler {
  private long now = 1_000_000_000_000L;
  private final List<Task> tasks = new ArrayList<>();

  private static final class Task {
    long dueNanos;
    final long periodNanos;
    final Runnable action;
    boolean cancelled;

    Task(long dueNanos, long periodNanos, Runnable action) {
      this.dueNanos = dueNanos;
      this.periodNanos = periodNanos;
      this.action = action;
    }
  }

  @Override
  public synchronized long nanoTime() {
    return now;
  }

  @Override
  public synchronized Cancellable schedule(Duration delay, Runnable task) {
    return add(new Task(now + delay.toNanos(), 0, task));
  }

  @Override
  public synchronized Cancellable scheduleAtFixedRate(Duration period, Runnable task) {
    return add(new Task(now + period.toNanos(), period.toNanos(), task));
  }

  private Cancellable add(Task task) {
    tasks.add(task);
    return () -> task.cancelled = true;
  }

  /** Moves time forward by {@code duration}, running each task when its time comes. */
  public void advance(Duration duration) {
    long target = now + duration.toNanos();
    while (true) {
      Task due;
      synchronized (this) {
        tasks.removeIf(t -> t.cancelled);
        due = tasks.stream().filter(t -> t.dueNanos <= target).min(Comparator.comparingLong(t -> t.dueNanos)).orElse(null);
        if (due == null) {
          now = target;
          return;
        }
        now = due.dueNanos;
        if (due.periodNanos > 0) due.dueNanos += due.periodNanos;
        else tasks.remove(due);
      }
      due.action.run();
    }
  }

  /** Tasks scheduled and not cancelled. */
  public synchronized int pending() {
    return (int) tasks.stream().filter(t -> !t.cancelled).count();
  }
}
