package dev.ariadne.store.block;

import dev.ariadne.model.Span;
import dev.ariadne.model.SpanKind;
import dev.ariadne.model.TraceId;
import dev.ariadne.store.Trace;
import dev.ariadne.store.object.ObjectStore;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.PriorityQueue;
import java.util.Set;

/**
 * Merges blocks into one, k-way by trace id. Spans of a trace found in several inputs are joined, input
 * order first; duplicate spans (same trace, span id, kind and service: at-least-once senders resend, while
 * Zipkin's shared client/server spans legitimately reuse a span id with another kind) are removed, the
 * first seen kept. Streams: it holds one decoded row group per input and the output row group being built.
 */
public final class BlockCompactor {
  private BlockCompactor() {}

  /** Writes the merge of {@code inputs} as block {@code newBlockId} at {@code level}; inputs are left as they are. */
  public static BlockMeta compact(ObjectStore store, List<BlockReader> inputs, String newBlockId, int level)
      throws IOException {
    PriorityQueue<Head> heads = new PriorityQueue<>(
        Comparator.comparing((Head h) -> h.trace.traceId()).thenComparingInt(h -> h.input));
    List<BlockReader.TraceCursor> cursors = new ArrayList<>();
    for (int i = 0; i < inputs.size(); i++) {
      BlockReader.TraceCursor cursor = inputs.get(i).traces();
      cursors.add(cursor);
      if (cursor.hasNext()) heads.add(new Head(cursor.next(), i));
    }
    BlockWriter writer = new BlockWriter(store, newBlockId, level);
    while (!heads.isEmpty()) {
      TraceId id = heads.peek().trace.traceId();
      List<Span> spans = new ArrayList<>();
      Set<SpanKey> seen = new HashSet<>();
      while (!heads.isEmpty() && heads.peek().trace.traceId().equals(id)) {
        Head head = heads.poll();
        for (Span span : head.trace.spans()) {
          if (seen.add(new SpanKey(span.spanId(), span.kind(), span.serviceName()))) spans.add(span);
        }
        BlockReader.TraceCursor cursor = cursors.get(head.input);
        if (cursor.hasNext()) heads.add(new Head(cursor.next(), head.input));
      }
      writer.add(new Trace(id, spans));
    }
    return writer.finish();
  }

  private record Head(Trace trace, int input) {}

  /** What makes two spans of one trace the same span. */
  private record SpanKey(long spanId, SpanKind kind, String service) {}
}
