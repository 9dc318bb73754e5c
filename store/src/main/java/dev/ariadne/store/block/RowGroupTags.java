package dev.ariadne.store.block;

/**
 * A row group's TAGS column: the bloom filter of its (tag, value) pairs and the sorted dictionary ids of the
 * keys its event attributes use (a tag on another key cannot be satisfied by an event attribute there).
 */
record RowGroupTags(BloomFilter bloom, int[] eventKeyIds) {
  static RowGroupTags read(ByteSource in, int dictionarySize) throws CorruptBlockException {
    BloomFilter bloom = BloomFilter.readFrom(in);
    int count = in.readCount(1, "event attribute keys");
    int[] ids = new int[count];
    for (int i = 0; i < count; i++) ids[i] = in.readInt(dictionarySize - 1, "event attribute key id");
    if (in.hasRemaining()) throw in.corrupt("bytes after the event attribute keys");
    return new RowGroupTags(bloom, ids);
  }
}
