package dev.ariadne.server.receiver;

import dev.ariadne.model.Span;
import java.util.List;

/**
 * Where receivers hand decoded spans. Returning normally means the next stage owns them and the
 * receiver may acknowledge its client; an exception means they were not taken.
 */
@FunctionalInterface
public interface SpanConsumer {
  void consume(List<Span> spans);
}
