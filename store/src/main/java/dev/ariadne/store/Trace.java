package dev.ariadne.store;

import dev.ariadne.model.Span;
import dev.ariadne.model.TraceId;
import java.util.List;

/** The spans of one trace that a store holds, in arrival order. */
public record Trace(TraceId traceId, List<Span> spans) {
  public Trace {
    spans = List.copyOf(spans);
  }

  public boolean isEmpty() {
    return spans.isEmpty();
  }
}
