package dev.ariadne.store.block;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A block's index object: the string dictionary, each row group's location and statistics, and every
 * trace id in sorted order (a trace's ordinal finds its row group). Loaded once when a block is opened.
 */
final class BlockIndex {
  static final int MAGIC = 0x58444941;  // "AIDX"
  /**
   * 2: span attributes in one ATTR_VALUES frame per key (nothing older was released); 3: tag bloom
   * filters also hold the text of each scalar element of an array attribute. Both are read.
   */
  private static final int VERSION = 3;
  private static final int OLDEST_READABLE = 2;

  final String[] dictionary;
  final List<RowGroupStats> rowGroups;
  final long[] partSizes;
  final long[] traceHigh;
  final long[] traceLow;
  private final int version;

  BlockIndex(int version, String[] dictionary, List<RowGroupStats> rowGroups, long[] partSizes, long[] traceHigh,
      long[] traceLow) {
    this.version = version;
    this.dictionary = dictionary;
    this.rowGroups = rowGroups;
    this.partSizes = partSizes;
    this.traceHigh = traceHigh;
    this.traceLow = traceLow;
  }

  /** Whether tag bloom filters hold array elements' texts too (see {@link dev.ariadne.store.TagText}). */
  boolean tagBloomHasArrayElements() {
    return version >= 3;
  }

  /** The trace's ordinal, or -1. */
  int find(long high, long low) {
    int lo = 0;
    int hi = traceHigh.length - 1;
    while (lo <= hi) {
      int mid = (lo + hi) >>> 1;
      int c = Long.compareUnsigned(traceHigh[mid], high);
      if (c == 0) c = Long.compareUnsigned(traceLow[mid], low);
      if (c < 0) lo = mid + 1;
      else if (c > 0) hi = mid - 1;
      else return mid;
    }
    return -1;
  }

  /** The row group holding trace {@code ordinal}. */
  int rowGroupOf(int ordinal) {
    int lo = 0;
    int hi = rowGroups.size() - 1;
    while (lo < hi) {
      int mid = (lo + hi + 1) >>> 1;
      if (rowGroups.get(mid).firstTrace() <= ordinal) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }

  /** The dictionary id of {@code s}, or -1: a linear scan, done once per search condition. */
  int idOf(String s) {
    for (int i = 0; i < dictionary.length; i++) if (dictionary[i].equals(s)) return i;
    return -1;
  }

  static byte[] encode(StringDictionary strings, List<RowGroupStats> rowGroups, long[] partSizes, long[] traceHigh,
      long[] traceLow) {
    ByteSink out = new ByteSink(1 << 16);
    out.writeVarint(VERSION);
    strings.writeTo(out);
    out.writeVarint(partSizes.length);
    for (long size : partSizes) out.writeVarint(size);
    out.writeVarint(rowGroups.size());
    for (RowGroupStats rg : rowGroups) {
      out.writeVarint(rg.firstTrace());
      out.writeVarint(rg.traceCount());
      out.writeVarint(rg.spanCount());
      out.writeZigzag(rg.minStartNanos());
      out.writeZigzag(rg.maxStartNanos());
      out.writeZigzag(rg.minDurationNanos());
      out.writeZigzag(rg.maxDurationNanos());
      writeIds(out, rg.serviceIds());
      writeIds(out, rg.nameIds());
      out.writeVarint(rg.kindMask());
      out.writeVarint(rg.part());
      out.writeVarint(rg.offset());
      for (Column column : Column.ALL) {
        if (column != Column.ATTR_VALUES) out.writeVarint(rg.chunkLengths()[column.ordinal()]);
      }
      out.writeVarint(rg.attributeKeyIds().length);
      for (int i = 0; i < rg.attributeKeyIds().length; i++) {
        out.writeVarint(rg.attributeKeyIds()[i]);
        out.writeVarint(rg.valueFrameLengths()[i]);
      }
    }
    out.writeVarint(traceHigh.length);
    for (int i = 0; i < traceHigh.length; i++) {
      out.writeFixed64(traceHigh[i]);
      out.writeFixed64(traceLow[i]);
    }
    return Frames.seal(MAGIC, out.toByteArray());
  }

  /** Reads and checks an index: every row group must lie inside its part and the traces must be sorted. */
  static BlockIndex decode(byte[] bytes, String where) throws CorruptBlockException {
    ByteSource in = new ByteSource(Frames.open(MAGIC, bytes, where), where);
    int version = (int) in.readVarint();
    if (version < OLDEST_READABLE || version > VERSION) {
      throw in.corrupt("block format version " + version + " is not readable: this build reads versions "
          + OLDEST_READABLE + " to " + VERSION);
    }
    StringDictionary strings = StringDictionary.readFrom(in);
    String[] dictionary = new String[strings.size()];
    for (int i = 0; i < dictionary.length; i++) dictionary[i] = strings.get(i);
    int parts = in.readCount(1, "data parts");
    long[] partSizes = new long[parts];
    for (int i = 0; i < parts; i++) partSizes[i] = in.readVarint();
    int rowGroupCount = in.readCount(20, "row groups");
    List<RowGroupStats> rowGroups = new ArrayList<>(rowGroupCount);
    int expectedFirst = 0;
    for (int i = 0; i < rowGroupCount; i++) {
      int firstTrace = in.readInt(Integer.MAX_VALUE, "first trace");
      int traceCount = in.readInt(Integer.MAX_VALUE, "trace count");
      int spanCount = in.readInt(Integer.MAX_VALUE, "span count");
      long minStart = in.readZigzag();
      long maxStart = in.readZigzag();
      long minDuration = in.readZigzag();
      long maxDuration = in.readZigzag();
      int[] services = readIds(in, dictionary.length);
      int[] names = readIds(in, dictionary.length);
      int kindMask = (int) in.readVarint();
      int part = in.readInt(parts - 1, "data part");
      long offset = in.readVarint();
      int[] lengths = new int[Column.ALL.length];
      long total = 0;
      for (Column column : Column.ALL) {
        if (column == Column.ATTR_VALUES) continue;
        lengths[column.ordinal()] = in.readInt(Frames.MAX_DECODED, "chunk length");
        total += lengths[column.ordinal()];
      }
      int keys = in.readCount(2, "attribute keys");
      int[] keyIds = new int[keys];
      int[] valueLengths = new int[keys];
      long values = 0;
      for (int k = 0; k < keys; k++) {
        keyIds[k] = in.readInt(dictionary.length - 1, "attribute key id");
        valueLengths[k] = in.readInt(Frames.MAX_DECODED, "values frame length");
        values += valueLengths[k];
      }
      if (values > Integer.MAX_VALUE) {
        throw in.corrupt("row group " + i + " has " + values + " bytes of attribute values");
      }
      lengths[Column.ATTR_VALUES.ordinal()] = (int) values;
      total += values;
      if (firstTrace != expectedFirst || traceCount == 0) {
        throw in.corrupt("row group " + i + " starts at trace " + firstTrace + " with " + traceCount + " traces");
      }
      if (offset < 0 || total > Integer.MAX_VALUE || offset + total > partSizes[part]) {
        throw in.corrupt("row group " + i + " lies outside its data part of " + partSizes[part] + " bytes");
      }
      expectedFirst += traceCount;
      rowGroups.add(new RowGroupStats(firstTrace, traceCount, spanCount, minStart, maxStart, minDuration,
          maxDuration, services, names, kindMask, part, offset, lengths, keyIds, valueLengths));
    }
    int traces = in.readCount(16, "trace ids");
    if (traces != expectedFirst) throw in.corrupt(traces + " trace ids but row groups hold " + expectedFirst);
    long[] high = new long[traces];
    long[] low = new long[traces];
    for (int i = 0; i < traces; i++) {
      high[i] = in.readFixed64();
      low[i] = in.readFixed64();
      if (i > 0) {
        int c = Long.compareUnsigned(high[i - 1], high[i]);
        if (c > 0 || c == 0 && Long.compareUnsigned(low[i - 1], low[i]) >= 0) throw in.corrupt("trace ids out of order");
      }
    }
    return new BlockIndex(version, dictionary, rowGroups, partSizes, high, low);
  }

  private static void writeIds(ByteSink out, int[] ids) {
    out.writeVarint(ids.length);
    for (int id : ids) out.writeVarint(id);
  }

  private static int[] readIds(ByteSource in, int dictionarySize) throws CorruptBlockException {
    int count = in.readCount(1, "dictionary ids");
    int[] ids = new int[count];
    for (int i = 0; i < count; i++) ids[i] = in.readInt(dictionarySize - 1, "dictionary id");
    return ids;
  }

  static boolean containsId(int[] sortedIds, int id) {
    return Arrays.binarySearch(sortedIds, id) >= 0;
  }
}
