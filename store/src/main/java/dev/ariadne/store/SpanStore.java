package dev.ariadne.store;

/** A store is a writer and a reader; closing it releases what it holds. */
public interface SpanStore extends SpanWriter, SpanReader, AutoCloseable {
  @Override
  void close();
}
