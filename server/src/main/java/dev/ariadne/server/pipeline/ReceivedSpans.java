package dev.ariadne.server.pipeline;

import dev.ariadne.model.Span;
import java.util.AbstractList;
import java.util.List;
import java.util.RandomAccess;

/**
 * A receiver's batch as it enters a pipeline, carrying the OTLP request it was decoded from. Stages
 * that leave a batch untouched (memory limiter, fan-out) pass this very list on; any stage that changes
 * or regroups spans makes a new list. So when the {@code ariadne} exporter is handed a
 * {@code ReceivedSpans}, its spans are exactly the request's, and the store may keep the request's own
 * bytes instead of encoding them again.
 */
public final class ReceivedSpans extends AbstractList<Span> implements RandomAccess {
  private final List<Span> spans;
  private final byte[] otlpProto;

  /** @param otlpProto the OTLP protobuf request, or null when the spans came in another form */
  public ReceivedSpans(List<Span> spans, byte[] otlpProto) {
    this.spans = List.copyOf(spans);
    this.otlpProto = otlpProto;
  }

  /** The OTLP request these spans were decoded from, or null. */
  public byte[] otlpProto() {
    return otlpProto;
  }

  @Override
  public Span get(int index) {
    return spans.get(index);
  }

  @Override
  public int size() {
    return spans.size();
  }
}
