package dev.ariadne.store.wal;

import static dev.ariadne.store.wal.WalTesting.record;
import static dev.ariadne.store.wal.WalTesting.text;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A real full disk: a 256 KiB tmpfs. Appends fail with the cause named, leave nothing partial behind, and
 * work again once space returns; every acknowledged record replays intact. Needs permission to mount
 * (root on Linux); where the mount is refused, the test is skipped and says why.
 */
class WalDiskFullTest {
  @TempDir Path tmp;
  private Path mountPoint;
  private boolean mounted;

  @BeforeEach
  void mountSmallTmpfs() throws Exception {
    mountPoint = Files.createDirectories(tmp.resolve("tmpfs"));
    Result mount = run("mount", "-t", "tmpfs", "-o", "size=256k", "tmpfs", mountPoint.toString());
    if (mount.exit != 0) System.err.println("WalDiskFullTest skipped: mount refused: " + mount.output);
    assumeTrue(mount.exit == 0, "mount of a small tmpfs refused: " + mount.output);
    mounted = true;
  }

  @AfterEach
  void unmount() throws Exception {
    if (!mounted) return;
    Result umount = run("umount", mountPoint.toString());
    if (umount.exit != 0) umount = run("umount", "-l", mountPoint.toString());
    assertEquals(0, umount.exit, "umount " + mountPoint + ": " + umount.output);
  }

  /**
   * With 64 MiB segments the disk fills inside a record's write (a partial write the WAL must cut off); with
   * 32 KiB segments it fills when a roll creates the next segment.
   */
  @ParameterizedTest(name = "segments of {0} bytes")
  @ValueSource(longs = {64L << 20, 32 << 10})
  void appendsFailCleanlyWhenTheDiskIsFullAndWorkAgainOnceSpaceReturns(long segmentBytes) throws IOException {
    Path filler = mountPoint.resolve("filler");
    Files.write(filler, new byte[64 * 1024]);
    WalConfig config = WalConfig.of(mountPoint.resolve("wal")).withSegmentBytes(segmentBytes);
    List<String> acknowledged = new ArrayList<>();
    IOException full = null;
    int n = 0;
    try (Wal wal = Wal.open(config, (id, payload) -> { })) {
      while (full == null && n < 10_000) {
        byte[] r = record(n++, 700 + (n * 37) % 3000);
        try {
          wal.append(r);
          acknowledged.add(text(r));
        } catch (IOException e) {
          full = e;
        }
      }
      assertNotNull(full, "the 256 KiB disk filled up");
      assertTrue(full.getMessage().contains("No space left on device"), full.getMessage());
      String where = segmentBytes > 256 * 1024 ? "WAL append to " : "cannot create WAL segment ";
      assertTrue(full.getMessage().startsWith(where), full.getMessage());
      assertTrue(acknowledged.size() > 10, "a good part of the disk took records first: " + acknowledged.size());

      // Still full: further appends may fail or, if small enough for the space left, succeed.
      int failures = 1;
      for (int i = 0; i < 5; i++) {
        byte[] r = record(n++, 200 + i * 900);
        try {
          wal.append(r);
          acknowledged.add(text(r));
        } catch (IOException e) {
          failures++;
          assertTrue(e.getMessage().contains("No space left on device"), e.getMessage());
        }
      }
      assertEquals(failures, wal.stats().appendFailures());

      Files.delete(filler);
      for (int i = 0; i < 10; i++) {
        byte[] r = record(n++, 500);
        wal.append(r);
        acknowledged.add(text(r));
      }
      assertEquals(acknowledged.size(), wal.stats().recordsAppended());
    }

    WalTesting.Replayed replayed = new WalTesting.Replayed();
    try (Wal wal = Wal.open(config, replayed)) {
      assertEquals(acknowledged, replayed.records, "every acknowledged record, intact and in order");
      assertEquals(0, wal.stats().replayTornTails(), "failed appends left no partial frame");
      assertEquals(0, wal.stats().replayCorruptFrames());
      assertEquals(0, wal.stats().replayBytesSkipped());
    }
  }

  private record Result(int exit, String output) {}

  private static Result run(String... command) throws Exception {
    Process p;
    try {
      p = new ProcessBuilder(command).redirectErrorStream(true).start();
    } catch (IOException e) {
      return new Result(-1, e.getMessage());
    }
    String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
    return new Result(p.waitFor(), output);
  }
}
