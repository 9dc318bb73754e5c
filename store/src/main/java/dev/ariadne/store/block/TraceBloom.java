package dev.ariadne.store.block;

/** The block's bloom filter over trace ids, its own object so opening a block reads it once. */
final class TraceBloom {
  static final int MAGIC = 0x4D4C4241;  // "ABLM"

  private final BloomFilter filter;

  private TraceBloom(BloomFilter filter) {
    this.filter = filter;
  }

  static TraceBloom decode(byte[] bytes, String where) throws CorruptBlockException {
    ByteSource in = new ByteSource(Frames.open(MAGIC, bytes, where), where);
    BloomFilter filter = BloomFilter.readFrom(in);
    if (in.hasRemaining()) throw in.corrupt("bytes after the bloom filter");
    return new TraceBloom(filter);
  }

  boolean mightContain(long high, long low) {
    return filter.mightContain(BloomFilter.hash(high, low));
  }
}
