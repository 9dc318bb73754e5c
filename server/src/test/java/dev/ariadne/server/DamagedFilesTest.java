package dev.ariadne.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ariadne.model.TraceId;
import dev.ariadne.tracegen.Corpus;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Damage under a stopped server: a torn WAL tail, a block whose meta is garbage, a block whose data is
 * cut short. The server starts anyway, says what it skipped, and serves everything that is intact.
 */
class DamagedFilesTest {
  @TempDir Path data;

  private String[] options(String idle, String maxBlockDuration) {
    return new String[] {"--storage", "local", "--data-dir", data.toString(), "--trace-idle-period", idle,
        "--max-block-duration", maxBlockDuration, "--flush-check-period", "100ms", "--compaction-cycle", "1h"};
  }

  @Test
  @Timeout(value = 5, unit = TimeUnit.MINUTES)
  void theServerStartsReportsWhatItSkippedAndServesTheRest() throws Exception {
    List<Corpus.Batch> batches = new ArrayList<>();
    Corpus.generate(11, System.currentTimeMillis() * 1_000_000 - 60_000_000_000L, 160, 4, batches::add, t -> {});
    List<List<Corpus.Batch>> parts = List.of(batches.subList(0, 10), batches.subList(10, 20),
        batches.subList(20, 30), batches.subList(30, 40));
    List<Map<TraceId, Integer>> sent = new ArrayList<>();

    // Three parts, each cut to blocks of its own (one or more) before the next is sent.
    try (ServerProcess server = ServerProcess.start(options("100ms", "300ms"))) {
      StoredTraces stored = new StoredTraces(server.port("Jaeger query"), server.port("admin"));
      for (int block = 1; block <= 3; block++) {
        sent.add(sendAll(server, parts.get(block - 1)));
        while (stored.metric("ariadne_store_blocks") < block || stored.metric("ariadne_store_head_traces") > 0) {
          Thread.sleep(50);
        }
      }
      assertEquals(143, server.terminate());
    }
    // The fourth part stays in the WAL: nothing goes idle within the hour.
    try (ServerProcess server = ServerProcess.start(options("1h", "1h"))) {
      sent.add(sendAll(server, parts.get(3)));
      assertEquals(143, server.terminate());
    }

    List<Path> blocks;
    try (Stream<Path> listed = Files.list(data.resolve("blocks"))) {
      blocks = listed.sorted().toList();
    }
    assertTrue(blocks.size() >= 3, "blocks: " + blocks);
    Files.writeString(blocks.get(0).resolve("meta"), "{ not a block meta");
    Path dataPart = largest(blocks.get(1));
    truncate(dataPart, Files.size(dataPart) / 2);
    Path segment = largest(data.resolve("wal"));
    truncate(segment, Files.size(segment) - 7);

    try (ServerProcess server = ServerProcess.start(options("1h", "1h"))) {
      StoredTraces stored = new StoredTraces(server.port("Jaeger query"), server.port("admin"));
      assertTrue(stored.metric("ariadne_wal_replay_torn_tails_total") >= 1, "the torn WAL tail was reported");
      assertTrue(stored.metric("ariadne_store_block_read_failures_total") >= 1, "the unreadable block was reported");
      assertTrue(server.output().contains(blocks.get(0).getFileName().toString()), server.output());

      assertAllThere(stored, sent.get(2), "the intact block");
      // The WAL lost only its torn last record: one batch of four traces.
      int missing = 0;
      for (Map.Entry<TraceId, Integer> trace : sent.get(3).entrySet()) {
        int found = stored.spanIds(trace.getKey()).size();
        if (found == 0) missing++;
        else assertEquals(trace.getValue(), found, trace.getKey().toHex());
      }
      assertEquals(4, missing, "exactly the torn record's traces are gone");

      // The two damaged blocks hold traces of the first two parts only, the oldest blocks being theirs.
      double failuresBefore = stored.metric("ariadne_store_block_read_failures_total");
      for (int part = 0; part < 2; part++) {
        for (TraceId id : sent.get(part).keySet()) stored.spanIds(id); // answered, minus the damaged blocks' spans
      }
      assertTrue(stored.metric("ariadne_store_block_read_failures_total") > failuresBefore,
          "reads of the cut-short block were reported");
      assertEquals(200, new HttpTestClient(server.port("admin")).get("/ready").status(), "still serving");
      assertEquals(143, server.terminate());
    }
  }

  private static Map<TraceId, Integer> sendAll(ServerProcess server, List<Corpus.Batch> batches) throws Exception {
    AcknowledgedLoad load = new AcknowledgedLoad(server.port("OTLP gRPC"), 1);
    load.send(batches, 1_000, 0);
    load.close();
    assertEquals(batches.size(), load.acknowledgedBatches(), "every batch taken: " + load.firstFailure());
    return load.acknowledged();
  }

  private static void assertAllThere(StoredTraces stored, Map<TraceId, Integer> traces, String where) throws Exception {
    for (Map.Entry<TraceId, Integer> trace : traces.entrySet()) {
      assertEquals(trace.getValue(), stored.spanIds(trace.getKey()).size(), where + ": " + trace.getKey().toHex());
    }
  }

  private static Path largest(Path dir) throws Exception {
    try (Stream<Path> files = Files.list(dir)) {
      return files.filter(Files::isRegularFile).max(Comparator.comparingLong(DamagedFilesTest::size)).orElseThrow();
    }
  }

  private static long size(Path file) {
    try {
      return Files.size(file);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private static void truncate(Path file, long length) throws Exception {
    try (RandomAccessFile f = new RandomAccessFile(file.toFile(), "rw")) {
      f.setLength(length);
    }
  }
}
