package dev.ariadne.collector;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * The production {@link Scheduler}: one daemon thread. Processor timers only move spans on or decide
 * about them, so one thread serves every pipeline.
 */
public final class ExecutorScheduler implements Scheduler, AutoCloseable {
  private final ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(runnable -> {
    Thread thread = new Thread(runnable, "collector-timers");
    thread.setDaemon(true);
    return thread;
  });

  @Override
  public long nanoTime() {
    return System.nanoTime();
  }

  @Override
  public Cancellable schedule(Duration delay, Runnable task) {
    ScheduledFuture<?> future = executor.schedule(task, delay.toNanos(), TimeUnit.NANOSECONDS);
    return () -> future.cancel(false);
  }

  @Override
  public Cancellable scheduleAtFixedRate(Duration period, Runnable task) {
    long nanos = period.toNanos();
    ScheduledFuture<?> future = executor.scheduleAtFixedRate(task, nanos, nanos, TimeUnit.NANOSECONDS);
    return () -> future.cancel(false);
  }

  @Override
  public void close() {
    executor.shutdownNow();
  }
}
