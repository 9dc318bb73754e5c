package dev.ariadne.collector.processor.memorylimiter;

import dev.ariadne.collector.RefusedException;
import dev.ariadne.collector.Scheduler;
import java.time.Duration;
import java.util.function.LongSupplier;

/**
 * Decides, every {@code check_interval}, whether new data must be refused, as the Collector's memory
 * limiter does. Above the soft limit (limit − spike) it refuses; above the hard limit it also forces a
 * garbage collection first, and decides on the usage measured after it. Collections are spaced by
 * {@code min_gc_interval_when_soft_limited} / {@code …_hard_limited}. The state changes only at checks,
 * so the answer between two checks is stable and cheap.
 */
public final class MemoryLimiter {
  /** Where usage stands against the limits at the last check. */
  public enum State { NORMAL, SOFT_LIMITED, HARD_LIMITED }

  private final long hardLimitBytes;
  private final long softLimitBytes;
  private final LongSupplier usedBytes;
  private final Runnable gc;
  private final Scheduler scheduler;
  private final MemoryLimiterConfig config;
  private volatile State state = State.NORMAL;
  private long lastGcNanos;
  private boolean collected;
  private Scheduler.Cancellable timer;

  /**
   * @param usedBytes the memory in use now; the heap in production, a supplier in tests
   * @param gc forces a collection ({@code System::gc})
   */
  public MemoryLimiter(MemoryLimiterConfig config, long maxHeapBytes, LongSupplier usedBytes, Runnable gc, Scheduler scheduler) {
    this.config = config;
    this.hardLimitBytes = config.limitBytes(maxHeapBytes);
    this.softLimitBytes = hardLimitBytes - config.spikeBytes(maxHeapBytes);
    this.usedBytes = usedBytes;
    this.gc = gc;
    this.scheduler = scheduler;
  }

  /** A limiter over this JVM's heap (what survives young collections: {@link RetainedHeap}), already checking. */
  static MemoryLimiter forHeap(MemoryLimiterConfig config, Scheduler scheduler) {
    MemoryLimiter limiter = new MemoryLimiter(
        config, Runtime.getRuntime().maxMemory(), new RetainedHeap(), System::gc, scheduler);
    limiter.start();
    return limiter;
  }

  /** Checks once now and then every check_interval. */
  public synchronized void start() {
    if (timer != null) return;
    check();
    timer = scheduler.scheduleAtFixedRate(config.checkInterval(), this::check);
  }

  public synchronized void stop() {
    if (timer != null) timer.cancel();
    timer = null;
  }

  public State state() {
    return state;
  }

  /** Whether new data must be refused now. */
  public boolean mustRefuse() {
    return state != State.NORMAL;
  }

  /** The error receivers answer while refusing: retry after the next check. */
  public RefusedException refusal() {
    return new RefusedException("data refused due to high memory usage", config.checkInterval());
  }

  synchronized void check() {
    long used = usedBytes.getAsLong();
    if (used > hardLimitBytes) {
      used = collectIfDue(config.minGcIntervalWhenHardLimited(), used);
    } else if (used > softLimitBytes) {
      used = collectIfDue(config.minGcIntervalWhenSoftLimited(), used);
    }
    state = used > hardLimitBytes ? State.HARD_LIMITED : used > softLimitBytes ? State.SOFT_LIMITED : State.NORMAL;
  }

  private long collectIfDue(Duration minInterval, long used) {
    long now = scheduler.nanoTime();
    if (collected && now - lastGcNanos < minInterval.toNanos()) return used;
    gc.run();
    collected = true;
    lastGcNanos = now;
    return usedBytes.getAsLong();
  }
}
