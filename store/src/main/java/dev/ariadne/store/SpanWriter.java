package dev.ariadne.store;

import dev.ariadne.model.Span;
import java.util.List;

/** The write side of a store. */
public interface SpanWriter {
  /**
   * Appends a batch. When this returns the store owns the spans: a receiver acknowledges its client
   * only after this call.
   */
  void append(List<Span> spans);

  /**
   * Appends a batch that arrived as the OTLP protobuf request {@code otlpProto} (an
   * ExportTraceServiceRequest whose decoding gives exactly these spans). A store that persists batches
   * may keep those bytes instead of encoding the spans again; the others ignore them.
   */
  default void append(List<Span> spans, byte[] otlpProto) {
    append(spans);
  }
}
