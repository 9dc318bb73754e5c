package dev.ariadne.codec.jaeger;

import dev.ariadne.model.Attributes;
import java.util.List;

/**
 * A span as Jaeger's two wire formats (thrift and api_v2 protobuf) both carry it, with typed tag values:
 * the common ground that {@link JaegerToModel} and {@link ModelToJaeger} work on, so the mapping rules
 * are written once for both formats. Times are nanoseconds (thrift's microseconds times 1000).
 *
 * @param parentSpanId thrift's parentSpanId field; 0 where the format has only references (protobuf)
 * @param flags Jaeger's flags: 1 sampled, 2 debug
 * @param tags in wire order, duplicates kept; values are String, Boolean, Long, Double or Bytes
 */
public record JaegerSpan(
    long traceIdHigh,
    long traceIdLow,
    long spanId,
    long parentSpanId,
    String operationName,
    int flags,
    long startEpochNanos,
    long durationNanos,
    Attributes tags,
    List<Log> logs,
    List<Ref> references) {

  public static final int FLAG_SAMPLED = 1;

  public JaegerSpan {
    logs = List.copyOf(logs);
    references = List.copyOf(references);
  }

  /** A timestamped set of fields; the OTel convention keeps an event's name in the "event" field. */
  public record Log(long epochNanos, Attributes fields) {}

  public enum RefType { CHILD_OF, FOLLOWS_FROM }

  /** A reference to another span, maybe in another trace. */
  public record Ref(RefType type, long traceIdHigh, long traceIdLow, long spanId) {}
}
