package dev.ariadne.server.receiver;

import dev.ariadne.model.Span;
import java.util.List;

/**
 * Where receivers hand decoded spans. Returning normally means the next stage owns them and the
 * receiver may acknowledge its client; an exception means they were not taken.
 */
@FunctionalInterface
public interface SpanConsumer {
  /**
   * Consumes spans; {@code otlpProto} is the OTLP protobuf request they were decoded from, which the
   * next stage may keep as it is (see {@code SpanWriter.append(List, byte[])}), or null when they came
   * in another form.
   */
  void consume(List<Span> spans, byte[] otlpProto);
}
