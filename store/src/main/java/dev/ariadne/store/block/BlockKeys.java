package dev.ariadne.store.block;

/** The object keys of a block: all under "blocks/&lt;blockId&gt;/", the meta written last. */
final class BlockKeys {
  static final String ROOT = "blocks/";

  private BlockKeys() {}

  static String prefix(String blockId) {
    if (!BlockIds.isValid(blockId)) throw new IllegalArgumentException("invalid block id: '" + blockId + "'");
    return ROOT + blockId + "/";
  }

  static String meta(String blockId) {
    return prefix(blockId) + "meta";
  }

  static String index(String blockId) {
    return prefix(blockId) + "index";
  }

  static String bloom(String blockId) {
    return prefix(blockId) + "bloom";
  }

  static String part(String blockId, int part) {
    return prefix(blockId) + String.format("data-%05d", part);
  }
}
