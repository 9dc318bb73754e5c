package dev.ariadne.store.object;

import java.io.IOException;
import java.util.List;

/**
 * A minimal object store: whole-object puts, whole and ranged gets, listing by prefix and deletes. Blocks
 * are written and read only through it, so a local directory and, later, S3 serve the same code. Keys are
 * '/'-separated relative paths.
 */
public interface ObjectStore {
  /** Stores {@code bytes} under {@code key}, replacing it; atomic: a reader sees all of it or nothing. */
  void put(String key, byte[] bytes) throws IOException;

  /** The whole object; {@link java.nio.file.NoSuchFileException} when absent. */
  byte[] get(String key) throws IOException;

  /**
   * {@code length} bytes from {@code offset}; an {@link IOException} naming the key and its size when the
   * range falls outside the object, {@link java.nio.file.NoSuchFileException} when absent.
   */
  byte[] getRange(String key, long offset, int length) throws IOException;

  /** The keys under {@code prefix} (a plain string prefix of the key), sorted. */
  List<String> list(String prefix) throws IOException;

  /** Removes the object; an absent key is fine. */
  void delete(String key) throws IOException;
}
