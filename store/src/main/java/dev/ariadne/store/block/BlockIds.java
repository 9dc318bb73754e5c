package dev.ariadne.store.block;

import java.security.SecureRandom;

/**
 * Block ids in ULID form: 26 Crockford base-32 characters, 48 bits of milliseconds then 80 random bits,
 * so ids sort by creation time as strings and do not collide across restarts or processes. Within one
 * process ids are strictly increasing even within a millisecond.
 */
public final class BlockIds {
  private static final char[] ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ".toCharArray();
  private static final SecureRandom RANDOM = new SecureRandom();
  private static long lastMillis;
  private static long randomHigh;  // 16 bits
  private static long randomLow;   // 64 bits

  private BlockIds() {}

  public static synchronized String next() {
    long millis = Math.max(System.currentTimeMillis(), lastMillis);
    if (millis == lastMillis) {
      randomLow++;
      if (randomLow == 0) randomHigh = (randomHigh + 1) & 0xFFFF;
      if (randomLow == 0 && randomHigh == 0) millis++;  // 2^80 ids in one millisecond: borrow the next
    } else {
      randomHigh = RANDOM.nextInt(1 << 16);
      randomLow = RANDOM.nextLong();
    }
    lastMillis = millis;
    char[] out = new char[26];
    // 128 bits = 48 time + 80 random, written as 26 groups of 5 bits (the first group has 3).
    long hi = (millis << 16) | randomHigh;  // top 64 bits
    long lo = randomLow;                    // bottom 64 bits
    for (int i = 25; i >= 0; i--) {
      out[i] = ALPHABET[(int) (lo & 31)];
      lo = (lo >>> 5) | (hi << 59);
      hi >>>= 5;
    }
    return new String(out);
  }

  /** Whether {@code id} can name a block: 1 to 64 letters, digits, '-' or '_'. */
  public static boolean isValid(String id) {
    return id != null && id.matches("[A-Za-z0-9_-]{1,64}");
  }
}
