package dev.ariadne.store.block;

/**
 * A bloom filter over 64-bit hashes: {@code k} probes by double hashing into a power-of-two bit array,
 * sized for a target false-positive rate. Used for the block's trace ids and each row group's tags.
 */
final class BloomFilter {
  private static final int MAX_BITS_LOG2 = 34;
  private final long[] words;
  private final int hashes;
  private final long mask;

  private BloomFilter(long[] words, int hashes) {
    this.words = words;
    this.hashes = hashes;
    this.mask = (long) words.length * 64 - 1;
  }

  /** A filter for {@code expected} entries at {@code bitsPerEntry} bits each (10 bits, 7 hashes: ~1%). */
  static BloomFilter create(int expected, int bitsPerEntry) {
    long bits = Math.max(64, Long.highestOneBit(Math.max(1L, (long) expected * bitsPerEntry) * 2 - 1));
    int hashes = Math.max(1, (int) Math.round(bitsPerEntry * Math.log(2)));
    return new BloomFilter(new long[(int) Math.min(bits / 64, 1 << (MAX_BITS_LOG2 - 6))], hashes);
  }

  void add(long hash) {
    long h1 = hash;
    long h2 = Long.rotateLeft(hash, 32) | 1;
    for (int i = 0; i < hashes; i++) {
      long bit = (h1 + i * h2) & mask;
      words[(int) (bit >>> 6)] |= 1L << bit;
    }
  }

  boolean mightContain(long hash) {
    long h1 = hash;
    long h2 = Long.rotateLeft(hash, 32) | 1;
    for (int i = 0; i < hashes; i++) {
      long bit = (h1 + i * h2) & mask;
      if ((words[(int) (bit >>> 6)] & (1L << bit)) == 0) return false;
    }
    return true;
  }

  void writeTo(ByteSink out) {
    out.writeByte(hashes);
    out.writeVarint(words.length);
    for (long w : words) out.writeFixed64(w);
  }

  static BloomFilter readFrom(ByteSource in) throws CorruptBlockException {
    int hashes = in.readByte();
    if (hashes < 1 || hashes > 30) throw in.corrupt("bloom filter with " + hashes + " hashes");
    int words = in.readCount(8, "bloom filter words");
    if (Integer.bitCount(words) != 1) throw in.corrupt("bloom filter of " + words + " words, not a power of two");
    long[] bits = new long[words];
    for (int i = 0; i < words; i++) bits[i] = in.readFixed64();
    return new BloomFilter(bits, hashes);
  }

  static long hash(long high, long low) {
    return mix(high * 0x9E3779B97F4A7C15L + mix(low));
  }

  /**
   * A 64-bit hash of a tag as the searches compare it: key and value text. The value's part is
   * {@link String#hashCode}, which strings cache (the block writer has mostly hashed the value already)
   * and the JDK computes vectorized; two values sharing it only cost a false positive. Block format 3.
   */
  static long hashTag(String key, String value) {
    return hashTag(hashTagKey(key), value);
  }

  /** The first half of {@link #hashTag(String, String)}, which writers compute once per key. */
  static long hashTagKey(String key) {
    long h = 0xcbf29ce484222325L;
    for (int i = 0; i < key.length(); i++) h = (h ^ key.charAt(i)) * 0x100000001b3L;
    return mix(h);
  }

  static long hashTag(long keyHash, String value) {
    return mix(keyHash + 0x9E3779B97F4A7C15L * (value.hashCode() + 1L));
  }

  /** splitmix64's finalizer: spreads every input bit over the whole word. */
  private static long mix(long z) {
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }
}
