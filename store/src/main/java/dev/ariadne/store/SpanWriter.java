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
}
