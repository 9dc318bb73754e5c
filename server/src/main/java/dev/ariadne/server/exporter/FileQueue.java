package dev.ariadne.server.exporter;

import dev.ariadne.codec.otlp.OtlpProtoDecoder;
import dev.ariadne.codec.otlp.OtlpProtoEncoder;
import dev.ariadne.model.Span;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A sending queue on disk (the {@code file_storage} extension): each batch is a file holding an OTLP
 * protobuf request, named by a sequence number so the oldest goes first. A batch's file is deleted only
 * once it was sent or dropped, so batches queued or being retried at shutdown or at a crash are sent
 * after the restart (at least once: one being sent when the process died may arrive twice).
 */
final class FileQueue implements SendingQueue {
  private static final Logger log = LoggerFactory.getLogger(FileQueue.class);
  private static final String SUFFIX = ".otlp";
  private static final String PARTIAL = ".partial";

  private final Path directory;
  private final int capacity;
  private final boolean fsync;
  private final Deque<Path> waiting = new ArrayDeque<>();
  private int queued;
  private long nextSequence;

  /** Opens the queue in {@code directory}, creating it, and takes up the batches a previous run left. */
  FileQueue(Path directory, int capacity, boolean fsync) {
    this.directory = directory;
    this.capacity = capacity;
    this.fsync = fsync;
    try {
      Files.createDirectories(directory);
      try (Stream<Path> files = Files.list(directory)) {
        for (Path file : files.sorted().toList()) {
          if (file.getFileName().toString().endsWith(SUFFIX)) {
            waiting.add(file);
          } else if (file.getFileName().toString().endsWith(PARTIAL)) {
            Files.delete(file); // a write cut short by a crash; its batch was never acknowledged
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot open the sending queue in " + directory, e);
    }
    queued = waiting.size();
    nextSequence = waiting.isEmpty() ? 0 : sequence(waiting.getLast()) + 1;
    if (queued > 0) log.info("sending queue {}: {} batches left by the previous run", directory, queued);
  }

  @Override
  public synchronized boolean offer(List<Span> spans) {
    if (queued >= capacity) return false;
    Path file = directory.resolve("%020d%s".formatted(nextSequence++, SUFFIX));
    Path partial = directory.resolve(file.getFileName() + PARTIAL);
    try {
      Files.write(partial, OtlpProtoEncoder.encode(spans).toByteArray());
      if (fsync) {
        try (FileChannel channel = FileChannel.open(partial, StandardOpenOption.WRITE)) {
          channel.force(true);
        }
      }
      Files.move(partial, file, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write to the sending queue in " + directory, e);
    }
    waiting.addLast(file);
    queued++;
    notifyAll();
    return true;
  }

  @Override
  public Taken poll(long timeout, TimeUnit unit) throws InterruptedException {
    Path file;
    synchronized (this) {
      long deadline = System.nanoTime() + unit.toNanos(timeout);
      while (waiting.isEmpty()) {
        long left = deadline - System.nanoTime();
        if (left <= 0) return null;
        TimeUnit.NANOSECONDS.timedWait(this, left);
      }
      file = waiting.removeFirst();
    }
    try {
      List<Span> spans = OtlpProtoDecoder.decode(Files.readAllBytes(file)).spans();
      return new Taken(spans, () -> remove(file));
    } catch (IOException e) {
      // Includes InvalidProtocolBufferException: a damaged file cannot be sent; keeping it would block nothing but disk.
      log.warn("sending queue {}: dropping unreadable batch {}: {}", directory, file.getFileName(), e.toString());
      remove(file);
      return null;
    }
  }

  private synchronized void remove(Path file) {
    try {
      Files.deleteIfExists(file);
    } catch (IOException e) {
      log.warn("sending queue {}: cannot delete {}: {}", directory, file.getFileName(), e.toString());
    }
    queued--;
  }

  @Override
  public synchronized int size() {
    return queued;
  }

  @Override
  public boolean persistent() {
    return true;
  }

  private static long sequence(Path file) {
    String name = file.getFileName().toString();
    return Long.parseLong(name.substring(0, name.length() - SUFFIX.length()));
  }
}
