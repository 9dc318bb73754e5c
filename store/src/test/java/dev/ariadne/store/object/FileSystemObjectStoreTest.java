package dev.ariadne.store.object;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileSystemObjectStoreTest {
  @TempDir Path dir;

  @Test
  void putThenGetReturnsTheBytesAndPutReplaces() throws IOException {
    ObjectStore store = new FileSystemObjectStore(dir);
    store.put("a/b/c", bytes("first"));
    assertArrayEquals(bytes("first"), store.get("a/b/c"));
    store.put("a/b/c", bytes("second, longer"));
    assertArrayEquals(bytes("second, longer"), store.get("a/b/c"));
    store.put("empty", new byte[0]);
    assertArrayEquals(new byte[0], store.get("empty"));
  }

  @Test
  void readersSeeWholeObjectsWhileTheyAreReplaced() throws Exception {
    ObjectStore store = new FileSystemObjectStore(dir);
    byte[] small = new byte[10];
    byte[] large = new byte[1 << 20];
    java.util.Arrays.fill(large, (byte) 7);
    store.put("obj", small);
    AtomicBoolean stop = new AtomicBoolean();
    AtomicReference<String> torn = new AtomicReference<>();
    Thread reader = new Thread(() -> {
      while (!stop.get()) {
        try {
          byte[] seen = store.get("obj");
          if (!java.util.Arrays.equals(seen, small) && !java.util.Arrays.equals(seen, large)) {
            torn.set("read " + seen.length + " bytes");
          }
        } catch (IOException e) {
          torn.set(e.toString());
        }
      }
    });
    reader.start();
    for (int i = 0; i < 30; i++) store.put("obj", i % 2 == 0 ? large : small);
    stop.set(true);
    reader.join();
    assertEquals(null, torn.get());
    try (Stream<Path> files = Files.list(dir)) {
      assertEquals(List.of("obj"), files.map(p -> p.getFileName().toString()).toList(), "no temporary files left");
    }
  }

  @Test
  void getOfAnAbsentKeyIsNoSuchFile() {
    ObjectStore store = new FileSystemObjectStore(dir);
    assertThrows(NoSuchFileException.class, () -> store.get("missing"));
    assertThrows(NoSuchFileException.class, () -> store.getRange("missing", 0, 1));
  }

  @Test
  void rangedGetsReturnTheRangeAndRejectRangesOutsideTheObject() throws IOException {
    ObjectStore store = new FileSystemObjectStore(dir);
    store.put("r", bytes("0123456789"));
    assertArrayEquals(bytes("345"), store.getRange("r", 3, 3));
    assertArrayEquals(bytes("9"), store.getRange("r", 9, 1));
    assertArrayEquals(new byte[0], store.getRange("r", 10, 0));
    for (long[] range : new long[][] {{8, 3}, {11, 0}, {-1, 2}, {0, -1}, {Long.MAX_VALUE, 1}}) {
      IOException e = assertThrows(IOException.class, () -> store.getRange("r", range[0], (int) range[1]));
      assertTrue(e.getMessage().contains("outside object r of 10 bytes"), e.getMessage());
    }
  }

  @Test
  void listGivesKeysUnderThePrefixSorted() throws IOException {
    ObjectStore store = new FileSystemObjectStore(dir);
    for (String key : List.of("blocks/b/meta", "blocks/a/index", "blocks/a/meta", "blocks/ab/x", "other/y", "blocksz")) {
      store.put(key, bytes(key));
    }
    assertEquals(List.of("blocks/a/index", "blocks/a/meta", "blocks/ab/x", "blocks/b/meta"), store.list("blocks/"));
    assertEquals(List.of("blocks/a/index", "blocks/a/meta"), store.list("blocks/a/"));
    assertEquals(List.of("blocks/a/index", "blocks/a/meta", "blocks/ab/x"), store.list("blocks/a"));
    assertEquals(List.of("blocks/a/index", "blocks/a/meta", "blocks/ab/x", "blocks/b/meta", "blocksz"), store.list("blocks"));
    assertEquals(List.of(), store.list("nothing/"));
    assertEquals(6, store.list("").size());
  }

  @Test
  void deleteRemovesAndAbsentIsFine() throws IOException {
    ObjectStore store = new FileSystemObjectStore(dir);
    store.put("d/e/f", bytes("x"));
    store.delete("d/e/f");
    store.delete("d/e/f");
    store.delete("never/was");
    assertEquals(List.of(), store.list(""));
    assertTrue(!Files.exists(dir.resolve("d")), "emptied directories are removed");
  }

  @Test
  void keysThatCouldEscapeTheRootAreRejected() {
    ObjectStore store = new FileSystemObjectStore(dir.resolve("root"));
    for (String key : List.of("../x", "a/../../x", "/etc/passwd", "a//b", "", "a/./b", "a/", "..", "a\\..\\b", "a\0b")) {
      assertThrows(IllegalArgumentException.class, () -> store.put(key, bytes("x")), key);
      assertThrows(IllegalArgumentException.class, () -> store.get(key), key);
      assertThrows(IllegalArgumentException.class, () -> store.delete(key), key);
    }
    assertTrue(!Files.exists(dir.resolve("x")));
  }

  private static byte[] bytes(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }
}
