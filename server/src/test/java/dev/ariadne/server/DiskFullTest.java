package dev.ariadne.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ariadne.model.TraceId;
import dev.ariadne.tracegen.Corpus;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The data directory on a small tmpfs that fills up while spans arrive: the server refuses batches with
 * a retryable error instead of acknowledging what it could not write, keeps everything it did
 * acknowledge, and takes spans again once space returns.
 */
class DiskFullTest {
  @TempDir Path dir;
  private Path mount;

  @BeforeEach
  void mountSmallTmpfs() throws Exception {
    mount = Files.createDirectory(dir.resolve("tmpfs"));
    Process p = new ProcessBuilder("mount", "-t", "tmpfs", "-o", "size=24m", "tmpfs", mount.toString())
        .redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes());
    // Mounting needs root; where it is refused this test cannot build its full disk.
    Assumptions.assumeTrue(p.waitFor() == 0, "mount refused: " + out);
  }

  @AfterEach
  void unmount() throws Exception {
    new ProcessBuilder("umount", "-l", mount.toString()).inheritIO().start().waitFor();
  }

  @Test
  @Timeout(value = 5, unit = TimeUnit.MINUTES)
  void aFullDiskRefusesRetryablyLosesNothingAndRecovers() throws Exception {
    Path filler = mount.resolve("filler");
    try (RandomAccessFile f = new RandomAccessFile(filler.toFile(), "rw")) {
      f.write(new byte[20 << 20]); // leaves about 4 MiB for the WAL
    }
    List<Corpus.Batch> batches = new ArrayList<>();
    Corpus.generate(7, System.currentTimeMillis() * 1_000_000 - 60_000_000_000L, 1_600, 4, batches::add, t -> {});
    List<Corpus.Batch> whileFull = batches.subList(0, 300);
    List<Corpus.Batch> afterSpaceReturns = batches.subList(300, batches.size());

    try (ServerProcess server = ServerProcess.start("--storage", "local", "--data-dir", mount.resolve("data").toString())) {
      AcknowledgedLoad full = new AcknowledgedLoad(server.port("OTLP gRPC"), 2);
      full.send(whileFull, 50, 1);
      assertTrue(full.failedBatches() > 0, "the disk filled up");
      assertTrue(full.acknowledgedBatches() > 0, "some batches fit before it did");
      assertTrue(String.valueOf(full.firstFailure()).contains("UNAVAILABLE"),
          "refused with gRPC's retryable UNAVAILABLE: " + full.firstFailure());
      full.close();

      Files.delete(filler);
      AcknowledgedLoad recovered = new AcknowledgedLoad(server.port("OTLP gRPC"), 2);
      recovered.send(afterSpaceReturns, 50, 1);
      assertEquals(0, recovered.failedBatches(), "with space back every batch is taken: " + recovered.firstFailure());
      recovered.close();

      StoredTraces stored = new StoredTraces(server.port("Jaeger query"), server.port("admin"));
      assertTrue(stored.metric("ariadne_wal_append_failures_total") > 0, "the refusals were counted");
      for (Map<TraceId, Integer> acknowledged : List.of(full.acknowledged(), recovered.acknowledged())) {
        for (Map.Entry<TraceId, Integer> trace : acknowledged.entrySet()) {
          assertEquals(trace.getValue(), stored.spanIds(trace.getKey()).size(), trace.getKey().toHex());
        }
      }
      assertEquals(143, server.terminate(), server.output());
    }
  }
}
