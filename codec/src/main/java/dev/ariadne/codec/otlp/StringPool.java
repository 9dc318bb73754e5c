package dev.ariadne.codec.otlp;

import java.util.concurrent.ConcurrentHashMap;

/**
 * Shares equal strings that recur across spans — attribute keys, span and scope names — so a store
 * holding millions of spans holds each such string once instead of once per span. Bounded: once full
 * it stops learning and hands back what it is given, so hostile, ever-new names cost nothing extra.
 */
final class StringPool {
  static final StringPool KEYS = new StringPool(100_000, 256);

  private final ConcurrentHashMap<String, String> pool = new ConcurrentHashMap<>();
  private final int maxEntries;
  private final int maxLength;

  StringPool(int maxEntries, int maxLength) {
    this.maxEntries = maxEntries;
    this.maxLength = maxLength;
  }

  String canonical(String s) {
    if (s.isEmpty() || s.length() > maxLength) return s;
    String known = pool.get(s);
    if (known != null) return known;
    if (pool.size() >= maxEntries) return s;
    known = pool.putIfAbsent(s, s);
    return known != null ? known : s;
  }
}
