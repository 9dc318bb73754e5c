package dev.ariadne.codec.otlp;

import dev.ariadne.model.Span;
import java.util.List;

/**
 * What a receiver decoded from one request: the valid spans, and how many were rejected and why, which
 * becomes OTLP's partial_success (rejected_spans, error_message).
 *
 * <p>{@code otlpProto} is the OTLP protobuf request the spans were decoded from, or null when they came
 * from another format. Decoding it again gives the same spans and rejects the same ones, so a store may
 * keep those bytes as they are instead of encoding the spans again.
 */
public record DecodedSpans(List<Span> spans, long rejected, String errorMessage, byte[] otlpProto) {
  public DecodedSpans {
    spans = List.copyOf(spans);
  }

  public DecodedSpans(List<Span> spans, long rejected, String errorMessage) {
    this(spans, rejected, errorMessage, null);
  }

  public static DecodedSpans allOf(List<Span> spans) {
    return new DecodedSpans(spans, 0, "");
  }
}
