package dev.ariadne.store.object;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Objects as files under a root directory, a key's '/' separators becoming subdirectories. Puts write a
 * temporary file, fsync it, rename it over the key and fsync the directory, so a crash leaves either the
 * old object or the new one, never a torn one. Temporary files (names ending {@value #TEMP_SUFFIX}) are
 * not listed. Keys that are absolute, empty, or contain "." / ".." segments are rejected, so no key
 * reaches outside the root.
 */
public final class FileSystemObjectStore implements ObjectStore {
  static final String TEMP_SUFFIX = ".tmp";
  private static final AtomicLong TEMP_COUNTER = new AtomicLong();

  private final Path root;

  /** Creates {@code root} if needed; an {@link UncheckedIOException} if it cannot be. */
  public FileSystemObjectStore(Path root) {
    try {
      this.root = Files.createDirectories(root).toAbsolutePath().normalize();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create the object store directory " + root, e);
    }
  }

  public Path root() {
    return root;
  }

  @Override
  public void put(String key, byte[] bytes) throws IOException {
    Path target = resolve(key);
    Path dir = Files.createDirectories(target.getParent());
    Path temp = dir.resolve(target.getFileName() + "." + ProcessHandle.current().pid() + "-"
        + TEMP_COUNTER.incrementAndGet() + TEMP_SUFFIX);
    try {
      try (FileChannel out = FileChannel.open(temp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
        ByteBuffer buffer = ByteBuffer.wrap(bytes);
        while (buffer.hasRemaining()) out.write(buffer);
        out.force(true);
      }
      try {
        Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        throw new IOException("the file system under " + root + " cannot rename atomically", e);
      }
    } finally {
      Files.deleteIfExists(temp);
    }
    syncDirectory(dir);
  }

  @Override
  public byte[] get(String key) throws IOException {
    return Files.readAllBytes(resolve(key));
  }

  @Override
  public byte[] getRange(String key, long offset, int length) throws IOException {
    Path file = resolve(key);
    try (FileChannel in = FileChannel.open(file, StandardOpenOption.READ)) {
      long size = in.size();
      if (offset < 0 || length < 0 || offset > size || length > size - offset) {
        throw new IOException("range [" + offset + ", +" + length + ") is outside object " + key
            + " of " + size + " bytes");
      }
      ByteBuffer buffer = ByteBuffer.allocate(length);
      while (buffer.hasRemaining()) {
        if (in.read(buffer, offset + buffer.position()) < 0) {
          throw new IOException("object " + key + " shrank while being read");
        }
      }
      return buffer.array();
    }
  }

  @Override
  public List<String> list(String prefix) throws IOException {
    List<String> keys = new ArrayList<>();
    // Walk only the deepest directory the prefix names fully, not the whole store.
    int slash = prefix.lastIndexOf('/');
    Path start = slash < 0 ? root : resolve(prefix.substring(0, slash));
    if (!Files.isDirectory(start)) return keys;
    Files.walkFileTree(start, new SimpleFileVisitor<>() {
      @Override
      public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
        String key = keyOf(file);
        if (key.startsWith(prefix) && !key.endsWith(TEMP_SUFFIX)) keys.add(key);
        return FileVisitResult.CONTINUE;
      }

      @Override
      public FileVisitResult visitFileFailed(Path file, IOException e) throws IOException {
        if (e instanceof NoSuchFileException) return FileVisitResult.CONTINUE;  // deleted meanwhile
        throw e;
      }
    });
    keys.sort(null);
    return keys;
  }

  @Override
  public void delete(String key) throws IOException {
    Path file = resolve(key);
    Files.deleteIfExists(file);
    // Drop directories the delete emptied, up to the root, so deleted blocks leave nothing behind.
    for (Path dir = file.getParent(); dir != null && !dir.equals(root); dir = dir.getParent()) {
      try {
        Files.delete(dir);
      } catch (IOException notEmptyOrGone) {
        break;
      }
    }
  }

  private String keyOf(Path file) {
    return root.relativize(file).toString().replace(file.getFileSystem().getSeparator(), "/");
  }

  /** The file for {@code key}, after checking the key cannot name anything outside the root. */
  private Path resolve(String key) {
    if (key.isEmpty() || key.startsWith("/") || key.contains("\\") || key.contains("\0")) {
      throw new IllegalArgumentException("invalid object key: '" + key + "'");
    }
    for (String segment : key.split("/", -1)) {
      if (segment.isEmpty() || segment.equals(".") || segment.equals("..")) {
        throw new IllegalArgumentException("invalid object key (empty, '.' or '..' segment): '" + key + "'");
      }
    }
    Path resolved = root.resolve(key).normalize();
    if (!resolved.startsWith(root) || resolved.equals(root)) {
      throw new IllegalArgumentException("object key escapes the store root: '" + key + "'");
    }
    return resolved;
  }

  private static void syncDirectory(Path dir) throws IOException {
    try (FileChannel channel = FileChannel.open(dir, StandardOpenOption.READ)) {
      channel.force(true);
    }
  }
}
