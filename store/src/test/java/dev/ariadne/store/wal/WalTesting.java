package dev.ariadne.store.wal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** Shared helpers: distinguishable records, a replay collector, segment files. */
final class WalTesting {
  private WalTesting() {}

  /** A record that names its number and is padded to {@code size} bytes, so any mix-up shows. */
  static byte[] record(int n, int size) {
    StringBuilder s = new StringBuilder("record-").append(n).append(':');
    while (s.length() < size) s.append((char) ('a' + (s.length() + n) % 26));
    s.setLength(Math.max(size, s.indexOf(":") + 1));
    return s.toString().getBytes(StandardCharsets.US_ASCII);
  }

  static String text(byte[] payload) {
    return new String(payload, StandardCharsets.US_ASCII);
  }

  /** Collects replayed records as text, and the segment each came from. */
  static final class Replayed implements WalReplayHandler {
    final List<String> records = new ArrayList<>();
    final List<Long> segmentIds = new ArrayList<>();

    @Override
    public void record(long segmentId, byte[] payload) {
      records.add(text(payload));
      segmentIds.add(segmentId);
    }
  }

  static Replayed replay(WalConfig config) throws IOException {
    Replayed replayed = new Replayed();
    Wal.open(config, replayed).close();
    return replayed;
  }

  static List<Path> segmentFiles(Path dir) throws IOException {
    try (Stream<Path> files = Files.list(dir)) {
      return files.filter(p -> p.getFileName().toString().endsWith(".wal")).sorted().toList();
    }
  }

  static Path segmentFile(Path dir, long id) {
    return dir.resolve(WalFormat.segmentFileName(id));
  }

  static long totalBytes(List<Path> files) throws IOException {
    long total = 0;
    for (Path p : files) total += Files.size(p);
    return total;
  }
}
