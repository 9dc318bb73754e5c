package dev.ariadne.store.block;

import dev.ariadne.model.Attributes;
import dev.ariadne.model.Resource;
import dev.ariadne.model.SpanKind;
import dev.ariadne.model.StatusCode;
import java.util.ArrayList;
import java.util.List;

/**
 * The RESOURCES and CORE columns of one row group, decoded into arrays: what every search condition but
 * tags is evaluated on, and the skeleton the other columns are read into.
 */
final class RowGroupCore {
  // values() copies its array on every call: once per span was half of a search's time.
  private static final int KINDS = SpanKind.values().length;
  private static final int STATUSES = StatusCode.values().length;

  final Resource[] resources;
  final String[] resourceServices;
  final ScopeTable scopes;
  final int traceCount;
  final int spanCount;
  /** Per trace: index of its first span, and one past its last at [traceCount]. */
  final int[] traceFirstSpan;
  final long[] traceStart;
  final int[] resource;
  final int[] name;
  final byte[] kindStatus;
  final long[] start;
  final long[] end;

  private RowGroupCore(Resource[] resources, ScopeTable scopes, int traceCount, int spanCount) {
    this.resources = resources;
    this.scopes = scopes;
    this.resourceServices = new String[resources.length];
    for (int i = 0; i < resources.length; i++) resourceServices[i] = resources[i].serviceName();
    this.traceCount = traceCount;
    this.spanCount = spanCount;
    this.traceFirstSpan = new int[traceCount + 1];
    this.traceStart = new long[traceCount];
    this.resource = new int[spanCount];
    this.name = new int[spanCount];
    this.kindStatus = new byte[spanCount];
    this.start = new long[spanCount];
    this.end = new long[spanCount];
  }

  SpanKind kind(int span) {
    int k = kindStatus[span] & 7;
    return SpanKind.fromWire(k);
  }

  StatusCode status(int span) {
    return StatusCode.fromWire((kindStatus[span] >> 3) & 3);
  }

  /** Decodes RESOURCES from {@code resourceChunk} and CORE from {@code coreChunk}, both already opened. */
  static RowGroupCore decode(ByteSource resourceChunk, ByteSource coreChunk, String[] dictionary,
      RowGroupStats stats) throws CorruptBlockException {
    int resourceCount = resourceChunk.readCount(4, "resources");
    Resource[] resources = new Resource[resourceCount];
    for (int i = 0; i < resourceCount; i++) resources[i] = readResource(resourceChunk, dictionary);
    ScopeTable scopes = ScopeTable.read(resourceChunk, dictionary);

    int traceCount = coreChunk.readInt(Integer.MAX_VALUE, "trace count");
    int spanCount = coreChunk.readInt(Integer.MAX_VALUE, "span count");
    if (traceCount != stats.traceCount() || spanCount != stats.spanCount()) {
      throw coreChunk.corrupt(traceCount + " traces and " + spanCount + " spans, the index says "
          + stats.traceCount() + " and " + stats.spanCount());
    }
    // Each span takes at least 5 bytes of CORE, each trace 9: check before allocating the arrays.
    if ((long) spanCount * 5 + (long) traceCount * 9 > coreChunk.remaining()) {
      throw coreChunk.corrupt(spanCount + " spans cannot fit in " + coreChunk.remaining() + " bytes");
    }
    RowGroupCore core = new RowGroupCore(resources, scopes, traceCount, spanCount);
    int first = 0;
    for (int t = 0; t < traceCount; t++) {
      int spans = coreChunk.readInt(spanCount - first, "trace span count");
      if (spans == 0) throw coreChunk.corrupt("a trace without spans");
      core.traceFirstSpan[t] = first;
      core.traceStart[t] = coreChunk.readFixed64();
      first += spans;
    }
    if (first != spanCount) throw coreChunk.corrupt("traces hold " + first + " spans, expected " + spanCount);
    core.traceFirstSpan[traceCount] = spanCount;
    for (int t = 0; t < traceCount; t++) {
      long traceStart = core.traceStart[t];
      for (int s = core.traceFirstSpan[t]; s < core.traceFirstSpan[t + 1]; s++) {
        core.resource[s] = coreChunk.readInt(resourceCount - 1, "resource index");
        core.name[s] = coreChunk.readInt(dictionary.length - 1, "span name id");
        int kindStatus = coreChunk.readByte();
        if ((kindStatus & 7) >= KINDS || (kindStatus >> 3) >= STATUSES) {
          throw coreChunk.corrupt("invalid kind/status byte " + kindStatus);
        }
        core.kindStatus[s] = (byte) kindStatus;
        core.start[s] = traceStart + coreChunk.readZigzag();
        core.end[s] = core.start[s] + coreChunk.readZigzag();
      }
    }
    return core;
  }

  private static Resource readResource(ByteSource in, String[] dictionary) throws CorruptBlockException {
    Attributes attributes = AttributeCodec.read(in, dictionary);
    int dropped = (int) in.readVarint();
    int refCount = in.readCount(4, "entity refs");
    List<Resource.EntityRef> refs = new ArrayList<>(refCount);
    for (int i = 0; i < refCount; i++) {
      refs.add(new Resource.EntityRef(in.readString(), in.readString(), readStrings(in), readStrings(in)));
    }
    return new Resource(attributes, dropped, refs, in.readString());
  }

  private static List<String> readStrings(ByteSource in) throws CorruptBlockException {
    int count = in.readCount(1, "strings");
    List<String> out = new ArrayList<>(count);
    for (int i = 0; i < count; i++) out.add(in.readString());
    return out;
  }
}
