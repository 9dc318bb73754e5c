package dev.ariadne.store.block;

import dev.ariadne.model.AnyValue;
import dev.ariadne.model.Attributes;
import dev.ariadne.model.DerivedTags;
import dev.ariadne.model.InstrumentationScope;
import dev.ariadne.model.Resource;
import dev.ariadne.model.Span;
import dev.ariadne.model.SpanEvent;
import dev.ariadne.model.SpanLink;
import dev.ariadne.store.TagText;
import dev.ariadne.store.Trace;
import java.util.BitSet;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Builds one row group: traces are encoded column by column as they are added, so the writer holds the
 * encoded bytes of one row group, not its spans. {@link #finish} seals the chunks and returns them with
 * the row group's statistics.
 */
final class RowGroupEncoder {
  /** Tag bloom filters at 10 bits per distinct tag: about 1% false positives. */
  static final int TAG_BLOOM_BITS = 10;

  private final StringDictionary dictionary;
  private final AttributeColumns attributeColumns;
  private final Map<Resource, Integer> resources = new HashMap<>();
  private final Map<InstrumentationScope, Integer> scopes = new HashMap<>();
  private final ByteSink resourceTable = new ByteSink(4096);
  private final ByteSink scopeTable = new ByteSink(1024);
  private final ByteSink traceHeaders = new ByteSink(4096);
  private final ByteSink core = new ByteSink(1 << 16);
  private final ByteSink spanIds = new ByteSink(1 << 16);
  private final ByteSink parents = new ByteSink(1 << 14);
  private final ByteSink extra = new ByteSink(1 << 16);
  private final BitSet serviceIds = new BitSet();
  private final BitSet nameIds = new BitSet();
  /** Bloom hashes of tag keys, computed once per key (see {@link BloomFilter#hashTagKey}). */
  private final Map<String, Long> tagKeyHashes = new HashMap<>();
  /** Consecutive spans mostly share their Resource object: the last one's table index and service id. */
  private Resource lastResource;
  private int lastResourceIndex;
  /** Resources by identity before equality: spans of one batch share the object, hashing one is costly. */
  private final Map<Resource, Integer> resourcesSeen = new IdentityHashMap<>();
  private int lastServiceId;
  private final TreeSet<Integer> eventKeyIds = new TreeSet<>();
  private final LongSet tagHashes = new LongSet();
  private int traceCount;
  private int spanCount;
  private int kindMask;
  private long minStart = Long.MAX_VALUE;
  private long maxStart = Long.MIN_VALUE;
  private long minDuration = Long.MAX_VALUE;
  private long maxDuration = Long.MIN_VALUE;

  RowGroupEncoder(StringDictionary dictionary) {
    this.dictionary = dictionary;
    this.attributeColumns = new AttributeColumns(dictionary);
  }

  int spanCount() {
    return spanCount;
  }

  int traceCount() {
    return traceCount;
  }

  /** Adds a trace with at least one span. */
  void add(Trace trace) {
    List<Span> spans = trace.spans();
    long traceStart = Long.MAX_VALUE;
    for (Span span : spans) traceStart = Math.min(traceStart, span.startEpochNanos());
    traceHeaders.writeVarint(spans.size());
    traceHeaders.writeFixed64(traceStart);
    Map<Long, Integer> indexOf = spans.size() > 16 ? firstIndexes(spans) : null;
    int ordinal = spanCount;
    for (Span span : spans) {
      addCore(span, traceStart);
      spanIds.writeFixed64(span.spanId());
      writeParent(span.parentSpanId(), spans, indexOf);
      attributeColumns.add(ordinal++, span.attributes());
      addExtra(span);
      addTags(span);
    }
    traceCount++;
    spanCount += spans.size();
  }

  private void addCore(Span span, long traceStart) {
    if (span.resource() != lastResource) {
      lastResource = span.resource();
      lastResourceIndex = resourceIndex(lastResource);
      lastServiceId = dictionary.id(span.serviceName());
    }
    int resource = lastResourceIndex;
    int name = dictionary.id(span.name());
    serviceIds.set(lastServiceId);
    nameIds.set(name);
    kindMask |= 1 << span.kind().ordinal();
    long start = span.startEpochNanos();
    long duration = span.endEpochNanos() - start;
    minStart = Math.min(minStart, start);
    maxStart = Math.max(maxStart, start);
    minDuration = Math.min(minDuration, duration);
    maxDuration = Math.max(maxDuration, duration);
    core.writeVarint(resource);
    core.writeVarint(name);
    core.writeByte(span.kind().ordinal() | span.statusCode().ordinal() << 3);
    core.writeZigzag(start - traceStart);
    core.writeZigzag(duration);
  }

  /** 0: no parent; 1: a parent outside the trace, its id follows; k + 2: the trace's k-th span. */
  private void writeParent(long parent, List<Span> spans, Map<Long, Integer> indexOf) {
    if (parent == 0) {
      parents.writeVarint(0);
      return;
    }
    int index = -1;
    if (indexOf != null) {
      index = indexOf.getOrDefault(parent, -1);
    } else {
      for (int i = 0; i < spans.size() && index < 0; i++) if (spans.get(i).spanId() == parent) index = i;
    }
    if (index < 0) {
      parents.writeVarint(1);
      parents.writeFixed64(parent);
    } else {
      parents.writeVarint(index + 2L);
    }
  }

  private static Map<Long, Integer> firstIndexes(List<Span> spans) {
    Map<Long, Integer> indexOf = new HashMap<>(spans.size() * 2);
    for (int i = 0; i < spans.size(); i++) indexOf.putIfAbsent(spans.get(i).spanId(), i);
    return indexOf;
  }

  private void addExtra(Span span) {
    extra.writeVarint(scopeIndex(span.scope()));
    extra.writeString(span.traceState());
    extra.writeVarint(Integer.toUnsignedLong(span.flags()));
    extra.writeVarint(Integer.toUnsignedLong(span.droppedAttributesCount()));
    extra.writeVarint(span.events().size());
    for (SpanEvent event : span.events()) {
      extra.writeZigzag(event.epochNanos() - span.startEpochNanos());
      extra.writeVarint(dictionary.id(event.name()));
      AttributeCodec.write(extra, event.attributes(), dictionary);
      for (int i = 0; i < event.attributes().size(); i++) eventKeyIds.add(dictionary.id(event.attributes().key(i)));
      extra.writeVarint(Integer.toUnsignedLong(event.droppedAttributesCount()));
    }
    extra.writeVarint(Integer.toUnsignedLong(span.droppedEventsCount()));
    extra.writeVarint(span.links().size());
    for (SpanLink link : span.links()) {
      extra.writeFixed64(link.traceIdHigh());
      extra.writeFixed64(link.traceIdLow());
      extra.writeFixed64(link.spanId());
      extra.writeString(link.traceState());
      AttributeCodec.write(extra, link.attributes(), dictionary);
      extra.writeVarint(Integer.toUnsignedLong(link.droppedAttributesCount()));
      extra.writeVarint(Integer.toUnsignedLong(link.flags()));
    }
    extra.writeVarint(Integer.toUnsignedLong(span.droppedLinksCount()));
    extra.writeString(span.statusMessage());
  }

  /** Every tag a search could match on this span, as SpanMatcher compares them. */
  private void addTags(Span span) {
    addTags(span.attributes());
    for (SpanEvent event : span.events()) {
      addTags(event.attributes());
      addTag("event", event.name());
    }
    DerivedTags.forEach(span, (k, v) -> addTag(k, AnyValue.asString(v)));
  }

  private void addTags(Attributes attributes) {
    for (int i = 0; i < attributes.size(); i++) {
      String key = attributes.key(i);
      Object value = attributes.value(i);
      addTag(key, AnyValue.asString(value));
      TagText.forEachElementText(value, element -> addTag(key, element));
    }
  }

  private void addTag(String key, String value) {
    Long keyHash = tagKeyHashes.get(key);
    if (keyHash == null) {
      keyHash = BloomFilter.hashTagKey(key);
      tagKeyHashes.put(key, keyHash);
    }
    tagHashes.add(BloomFilter.hashTag(keyHash, value));
  }

  private int resourceIndex(Resource resource) {
    Integer index = resourcesSeen.get(resource);
    if (index != null) return index;
    index = resources.get(resource);
    if (index != null) {
      resourcesSeen.put(resource, index);
      return index;
    }
    int next = resources.size();
    resources.put(resource, next);
    resourcesSeen.put(resource, next);
    AttributeCodec.write(resourceTable, resource.attributes(), dictionary);
    resourceTable.writeVarint(Integer.toUnsignedLong(resource.droppedAttributesCount()));
    resourceTable.writeVarint(resource.entityRefs().size());
    for (Resource.EntityRef ref : resource.entityRefs()) {
      resourceTable.writeString(ref.schemaUrl());
      resourceTable.writeString(ref.type());
      writeStrings(resourceTable, ref.idKeys());
      writeStrings(resourceTable, ref.descriptionKeys());
    }
    resourceTable.writeString(resource.schemaUrl());
    addTags(resource.attributes());
    return next;
  }

  private int scopeIndex(InstrumentationScope scope) {
    Integer index = scopes.get(scope);
    if (index != null) return index;
    int next = scopes.size();
    scopes.put(scope, next);
    scopeTable.writeVarint(dictionary.id(scope.name()));
    scopeTable.writeVarint(dictionary.id(scope.version()));
    AttributeCodec.write(scopeTable, scope.attributes(), dictionary);
    scopeTable.writeVarint(Integer.toUnsignedLong(scope.droppedAttributesCount()));
    scopeTable.writeString(scope.schemaUrl());
    return next;
  }

  private static void writeStrings(ByteSink out, List<String> strings) {
    out.writeVarint(strings.size());
    for (String s : strings) out.writeString(s);
  }

  /** The sealed chunks, in {@link Column} order, and the statistics (part and offset still to be set). */
  Encoded finish(int firstTrace) {
    byte[][] chunks = new byte[Column.ALL.length][];
    ByteSink table = new ByteSink(resourceTable.size() + scopeTable.size() + 16);
    table.writeVarint(resources.size());
    table.writeBytes(resourceTable.toByteArray());
    table.writeVarint(scopes.size());
    table.writeBytes(scopeTable.toByteArray());
    chunks[Column.RESOURCES.ordinal()] = seal(Column.RESOURCES, table);
    ByteSink coreChunk = new ByteSink(traceHeaders.size() + core.size() + 16);
    coreChunk.writeVarint(traceCount);
    coreChunk.writeVarint(spanCount);
    coreChunk.writeBytes(traceHeaders.toByteArray());
    coreChunk.writeBytes(core.toByteArray());
    chunks[Column.CORE.ordinal()] = seal(Column.CORE, coreChunk);
    ByteSink ids = new ByteSink(spanIds.size() + parents.size());
    ids.writeBytes(spanIds.toByteArray());
    ids.writeBytes(parents.toByteArray());
    chunks[Column.IDS.ordinal()] = seal(Column.IDS, ids);
    chunks[Column.EXTRA.ordinal()] = seal(Column.EXTRA, extra);
    chunks[Column.ATTR_KEYS.ordinal()] = seal(Column.ATTR_KEYS, attributeColumns.keyOrder());
    byte[][] valueFrames = attributeColumns.sealValues();
    int[] valueLengths = new int[valueFrames.length];
    ByteSink values = new ByteSink(1 << 16);
    for (int i = 0; i < valueFrames.length; i++) {
      valueLengths[i] = valueFrames[i].length;
      values.writeBytes(valueFrames[i]);
    }
    chunks[Column.ATTR_VALUES.ordinal()] = values.toByteArray();
    chunks[Column.TAGS.ordinal()] = seal(Column.TAGS, tagBloom());
    int[] lengths = new int[chunks.length];
    for (int i = 0; i < chunks.length; i++) lengths[i] = chunks[i].length;
    RowGroupStats stats = new RowGroupStats(firstTrace, traceCount, spanCount, minStart, maxStart, minDuration,
        maxDuration, toArray(serviceIds), toArray(nameIds), kindMask, 0, 0, lengths, attributeColumns.keyIds(),
        valueLengths);
    return new Encoded(chunks, stats);
  }

  private ByteSink tagBloom() {
    int n = tagHashes.size();
    BloomFilter bloom = BloomFilter.create(n, TAG_BLOOM_BITS);
    tagHashes.forEach(bloom::add);
    ByteSink out = new ByteSink(16 + n * TAG_BLOOM_BITS / 8);
    bloom.writeTo(out);
    out.writeVarint(eventKeyIds.size());
    for (int id : eventKeyIds) out.writeVarint(id);
    return out;
  }

  private static byte[] seal(Column column, ByteSink raw) {
    return Frames.seal(column.magic(), raw.toByteArray());
  }

  private static int[] toArray(BitSet ids) {
    return ids.stream().toArray();
  }

  record Encoded(byte[][] chunks, RowGroupStats stats) {}
}
