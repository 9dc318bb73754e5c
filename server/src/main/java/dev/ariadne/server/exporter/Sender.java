package dev.ariadne.server.exporter;

import dev.ariadne.model.Span;
import java.util.List;

/** One protocol's way of sending a batch to a remote endpoint, one attempt per call. */
interface Sender extends AutoCloseable {
  void send(List<Span> spans) throws SendFailure;

  @Override
  default void close() {}
}
