package dev.ariadne.collector;

import java.time.Duration;

/**
 * Time as processors see it: a monotonic clock and timers. Production uses {@link ExecutorScheduler};
 * tests move time by hand, so timeouts are tested without sleeping.
 */
public interface Scheduler {

  /** Monotonic nanoseconds, comparable only with each other. */
  long nanoTime();

  /** Runs {@code task} once after {@code delay}. */
  Cancellable schedule(Duration delay, Runnable task);

  /** Runs {@code task} every {@code period}, first after one period. */
  Cancellable scheduleAtFixedRate(Duration period, Runnable task);

  /** A scheduled task that can be stopped. */
  @FunctionalInterface
  interface Cancellable {
    void cancel();
  }
}
