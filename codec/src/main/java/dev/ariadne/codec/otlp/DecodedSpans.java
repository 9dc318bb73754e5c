package dev.ariadne.codec.otlp;

import dev.ariadne.model.Span;
import java.util.List;

/**
 * What a receiver decoded from one request: the valid spans, and how many were rejected and why, which
 * becomes OTLP's partial_success (rejected_spans, error_message).
 */
public record DecodedSpans(List<Span> spans, long rejected, String errorMessage) {
  public DecodedSpans {
    spans = List.copyOf(spans);
  }

  public static DecodedSpans allOf(List<Span> spans) {
    return new DecodedSpans(spans, 0, "");
  }
}
