package dev.ariadne.server.fidelity;

import java.util.HashMap;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * What a client actually sent for a {@link ShopTrace}: the ids it chose, and what it added on its own
 * (the Jaeger client's process tags and sampler tags), read back from the client's objects.
 *
 * @param traceFlags the flags the client sent in its own terms: W3C trace flags for OTel (1 sampled,
 *     2 random trace id), Jaeger's flags for Jaeger (1 sampled, 2 debug), 0 for Zipkin, which has none
 * @param spanIds span id per span key
 * @param clientResource per service name, resource attributes the client added (raw, before any mapping)
 * @param clientAttributes per span key, span attributes the client added
 */
record SentTrace(ShopTrace spec, long traceIdHigh, long traceIdLow, int traceFlags, Map<String, Long> spanIds,
    Map<String, Map<String, Object>> clientResource, Map<String, Map<String, Object>> clientAttributes) {

  /** For clients that take the ids they are given: a 128- or 64-bit trace id and span ids drawn from {@code seed}. */
  static SentTrace withChosenIds(ShopTrace spec, int traceFlags, long seed, boolean traceId128) {
    SplittableRandom random = new SplittableRandom(seed);
    Map<String, Long> ids = new HashMap<>();
    for (ShopTrace.SpecSpan s : spec.spans()) ids.put(s.key(), random.nextLong() | 1);
    long high = traceId128 ? random.nextLong() | 1L << 60 : 0;
    return new SentTrace(spec, high, random.nextLong() | 1, traceFlags, ids, Map.of(), Map.of());
  }

  long spanId(String key) {
    return spanIds.get(key);
  }

  String traceIdHex() {
    return String.format("%016x%016x", traceIdHigh, traceIdLow);
  }

  /** The trace id as Jaeger and Zipkin print it: 16 hex digits when its high half is zero, else 32. */
  String shortTraceIdHex() {
    return shortTraceIdHex(traceIdHex());
  }

  static String shortTraceIdHex(String hex32) {
    return hex32.startsWith("0000000000000000") ? hex32.substring(16) : hex32;
  }

  static String hex(long spanId) {
    return String.format("%016x", spanId);
  }
}
