package dev.ariadne.store.local;

import dev.ariadne.model.Span;
import dev.ariadne.model.SpanKind;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Drops repeated copies of a span from a trace assembled from several places (head, blocks, a WAL
 * replayed after its spans reached a block). Two spans are the same span when span id, kind and service
 * agree: at-least-once senders resend whole spans, while Zipkin's shared client and server spans
 * legitimately carry one span id with different kinds.
 */
final class SpanDeduplicator {
  private record Identity(long spanId, SpanKind kind, String service) {}

  private SpanDeduplicator() {}

  /** The spans with later copies removed, first copies in their order. */
  static List<Span> distinct(List<Span> spans) {
    Set<Identity> seen = new HashSet<>(spans.size() * 2);
    List<Span> out = new ArrayList<>(spans.size());
    for (Span span : spans) {
      if (seen.add(new Identity(span.spanId(), span.kind(), span.serviceName()))) out.add(span);
    }
    return out;
  }
}
