package dev.ariadne.collector.processor;

import static dev.ariadne.collector.TestSpans.of;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ariadne.collector.ManualScheduler;
import dev.ariadne.collector.RecordingConsumer;
import dev.ariadne.collector.RecordingCounters;
import dev.ariadne.collector.RefusedException;
import dev.ariadne.collector.TestSpans;
import dev.ariadne.collector.config.ComponentId;
import dev.ariadne.collector.config.ConfigException;
import dev.ariadne.collector.config.Yaml;
import dev.ariadne.collector.processor.memorylimiter.MemoryLimiter;
import dev.ariadne.collector.processor.memorylimiter.MemoryLimiter.State;
import dev.ariadne.collector.processor.memorylimiter.MemoryLimiterConfig;
import dev.ariadne.collector.processor.memorylimiter.MemoryLimiterProcessor;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class MemoryLimiterTest {
  private static final long MIB = 1024 * 1024;
  private final ManualScheduler scheduler = new ManualScheduler();
  private final AtomicLong used = new AtomicLong(100 * MIB);
  private final AtomicInteger collections = new AtomicInteger();

  private static MemoryLimiterConfig config(String settings) {
    return (MemoryLimiterConfig) Yaml.load(Yaml.withProcessors("memory_limiter:\n" + settings.indent(2), "memory_limiter"))
        .processors().get(ComponentId.parse("memory_limiter"));
  }

  /** limit 1000 MiB, spike 200 MiB: soft limit at 800 MiB. */
  private MemoryLimiter limiter(Runnable gc) {
    MemoryLimiter limiter = new MemoryLimiter(config("check_interval: 1s\nlimit_mib: 1000\nspike_limit_mib: 200"),
        4096 * MIB, used::get, gc, scheduler);
    limiter.start();
    return limiter;
  }

  @Test
  void stateChangesOnlyAtChecks() {
    MemoryLimiter limiter = limiter(collections::incrementAndGet);
    assertEquals(State.NORMAL, limiter.state());
    used.set(900 * MIB);
    assertEquals(State.NORMAL, limiter.state());
    scheduler.advance(Duration.ofSeconds(1));
    assertEquals(State.SOFT_LIMITED, limiter.state());
    used.set(100 * MIB);
    scheduler.advance(Duration.ofMillis(999));
    assertTrue(limiter.mustRefuse());
    scheduler.advance(Duration.ofMillis(1));
    assertFalse(limiter.mustRefuse());
  }

  @Test
  void aboveTheHardLimitItCollectsAndDecidesOnWhatRemains() {
    MemoryLimiter limiter = limiter(() -> {
      collections.incrementAndGet();
      used.set(500 * MIB);
    });
    used.set(1100 * MIB);
    scheduler.advance(Duration.ofSeconds(1));
    assertEquals(1, collections.get());
    assertEquals(State.NORMAL, limiter.state());
  }

  @Test
  void staysHardLimitedWhenCollectingFreesNothing() {
    MemoryLimiter limiter = limiter(collections::incrementAndGet);
    used.set(1100 * MIB);
    scheduler.advance(Duration.ofSeconds(1));
    assertEquals(State.HARD_LIMITED, limiter.state());
    scheduler.advance(Duration.ofSeconds(1));
    assertEquals(2, collections.get());
  }

  @Test
  void softLimitedCollectionsAreSpacedByTheirMinimumInterval() {
    limiter(collections::incrementAndGet);
    used.set(900 * MIB);
    scheduler.advance(Duration.ofSeconds(1));
    assertEquals(1, collections.get());
    scheduler.advance(Duration.ofSeconds(9));
    assertEquals(1, collections.get());
    scheduler.advance(Duration.ofSeconds(1));
    assertEquals(2, collections.get());
  }

  @Test
  void processorRefusesWithARetryableErrorWhileLimited() {
    MemoryLimiter limiter = limiter(collections::incrementAndGet);
    RecordingConsumer next = new RecordingConsumer();
    RecordingCounters counters = new RecordingCounters();
    MemoryLimiterProcessor processor = new MemoryLimiterProcessor(limiter, next, TestSpans.context(scheduler, counters));
    processor.consume(List.of(of(1, "a")));
    used.set(900 * MIB);
    scheduler.advance(Duration.ofSeconds(1));
    RefusedException refused = assertThrows(RefusedException.class, () -> processor.consume(List.of(of(2, "b"), of(3, "c"))));
    assertEquals(Duration.ofSeconds(1), refused.retryAfter());
    assertEquals(List.of("a"), next.names());
    assertEquals(2, counters.get("otelcol_processor_refused_spans"));
    processor.shutdown();
    assertEquals(0, scheduler.pending());
  }

  @Test
  void defaultsAndPercentages() {
    MemoryLimiterConfig mib = config("check_interval: 1s\nlimit_mib: 1000");
    assertEquals(200, mib.spikeLimitMib());
    MemoryLimiter byPercent = new MemoryLimiter(config("check_interval: 1s\nlimit_percentage: 50\nspike_limit_percentage: 10"),
        1000 * MIB, used::get, collections::incrementAndGet, scheduler);
    byPercent.start();
    used.set(399 * MIB);
    scheduler.advance(Duration.ofSeconds(1));
    assertEquals(State.NORMAL, byPercent.state());
    used.set(401 * MIB);
    scheduler.advance(Duration.ofSeconds(1));
    assertEquals(State.SOFT_LIMITED, byPercent.state());
  }

  @Test
  void settingsAreChecked() {
    assertEquals("processors.memory_limiter.check_interval",
        assertThrows(ConfigException.class, () -> config("limit_mib: 100")).path());
    assertEquals("processors.memory_limiter.spike_limit_mib",
        assertThrows(ConfigException.class, () -> config("check_interval: 1s\nlimit_mib: 100\nspike_limit_mib: 100")).path());
    assertThrows(ConfigException.class, () -> config("check_interval: 1s"));
  }
}
