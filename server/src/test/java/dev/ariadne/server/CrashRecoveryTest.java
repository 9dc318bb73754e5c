package dev.ariadne.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ariadne.model.TraceId;
import dev.ariadne.tracegen.Corpus;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * kill -9 while tracegen's corpus is being sent: after a restart every span the server acknowledged is
 * there exactly once, and once the store has cut and compacted everything, no copy of any span is left
 * in its blocks. Spans the server never acknowledged may or may not be there.
 */
class CrashRecoveryTest {
  private static final long NANOS_PER_HOUR = 3_600_000_000_000L;

  @TempDir Path data;

  /** Fast cuts and compaction so blocks, the head and the WAL all hold spans when the kill comes. */
  private String[] options() {
    return new String[] {"--storage", "local", "--data-dir", data.toString(),
        "--trace-idle-period", "200ms", "--max-block-duration", "1s", "--flush-check-period", "100ms",
        "--compaction-cycle", "500ms"};
  }

  @Test
  @Timeout(value = 5, unit = TimeUnit.MINUTES)
  void everyAcknowledgedSpanSurvivesKill9ExactlyOnce() throws Exception {
    // Spans from early in the hour three hours ago: one compaction window (the corpus spans under a
    // minute), and one that is over, so all its blocks may merge into one.
    long hour = Math.floorDiv(System.currentTimeMillis() * 1_000_000, NANOS_PER_HOUR) * NANOS_PER_HOUR;
    long start = hour - 3 * NANOS_PER_HOUR + 60_000_000_000L;
    List<Corpus.Batch> batches = new ArrayList<>();
    List<Corpus.TraceSummary> traces = new ArrayList<>();
    Corpus.generate(2026, start, 2_000, 4, batches::add, traces::add);

    AcknowledgedLoad load;
    try (ServerProcess server = ServerProcess.start(options())) {
      load = new AcknowledgedLoad(server.port("OTLP gRPC"), 8);
      AcknowledgedLoad sending = load;
      Thread sender = Thread.ofPlatform().start(() -> {
        try {
          sending.send(batches, 10, 30);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      });
      while (load.acknowledgedBatches() < batches.size() / 2) Thread.sleep(5);
      server.kill();
      sender.join();
      load.close();
    }
    assertTrue(load.failedBatches() > 0, "the kill came while batches were still being sent");
    Map<TraceId, Integer> acknowledged = load.acknowledged();
    try (var blocks = Files.list(data.resolve("blocks"))) {
      assertTrue(blocks.anyMatch(b -> Files.exists(b.resolve("meta"))), "blocks had been cut before the kill");
    }

    try (ServerProcess restarted = ServerProcess.start(options())) {
      StoredTraces stored = new StoredTraces(restarted.port("Jaeger query"), restarted.port("admin"));
      assertTrue(stored.metric("ariadne_store_wal_replayed_spans_total") > 0, "the WAL held spans not yet in blocks");
      assertAcknowledgedExactlyOnce(stored, acknowledged);

      // Wait for the replayed head to be cut and every block to merge into one (a condition, not a time).
      while (stored.metric("ariadne_store_head_traces") > 0 || stored.metric("ariadne_store_blocks") > 1) {
        Thread.sleep(100);
      }
      assertAcknowledgedExactlyOnce(stored, acknowledged);
      long distinctSpans = 0;
      for (Corpus.TraceSummary trace : traces) distinctSpans += stored.spanIds(trace.traceId()).size();
      assertEquals(distinctSpans, (long) stored.metric("ariadne_store_block_spans"),
          "the one block left holds each stored span once");
      assertTrue(restarted.terminate() == 143, restarted.output());
    }
  }

  private static void assertAcknowledgedExactlyOnce(StoredTraces stored, Map<TraceId, Integer> acknowledged)
      throws Exception {
    for (Map.Entry<TraceId, Integer> trace : acknowledged.entrySet()) {
      List<String> ids = stored.spanIds(trace.getKey());
      assertEquals(trace.getValue(), ids.size(), "spans of acknowledged trace " + trace.getKey().toHex());
      assertEquals(ids.size(), new HashSet<>(ids).size(), "no span twice in " + trace.getKey().toHex());
    }
  }
}
