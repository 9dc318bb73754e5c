package dev.ariadne.server.api.jaeger.grpc;

import static dev.ariadne.server.api.jaeger.grpc.GrpcCalls.invalidArgument;

import com.google.protobuf.Duration;
import com.google.protobuf.Timestamp;
import dev.ariadne.model.SpanKind;
import dev.ariadne.query.BadParameterException;
import dev.ariadne.query.JaegerV3Params;
import java.util.List;
import java.util.Map;

/**
 * Reads the fields of query requests, answering INVALID_ARGUMENT that names the field when a value cannot
 * be used: timestamps and durations outside protobuf's ranges or 64-bit nanoseconds, negative durations and
 * depths, unknown span kinds.
 */
final class ProtoArgs {
  /** protobuf's Timestamp range: 0001-01-01T00:00:00Z to 9999-12-31T23:59:59Z. */
  private static final long MIN_SECONDS = -62_135_596_800L;
  private static final long MAX_SECONDS = 253_402_300_799L;

  private ProtoArgs() {}

  /** Epoch nanoseconds, or 0 when the timestamp is absent or zero. */
  static long nanos(String field, boolean present, Timestamp t) {
    if (!present) return 0;
    if (t.getSeconds() < MIN_SECONDS || t.getSeconds() > MAX_SECONDS || t.getNanos() < 0 || t.getNanos() > 999_999_999) {
      throw invalidArgument(field + ": not a valid timestamp (seconds " + t.getSeconds() + ", nanos " + t.getNanos() + ")");
    }
    try {
      return Math.addExact(Math.multiplyExact(t.getSeconds(), 1_000_000_000L), t.getNanos());
    } catch (ArithmeticException e) {
      throw invalidArgument(field + ": timestamp out of range (seconds " + t.getSeconds() + ")");
    }
  }

  /** Nanoseconds, 0 when absent; negative durations are refused. */
  static long nanos(String field, boolean present, Duration d) {
    if (!present) return 0;
    if (d.getNanos() < -999_999_999 || d.getNanos() > 999_999_999
        || (d.getSeconds() > 0 && d.getNanos() < 0) || (d.getSeconds() < 0 && d.getNanos() > 0)) {
      throw invalidArgument(field + ": not a valid duration (seconds " + d.getSeconds() + ", nanos " + d.getNanos() + ")");
    }
    if (d.getSeconds() < 0 || d.getNanos() < 0) throw invalidArgument(field + ": must not be negative");
    try {
      return Math.addExact(Math.multiplyExact(d.getSeconds(), 1_000_000_000L), d.getNanos());
    } catch (ArithmeticException e) {
      throw invalidArgument(field + ": duration out of range (seconds " + d.getSeconds() + ")");
    }
  }

  static void durationOrder(String minField, long min, String maxField, long max) {
    if (min != 0 && max != 0 && max < min) throw invalidArgument(maxField + ": must be at least " + minField);
  }

  static int searchDepth(String field, int depth) {
    if (depth < 0) throw invalidArgument(field + ": must not be negative, got " + depth);
    return depth;
  }

  /** A span kind name, or null for "" (any kind). */
  static SpanKind spanKind(String field, String text) {
    if (text.isEmpty()) return null;
    try {
      return JaegerV3Params.spanKind(field, text);
    } catch (BadParameterException e) {
      throw invalidArgument(e.getMessage());
    }
  }

  /** A map field as the store's tag conditions. */
  static List<Map.Entry<String, String>> entries(Map<String, String> map) {
    return List.copyOf(map.entrySet());
  }
}
