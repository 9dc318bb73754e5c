package dev.ariadne.collector;

import dev.ariadne.model.Span;
import java.util.ArrayList;
import java.util.List;

/** A consumer that keeps every batch it is given, or throws {@code failure} if one is set. */
public final class RecordingConsumer implements TracesConsumer {
  public final List<List<Span>> batches = new ArrayList<>();
  public RuntimeException failure;

  @Override
  public synchronized void consume(List<Span> spans) {
    if (failure != null) throw failure;
    batches.add(List.copyOf(spans));
  }

  public synchronized List<Span> spans() {
    return batches.stream().flatMap(List::stream).toList();
  }

  public synchronized List<String> names() {
    return spans().stream().map(Span::name).toList();
  }
}
