package dev.ariadne.server;

import java.util.SequencedMap;
import java.util.concurrent.CountDownLatch;
import java.util.stream.Collectors;

/** A started role, printing its listeners and serving until SIGTERM or SIGINT, then closing cleanly. */
final class RunningRole {
  private RunningRole() {}

  /** Prints the banner {@code ariadne <role>: <listener> :<port>, …} and blocks until the process is told to stop. */
  static int serveUntilStopped(String role, SequencedMap<String, Integer> ports, AutoCloseable server)
      throws InterruptedException {
    System.out.println("ariadne " + role + ": " + ports.entrySet().stream()
        .map(listener -> listener.getKey() + " :" + listener.getValue())
        .collect(Collectors.joining(", ")));
    CountDownLatch stopped = new CountDownLatch(1);
    // SIGTERM and SIGINT run shutdown hooks: stop serving cleanly, then let main return.
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      try {
        server.close();
      } catch (Exception e) {
        System.err.println("ariadne: stopping failed: " + e);
      }
      System.out.println("ariadne: stopped");
      stopped.countDown();
    }, "ariadne-shutdown"));
    stopped.await();
    return 0;
  }
}
