package dev.ariadne.store.block;

import dev.ariadne.model.Attributes;
import dev.ariadne.model.InstrumentationScope;
import dev.ariadne.model.Span;
import dev.ariadne.model.SpanEvent;
import dev.ariadne.model.SpanLink;
import java.util.ArrayList;
import java.util.List;

/** Turns a row group's decoded core and its IDS, EXTRA, ATTR_KEYS and ATTR_VALUES chunks back into spans. */
final class RowGroupDecoder {
  private RowGroupDecoder() {}

  /** Every span of the row group, in stored order (trace by trace). */
  static Span[] decode(RowGroupCore core, ByteSource ids, ByteSource extra, ByteSource attributeKeys,
      KeyValues[] values, long[] traceHigh, long[] traceLow, int firstTrace, String[] dictionary)
      throws CorruptBlockException {
    int n = core.spanCount;
    if ((long) n * 8 > ids.remaining()) throw ids.corrupt(n + " span ids cannot fit in " + ids.remaining() + " bytes");
    long[] spanIds = new long[n];
    for (int s = 0; s < n; s++) spanIds[s] = ids.readFixed64();
    Span[] spans = new Span[n];
    for (int t = 0; t < core.traceCount; t++) {
      int from = core.traceFirstSpan[t];
      int to = core.traceFirstSpan[t + 1];
      for (int s = from; s < to; s++) {
        long parent = readParent(ids, spanIds, from, to);
        Attributes attributes = readAttributes(s, attributeKeys, values, dictionary);
        spans[s] = readSpan(core, s, extra, dictionary, traceHigh[firstTrace + t], traceLow[firstTrace + t],
            spanIds[s], parent, attributes);
      }
    }
    if (ids.hasRemaining() || extra.hasRemaining() || attributeKeys.hasRemaining()) {
      ByteSource left = ids.hasRemaining() ? ids : extra.hasRemaining() ? extra : attributeKeys;
      throw left.corrupt("bytes left after the last span");
    }
    for (KeyValues key : values) key.checkConsumed();
    return spans;
  }

  /**
   * The spans {@code [from, to)} of the row group, for a trace lookup: the spans before are read past
   * without building them, the ones after are not read at all, so a lookup builds one trace's spans
   * rather than the row group's thousands. Checks what it reads; only a full {@link #decode} checks that
   * every byte of the chunks was used.
   */
  static Span[] decodeRange(RowGroupCore core, ByteSource ids, ByteSource extra, ByteSource attributeKeys,
      KeyValues[] values, long[] traceHigh, long[] traceLow, int firstTrace, String[] dictionary, int from, int to)
      throws CorruptBlockException {
    int n = core.spanCount;
    if ((long) n * 8 > ids.remaining()) throw ids.corrupt(n + " span ids cannot fit in " + ids.remaining() + " bytes");
    long[] spanIds = new long[n];
    for (int s = 0; s < n; s++) spanIds[s] = ids.readFixed64();
    Span[] spans = new Span[to - from];
    for (int t = 0; t < core.traceCount && core.traceFirstSpan[t] < to; t++) {
      int traceFrom = core.traceFirstSpan[t];
      int traceTo = core.traceFirstSpan[t + 1];
      for (int s = traceFrom; s < traceTo && s < to; s++) {
        long parent = readParent(ids, spanIds, traceFrom, traceTo);
        if (s < from) {
          skipAttributes(s, attributeKeys, values);
          skipExtra(extra, dictionary);
        } else {
          Attributes attributes = readAttributes(s, attributeKeys, values, dictionary);
          spans[s - from] = readSpan(core, s, extra, dictionary, traceHigh[firstTrace + t], traceLow[firstTrace + t],
              spanIds[s], parent, attributes);
        }
      }
    }
    return spans;
  }

  private static void skipAttributes(int span, ByteSource keys, KeyValues[] values) throws CorruptBlockException {
    int count = keys.readCount(1, "attributes");
    for (int i = 0; i < count; i++) values[keys.readInt(values.length - 1, "attribute key position")].next(span);
  }

