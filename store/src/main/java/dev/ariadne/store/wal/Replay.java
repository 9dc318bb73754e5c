package dev.ariadne.store.wal;

import java.io.IOException;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.nio.channels.FileChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.OptionalLong;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Reads every segment in a WAL directory, oldest first, handing intact records to the handler. Damage is
 * never fatal: a torn tail of the newest segment is cut off (it was being written when the process died);
 * in an older segment the rest is skipped; a corrupt record of known extent is skipped alone; a file named
 * as a segment whose header is not one is skipped and left on disk. Each is counted and logged once with
 * file, offset and reason.
 */
final class Replay {
  private static final Logger LOG = System.getLogger(Wal.class.getName());

  /** What replay leaves: the segments the WAL owns (id to size in bytes) and the highest id in use. */
  record Result(SortedMap<Long, Long> segments, long maxId) {}

  private final WalStats stats;
  private final WalReplayHandler handler;

  Replay(WalStats stats, WalReplayHandler handler) {
    this.stats = stats;
    this.handler = handler;
  }

  Result run(Path dir) throws IOException {
    SortedMap<Long, Path> files = segmentFiles(dir);
    SortedMap<Long, Long> owned = new TreeMap<>();
    long newest = files.isEmpty() ? 0 : files.lastKey();
    for (var e : files.entrySet()) {
      OptionalLong size = replaySegment(e.getKey(), e.getValue(), e.getKey() == newest);
      if (size.isPresent()) {
        owned.put(e.getKey(), size.getAsLong());
        stats.segmentAdded(size.getAsLong());
      }
    }
    LOG.log(Level.INFO, "WAL {0}: replayed {1} records from {2} segments", dir, stats.replayRecords(),
        stats.replaySegments());
    return new Result(owned, newest);
  }

  static SortedMap<Long, Path> segmentFiles(Path dir) throws IOException {
    SortedMap<Long, Path> files = new TreeMap<>();
    try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir)) {
      for (Path p : entries) {
        OptionalLong id = WalFormat.segmentId(p);
        if (id.isPresent() && Files.isRegularFile(p)) files.put(id.getAsLong(), p);
      }
    }
    return files;
  }

  /** Replays one segment; returns its size afterwards, or empty if it is not a segment the WAL owns. */
  private OptionalLong replaySegment(long id, Path path, boolean newest) throws IOException {
    stats.replayedSegment();
    long keep;
    try (SegmentReader reader = SegmentReader.open(path)) {
      String notASegment = reader.readHeader();
      if (notASegment != null) {
        stats.skippedSegment();
        stats.skipped(reader.size());
        LOG.log(Level.WARNING, "WAL segment {0} skipped and left on disk: {1}", path, notASegment);
        return OptionalLong.empty();
      }
      keep = replayFrames(id, reader, newest);
    }
    if (keep < Files.size(path)) {
      long cut = Files.size(path) - keep;
      try (FileChannel ch = FileChannel.open(path, StandardOpenOption.WRITE)) {
        ch.truncate(keep);
        ch.force(true);
      }
      stats.truncated(cut);
    }
    return OptionalLong.of(Files.size(path));
  }

  /** Hands the intact records on; returns the length the file should keep (shorter only for a torn tail). */
  private long replayFrames(long id, SegmentReader reader, boolean newest) throws IOException {
    Path path = reader.path();
    while (true) {
      switch (reader.next()) {
        case SegmentReader.End end -> {
          return reader.size();
        }
        case SegmentReader.Intact record -> {
          handler.record(id, record.payload());
          stats.replayedRecord();
        }
        case SegmentReader.Corrupt corrupt -> {
          stats.corruptFrame();
          stats.skipped(corrupt.frameBytes());
          LOG.log(Level.WARNING, "WAL segment {0} offset {1}: {2}; skipped {3} bytes, replay goes on with the "
              + "next record", path, reader.frameStart(), corrupt.reason(), corrupt.frameBytes());
        }
        case SegmentReader.Damaged damaged -> {
          long at = reader.frameStart();
          long rest = reader.size() - at;
          if (damaged.tornTail()) stats.tornTail();
          else stats.corruptFrame();
          if (damaged.tornTail() && newest) {
            LOG.log(Level.WARNING, "WAL segment {0} offset {1}: torn tail ({2}); truncated {3} bytes", path, at,
                damaged.reason(), rest);
            return at;
          }
          stats.skipped(rest);
          LOG.log(Level.WARNING, "WAL segment {0} offset {1}: {2}; skipped the remaining {3} bytes of the "
              + "segment and left them on disk", path, at, damaged.reason(), rest);
          return reader.size();
        }
      }
    }
  }
}
