package dev.ariadne.codec.zipkin;

import dev.ariadne.codec.otlp.DecodedSpans;
import dev.ariadne.model.Span;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import zipkin2.Annotation;
import zipkin2.SpanBytesDecoderDetector;
import zipkin2.codec.BytesDecoder;
import zipkin2.codec.SpanBytesDecoder;

/**
 * Decodes a Zipkin span list (JSON v1, JSON v2 or proto3) with Zipkin's own library, checks each span
 * and maps the valid ones into the model. The library refuses a whole body it cannot read, including a
 * trace id that is all zeros; spans it reads but the model cannot hold (a zero span id, times past
 * the nanosecond range) are rejected one by one with a reason.
 */
public final class ZipkinDecoder {
  private static final int MAX_REASONS = 5;
  /** The largest µs timestamp whose nanoseconds fit in a long (year 2262). */
  private static final long MAX_MICROS = Long.MAX_VALUE / 1_000;
  private static final String ZERO_ID = "0000000000000000";

  private ZipkinDecoder() {}

  /**
   * @throws ZipkinFormatException if the body is not a list of spans in {@code format}
   */
  public static DecodedSpans decode(SpanBytesDecoder format, byte[] body) throws ZipkinFormatException {
    if (body.length == 0) return DecodedSpans.allOf(List.of());
    checkEncoding(format, body);
    List<zipkin2.Span> decoded;
    try {
      decoded = format.decodeList(body);
    } catch (RuntimeException e) {
      throw new ZipkinFormatException("malformed " + format + " span list: " + e.getMessage());
    }
    ZipkinToModel mapper = new ZipkinToModel();
    List<Span> spans = new ArrayList<>(decoded.size());
    List<String> reasons = new ArrayList<>();
    long rejected = 0;
    for (int i = 0; i < decoded.size(); i++) {
      zipkin2.Span z = decoded.get(i);
      String reason = invalidReason(z);
      if (reason == null) {
        spans.add(mapper.toModel(z));
        continue;
      }
      rejected++;
      if (reasons.size() < MAX_REASONS) reasons.add("spans[" + i + "] (id " + z.id() + "): " + reason);
    }
    return new DecodedSpans(spans, rejected, message(rejected, reasons));
  }

  private static String invalidReason(zipkin2.Span z) {
    if (z.id().equals(ZERO_ID)) return "id must not be all zeros";
    long timestamp = z.timestampAsLong();
    if (timestamp > MAX_MICROS || z.durationAsLong() > MAX_MICROS - timestamp) {
      return "timestamp + duration must be at most " + MAX_MICROS + " µs since the epoch";
    }
    for (Annotation a : z.annotations()) {
      if (a.timestamp() > MAX_MICROS) return "annotation timestamp must be at most " + MAX_MICROS + " µs";
    }
    return null;
  }

  private static String message(long rejected, List<String> reasons) {
    if (rejected == 0) return "";
    String joined = String.join("; ", reasons);
    return rejected > reasons.size()
        ? "rejected " + rejected + " spans: " + joined + "; and " + (rejected - reasons.size()) + " more"
        : "rejected " + rejected + " span" + (rejected == 1 ? "" : "s") + ": " + joined;
  }

  /**
   * Refuses, with a message saying what arrived, a body in another encoding than the one its path and
   * content type promise, as Zipkin's collector does: proto3 for JSON and back, and v1 JSON for v2.
   */
  private static void checkEncoding(SpanBytesDecoder format, byte[] body) throws ZipkinFormatException {
    BytesDecoder<zipkin2.Span> detected;
    try {
      detected = SpanBytesDecoderDetector.decoderForListMessage(body);
    } catch (RuntimeException e) {
      throw new ZipkinFormatException("expected a " + format + " encoded list of spans: " + e.getMessage());
    }
    boolean expectJson = format != SpanBytesDecoder.PROTO3;
    boolean isJson = detected == SpanBytesDecoder.JSON_V1 || detected == SpanBytesDecoder.JSON_V2;
    String received = null;
    if (expectJson != isJson) {
      received = detected.toString();
    } else if (format == SpanBytesDecoder.JSON_V2 && contains(body, "yAnnotations\"")) {
      received = "JSON_V1 (it has binaryAnnotations)";
    } else if (format == SpanBytesDecoder.JSON_V1 && (contains(body, "Endpoint\"") || contains(body, "\"tags\""))) {
      received = "JSON_V2 (it has localEndpoint, remoteEndpoint or tags)";
    }
    if (received != null) {
      throw new ZipkinFormatException("expected a " + format + " encoded list of spans, but received " + received);
    }
  }

  private static boolean contains(byte[] body, String ascii) {
    byte[] needle = ascii.getBytes(StandardCharsets.US_ASCII);
    outer:
    for (int i = 0; i <= body.length - needle.length; i++) {
      for (int j = 0; j < needle.length; j++) {
        if (body[i + j] != needle[j]) continue outer;
      }
      return true;
    }
    return false;
  }
}
