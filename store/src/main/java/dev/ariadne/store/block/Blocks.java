package dev.ariadne.store.block;

import dev.ariadne.store.object.ObjectStore;
import java.io.IOException;
import java.util.List;
import java.util.TreeSet;

/** The blocks in an object store: complete ones (with a meta), crash leftovers, and deletion. */
public final class Blocks {
  private Blocks() {}

  /** Ids of complete blocks (those with a meta), oldest first (ids sort by creation time). */
  public static List<String> list(ObjectStore store) throws IOException {
    TreeSet<String> ids = new TreeSet<>();
    for (String key : store.list(BlockKeys.ROOT)) {
      String rest = key.substring(BlockKeys.ROOT.length());
      int slash = rest.indexOf('/');
      if (slash > 0 && rest.substring(slash + 1).equals("meta")) ids.add(rest.substring(0, slash));
    }
    return List.copyOf(ids);
  }

  /**
   * Ids of blocks with objects but no meta: writes or deletes a crash interrupted, or a write still in
   * progress, so delete them only when no writer runs (at start-up).
   */
  public static List<String> incomplete(ObjectStore store) throws IOException {
    TreeSet<String> ids = new TreeSet<>();
    for (String key : store.list(BlockKeys.ROOT)) {
      String rest = key.substring(BlockKeys.ROOT.length());
      int slash = rest.indexOf('/');
      if (slash > 0) ids.add(rest.substring(0, slash));
    }
    ids.removeAll(list(store));
    return List.copyOf(ids);
  }

  /** Deletes the block, meta first, so a half-deleted block is never read as complete. */
  public static void delete(ObjectStore store, String blockId) throws IOException {
    store.delete(BlockKeys.meta(blockId));
    for (String key : store.list(BlockKeys.prefix(blockId))) store.delete(key);
  }
}
