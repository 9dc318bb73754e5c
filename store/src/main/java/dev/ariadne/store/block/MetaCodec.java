package dev.ariadne.store.block;

import dev.ariadne.model.SpanKind;
import dev.ariadne.store.DependencyLink;
import dev.ariadne.store.Operation;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** The binary form of {@link BlockMeta}: one checksummed frame. */
final class MetaCodec {
  static final int MAGIC = 0x54454D41;  // "AMET"
  private static final int VERSION = 1;
  private static final int STRING = 0, LONG = 1, DOUBLE = 2, BOOL = 3;

  private MetaCodec() {}

  static byte[] encode(BlockMeta meta) {
    ByteSink out = new ByteSink(4096);
    out.writeVarint(VERSION);
    out.writeString(meta.blockId());
    out.writeVarint(meta.level());
    out.writeZigzag(meta.minStartNanos());
    out.writeZigzag(meta.maxEndNanos());
    out.writeVarint(meta.spanCount());
    out.writeVarint(meta.traceCount());
    out.writeVarint(meta.sizeBytes());
    out.writeZigzag(meta.createdEpochMillis());
    out.writeVarint(meta.services().size());
    for (String service : meta.services()) out.writeString(service);
    out.writeVarint(meta.operations().size());
    for (Map.Entry<String, List<Operation>> e : new TreeMap<>(meta.operations()).entrySet()) {
      out.writeString(e.getKey());
      out.writeVarint(e.getValue().size());
      for (Operation op : e.getValue()) {
        out.writeString(op.name());
        out.writeVarint(op.kind().ordinal());
      }
    }
    out.writeVarint(meta.dependencies().size());
    for (DependencyLink link : meta.dependencies()) {
      out.writeString(link.parent());
      out.writeString(link.child());
      out.writeVarint(link.callCount());
    }
    out.writeZigzag(meta.maxStartNanos());
    out.writeZigzag(meta.minDurationNanos());
    out.writeZigzag(meta.maxDurationNanos());
    out.writeVarint(meta.rowGroupCount());
    writeTags(out, meta.spanTags());
    writeTags(out, meta.resourceTags());
    return Frames.seal(MAGIC, out.toByteArray());
  }

  static BlockMeta decode(byte[] bytes, String where) throws CorruptBlockException {
    ByteSource in = new ByteSource(Frames.open(MAGIC, bytes, where), where);
    int version = (int) in.readVarint();
    if (version != VERSION) throw in.corrupt("meta format version " + version + ", this build reads " + VERSION);
    String blockId = in.readString();
    int level = in.readInt(Integer.MAX_VALUE, "level");
    long minStart = in.readZigzag();
    long maxEnd = in.readZigzag();
    long spans = in.readVarint();
    long traces = in.readVarint();
    long size = in.readVarint();
    long created = in.readZigzag();
    List<String> services = readStrings(in);
    int serviceCount = in.readCount(2, "operations");
    Map<String, List<Operation>> operations = new TreeMap<>();
    for (int i = 0; i < serviceCount; i++) {
      String service = in.readString();
      int count = in.readCount(2, "operations");
      List<Operation> ops = new ArrayList<>(count);
      for (int j = 0; j < count; j++) {
        String name = in.readString();
        int kind = in.readInt(SpanKind.values().length - 1, "span kind");
        ops.add(new Operation(name, SpanKind.values()[kind]));
      }
      operations.put(service, List.copyOf(ops));
    }
    int linkCount = in.readCount(3, "dependencies");
    List<DependencyLink> dependencies = new ArrayList<>(linkCount);
    for (int i = 0; i < linkCount; i++) dependencies.add(new DependencyLink(in.readString(), in.readString(), in.readVarint()));
    long maxStart = in.readZigzag();
    long minDuration = in.readZigzag();
    long maxDuration = in.readZigzag();
    int rowGroups = in.readInt(Integer.MAX_VALUE, "row group count");
    TagSummary spanTags = readTags(in);
    TagSummary resourceTags = readTags(in);
    if (in.hasRemaining()) throw in.corrupt("bytes after the meta");
    return new BlockMeta(blockId, level, minStart, maxEnd, spans, traces, size, created, services, operations,
        dependencies, maxStart, minDuration, maxDuration, rowGroups, spanTags, resourceTags);
  }

  private static void writeTags(ByteSink out, TagSummary tags) {
    out.writeVarint(tags.values().size());
    tags.values().forEach((key, values) -> {
      out.writeString(key);
      out.writeVarint(values.size());
      for (Object v : values) {
        switch (v) {
          case String s -> {
            out.writeByte(STRING);
            out.writeString(s);
          }
          case Long l -> {
            out.writeByte(LONG);
            out.writeZigzag(l);
          }
          case Double d -> {
            out.writeByte(DOUBLE);
            out.writeFixed64(Double.doubleToRawLongBits(d));
          }
          case Boolean b -> {
            out.writeByte(BOOL);
            out.writeByte(b ? 1 : 0);
          }
          default -> throw new IllegalArgumentException("not a summarised tag value: " + v);
        }
      }
    });
    out.writeVarint(tags.valuesOverflowed().size());
    for (String key : tags.valuesOverflowed()) out.writeString(key);
    out.writeByte(tags.keysOverflowed() ? 1 : 0);
  }

  private static TagSummary readTags(ByteSource in) throws CorruptBlockException {
    int keys = in.readCount(2, "tag keys");
    TreeMap<String, List<Object>> values = new TreeMap<>();
    for (int i = 0; i < keys; i++) {
      String key = in.readString();
      int count = in.readCount(2, "tag values");
      List<Object> list = new ArrayList<>(count);
      for (int j = 0; j < count; j++) {
        int type = in.readByte();
        list.add(switch (type) {
          case STRING -> in.readString();
          case LONG -> in.readZigzag();
          case DOUBLE -> Double.longBitsToDouble(in.readFixed64());
          case BOOL -> in.readByte() != 0;
          default -> throw in.corrupt("unknown tag value type " + type);
        });
      }
      values.put(key, List.copyOf(list));
    }
    List<String> overflowed = readStrings(in);
    boolean keysOverflowed = in.readByte() != 0;
    return new TagSummary(values, overflowed, keysOverflowed);
  }

  private static List<String> readStrings(ByteSource in) throws CorruptBlockException {
    int count = in.readCount(1, "strings");
    List<String> out = new ArrayList<>(count);
    for (int i = 0; i < count; i++) out.add(in.readString());
    return out;
  }
}