  /** Reads past one span's EXTRA entry, building only its events' and links' attributes (rare). */
  private static void skipExtra(ByteSource in, String[] dictionary) throws CorruptBlockException {
    in.readVarint();  // scope
    in.skipString();  // trace state
    in.readVarint();  // flags
    in.readVarint();  // dropped attributes
    int eventCount = in.readCount(3, "events");
    for (int i = 0; i < eventCount; i++) {
      in.readZigzag();
      in.readInt(dictionary.length - 1, "event name id");
      AttributeCodec.read(in, dictionary);
      in.readVarint();
    }
    in.readVarint();  // dropped events
    int linkCount = in.readCount(28, "links");
    for (int i = 0; i < linkCount; i++) {
      in.skip(24);  // trace id, span id
      in.skipString();
      AttributeCodec.read(in, dictionary);
      in.readVarint();
      in.readVarint();
    }
    in.readVarint();  // dropped links
    in.skipString();  // status message
  }

  /** Span {@code span}'s attributes: its keys in order from ATTR_KEYS, each value from its key's frame. */
  private static Attributes readAttributes(int span, ByteSource keys, KeyValues[] values, String[] dictionary)
      throws CorruptBlockException {
    int count = keys.readCount(1, "attributes");
    if (count == 0) return Attributes.EMPTY;
    Attributes.Builder b = Attributes.builder(count);
    for (int i = 0; i < count; i++) {
      KeyValues key = values[keys.readInt(values.length - 1, "attribute key position")];
      b.put(dictionary[key.keyId], key.next(span));
    }
    return b.build();
  }

  private static long readParent(ByteSource ids, long[] spanIds, int from, int to) throws CorruptBlockException {
    long code = ids.readVarint();
    if (code == 0) return 0;
    if (code == 1) return ids.readFixed64();
    if (code - 2 >= to - from || code < 0) throw ids.corrupt("parent index " + (code - 2) + " outside its trace");
    return spanIds[from + (int) (code - 2)];
  }

  private static Span readSpan(RowGroupCore core, int s, ByteSource in, String[] dictionary, long traceHigh,
      long traceLow, long spanId, long parent, Attributes attributes) throws CorruptBlockException {
    InstrumentationScope scope = core.scopes.get(in, (int) Math.min(in.readVarint(), Integer.MAX_VALUE));
    String traceState = in.readString();
    int flags = (int) in.readVarint();
    int droppedAttributes = (int) in.readVarint();
    long start = core.start[s];
    int eventCount = in.readCount(3, "events");
    List<SpanEvent> events = new ArrayList<>(eventCount);
    for (int i = 0; i < eventCount; i++) {
      long time = start + in.readZigzag();
      String name = dictionary[in.readInt(dictionary.length - 1, "event name id")];
      Attributes eventAttributes = AttributeCodec.read(in, dictionary);
      events.add(new SpanEvent(time, name, eventAttributes, (int) in.readVarint()));
    }
    int droppedEvents = (int) in.readVarint();
    int linkCount = in.readCount(28, "links");
    List<SpanLink> links = new ArrayList<>(linkCount);
    for (int i = 0; i < linkCount; i++) {
      long high = in.readFixed64();
      long low = in.readFixed64();
      long linkedSpan = in.readFixed64();
      String linkState = in.readString();
      Attributes linkAttributes = AttributeCodec.read(in, dictionary);
      int dropped = (int) in.readVarint();
      links.add(new SpanLink(high, low, linkedSpan, linkState, linkAttributes, dropped, (int) in.readVarint()));
    }
    int droppedLinks = (int) in.readVarint();
    String statusMessage = in.readString();
    return new Span(core.resources[core.resource[s]], scope, traceHigh, traceLow, spanId, parent, traceState,
        flags, dictionary[core.name[s]], core.kind(s), start, core.end[s], attributes, droppedAttributes, events,
        droppedEvents, links, droppedLinks, core.status(s), statusMessage);
  }
}
