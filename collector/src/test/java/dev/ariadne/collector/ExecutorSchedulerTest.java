package dev.ariadne.collector;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class ExecutorSchedulerTest {

  @Test
  void runsOneShotAndPeriodicTasks() throws InterruptedException {
    try (ExecutorScheduler scheduler = new ExecutorScheduler()) {
      CountDownLatch once = new CountDownLatch(1);
      CountDownLatch thrice = new CountDownLatch(3);
      scheduler.schedule(Duration.ofMillis(1), once::countDown);
      Scheduler.Cancellable periodic = scheduler.scheduleAtFixedRate(Duration.ofMillis(1), thrice::countDown);
      assertTrue(once.await(30, TimeUnit.SECONDS));
      assertTrue(thrice.await(30, TimeUnit.SECONDS));
      periodic.cancel();
    }
  }
}
