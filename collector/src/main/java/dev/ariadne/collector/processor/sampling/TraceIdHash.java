package dev.ariadne.collector.processor.sampling;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * The Collector's two trace id hashes, FNV-1a over the trace id's 16 bytes (big-endian, as on the wire)
 * after a seed, so a decision depends only on the trace id and the seed: every collector with the same
 * seed keeps the same traces.
 */
public final class TraceIdHash {
  private static final int FNV32_OFFSET = 0x811c9dc5;
  private static final int FNV32_PRIME = 0x01000193;
  private static final long FNV64_OFFSET = 0xcbf29ce484222325L;
  private static final long FNV64_PRIME = 0x100000001b3L;

  private TraceIdHash() {}

  /** The probabilistic_sampler processor's hash: 32-bit FNV-1a of the seed's four little-endian bytes, then the id. */
  public static int fnv32a(int seed, long traceIdHigh, long traceIdLow) {
    int hash = FNV32_OFFSET;
    for (int i = 0; i < 4; i++) hash = (hash ^ ((seed >>> (8 * i)) & 0xff)) * FNV32_PRIME;
    for (byte b : idBytes(traceIdHigh, traceIdLow)) hash = (hash ^ (b & 0xff)) * FNV32_PRIME;
    return hash;
  }

  /** Tail sampling's probabilistic policy hash: 64-bit FNV-1a of the salt's UTF-8 bytes, then the id. */
  public static long fnv64a(String salt, long traceIdHigh, long traceIdLow) {
    long hash = FNV64_OFFSET;
    for (byte b : salt.getBytes(StandardCharsets.UTF_8)) hash = (hash ^ (b & 0xff)) * FNV64_PRIME;
    for (byte b : idBytes(traceIdHigh, traceIdLow)) hash = (hash ^ (b & 0xff)) * FNV64_PRIME;
    return hash;
  }

  private static byte[] idBytes(long high, long low) {
    return ByteBuffer.allocate(16).putLong(high).putLong(low).array();
  }
}
