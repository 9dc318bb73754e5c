package dev.ariadne.benchmarks;

import dev.ariadne.store.wal.FsyncPolicy;
import dev.ariadne.store.wal.Wal;
import dev.ariadne.store.wal.WalConfig;
import dev.ariadne.store.wal.WalStats;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * WAL append throughput of 2 KiB records (about one small OTLP batch) into a temp dir on the default file
 * system: fsync always from 1 and 8 threads (group commit shares fsyncs between the 8) and fsync never.
 * Each trial prints records per fsync. Old segments are deleted after every iteration, as the store does
 * after cutting a block, so the disk holds at most one iteration's worth.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1)
public class WalBenchmarks {
  private static final int RECORD_BYTES = 2048;

  /** An open WAL in a fresh temp dir; subclasses choose the fsync policy. */
  @State(Scope.Benchmark)
  public abstract static class OpenWal {
    Path dir;
    Wal wal;
    final byte[] record = new byte[RECORD_BYTES];

    abstract FsyncPolicy policy();

    @Setup(Level.Trial)
    public void open() throws IOException {
      new Random(1).nextBytes(record);
      dir = Files.createTempDirectory("ariadne-wal-bench");
      wal = Wal.open(WalConfig.of(dir).withFsync(policy()), (id, payload) -> { });
    }

    @TearDown(Level.Iteration)
    public void dropOldSegments() throws IOException {
      wal.deleteSegmentsBefore(wal.rollSegment());
    }

    @TearDown(Level.Trial)
    public void close() throws IOException {
      WalStats stats = wal.stats();
      System.err.printf("%n%s: %d records, %d fsyncs (%.1f records per fsync), mean fsync %.0f µs, max %.0f µs%n",
          policy(), stats.recordsAppended(), stats.fsyncs(),
          stats.recordsAppended() / (double) Math.max(1, stats.fsyncs()),
          stats.fsyncNanosTotal() / 1e3 / Math.max(1, stats.fsyncs()), stats.fsyncNanosMax() / 1e3);
      wal.close();
      try (Stream<Path> files = Files.walk(dir)) {
        for (Path p : files.sorted(Comparator.reverseOrder()).toList()) Files.delete(p);
      }
    }
  }

  public static class AlwaysWal extends OpenWal {
    @Override
    FsyncPolicy policy() {
      return FsyncPolicy.ALWAYS;
    }
  }

  public static class NeverWal extends OpenWal {
    @Override
    FsyncPolicy policy() {
      return FsyncPolicy.NEVER;
    }
  }

  @Benchmark
  @Threads(1)
  public long appendAlways1Thread(AlwaysWal state) throws IOException {
    return state.wal.append(state.record);
  }

  @Benchmark
  @Threads(8)
  public long appendAlways8Threads(AlwaysWal state) throws IOException {
    return state.wal.append(state.record);
  }

  @Benchmark
  @Threads(1)
  public long appendNever1Thread(NeverWal state) throws IOException {
    return state.wal.append(state.record);
  }
}
