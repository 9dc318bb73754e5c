package dev.ariadne.codec.zipkin;

import dev.ariadne.model.Attributes;
import dev.ariadne.model.Hex;
import dev.ariadne.model.SpanId;
import dev.ariadne.model.SpanLink;
import dev.ariadne.model.TraceId;
import java.util.Arrays;

/**
 * A span link as the value of an otlp.link.N tag, the collector's way:
 * "traceId|spanId|traceState|{attributes as JSON}|droppedAttributesCount", ids in full-length hex
 * and empty when zero.
 */
final class LinkTag {
  private LinkTag() {}

  static String of(SpanLink link) {
    TraceId traceId = link.traceId();
    String trace = traceId.isValid() ? traceId.toHex() : "";
    String span = link.spanId() != 0 ? SpanId.toHex(link.spanId()) : "";
    return trace + '|' + span + '|' + link.traceState() + '|' + AttributesJson.write(link.attributes()) + '|'
        + Integer.toUnsignedString(link.droppedAttributesCount());
  }

  /** The link a tag value describes, or null when it is not in that form. Link flags are not carried. */
  static SpanLink parse(String value) {
    String[] parts = value.split("\\|", -1);
    if (parts.length < 5) return null;
    String trace = parts[0];
    String span = parts[1];
    if (!isHex(trace, 32) || !isHex(span, 16)) return null;
    String json = String.join("|", Arrays.asList(parts).subList(3, parts.length - 1));
    Attributes attributes = AttributesJson.parseObject(json);
    Integer dropped = AnnotationValue.unsignedInt(parts[parts.length - 1]);
    if (attributes == null || dropped == null) return null;
    TraceId traceId = trace.isEmpty() ? new TraceId(0, 0) : TraceId.parse(trace);
    long spanId = span.isEmpty() ? 0 : SpanId.parse(span);
    return new SpanLink(traceId.high(), traceId.low(), spanId, parts[2], attributes, dropped, 0);
  }

  /** Empty, or exactly {@code length} hex digits. */
  private static boolean isHex(String s, int length) {
    if (s.isEmpty()) return true;
    if (s.length() != length) return false;
    try {
      Hex.toLong(s, 0);
      if (length == 32) Hex.toLong(s, 16);
      return true;
    } catch (IllegalArgumentException e) {
      return false;
    }
  }
}
