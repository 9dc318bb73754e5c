package dev.ariadne.codec.otlp;

import static com.google.protobuf.WireFormat.WIRETYPE_LENGTH_DELIMITED;

import com.google.protobuf.CodedOutputStream;
import dev.ariadne.model.AnyValue;
import dev.ariadne.model.Attributes;
import dev.ariadne.model.Bytes;
import dev.ariadne.model.InstrumentationScope;
import dev.ariadne.model.Resource;
import dev.ariadne.model.Span;
import dev.ariadne.model.SpanEvent;
import dev.ariadne.model.SpanLink;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

/**
 * Writes spans as an OTLP ExportTraceServiceRequest straight from the model: the same bytes as
 * {@code OtlpProtoEncoder.encode(spans).toByteArray()} without building protobuf's messages, which cost
 * a builder and a message per span, key/value and value.
 *
 * <p>It groups as the encoder does (consecutive spans sharing a Resource object, then an
 * InstrumentationScope object) and writes as protobuf does: fields in field-number order, proto3 defaults
 * left out, except what the encoder always sets (resource, scope, a KeyValue's value, an AnyValue's
 * oneof case even when it holds a default) and Status, set only when not at its defaults. Strings are
 * encoded with {@code String.getBytes(UTF_8)}, which is what protobuf's {@code Utf8} falls back to for
 * ill-formed UTF-16, so an unpaired surrogate is written as '?' here too.
 *
 * <p>A nested message's length comes before its content, so there are two passes, as protobuf memoizes
 * sizes: the first records the size of every nested message in {@link #sizes} and the UTF-8 bytes of
 * every string in {@link #strings}, in the order the second pass writes them (each parent before its
 * children); the second writes. Protobuf measures each string in one pass and encodes it in the other;
 * encoding it once is about half of what this saves. Field numbers are those of
 * opentelemetry/proto/trace/v1/trace.proto, common/v1/common.proto and resource/v1/resource.proto.
 */
public final class OtlpProtoWriter {
  /** trace_id and span_id: a one-byte tag, a one-byte length and 16 or 8 bytes. */
  private static final int IDS_SIZE = 2 + 16 + 2 + 8;

  private int[] sizes = new int[256];
  private byte[][] strings = new byte[256][];
  /** First pass: how many sizes and strings are recorded. */
  private int sizesRecorded;
  private int stringsRecorded;
  /** Second pass: how many sizes and strings are written. */
  private int sizesUsed;
  private int stringsUsed;
  private CodedOutputStream out;

  private OtlpProtoWriter() {}

  public static byte[] write(List<Span> spans) {
    Span[] batch = spans.toArray(new Span[0]);
    OtlpProtoWriter writer = new OtlpProtoWriter();
    byte[] bytes = new byte[writer.requestSize(batch)];
    writer.out = CodedOutputStream.newInstance(bytes);
    try {
      writer.writeRequest(batch);
    } catch (IOException e) {
      throw new IllegalStateException("the computed sizes do not match what was written", e);
    }
    writer.out.checkNoSpaceLeft();
    return bytes;
  }

  /** The end of the run of spans from {@code from} that share its Resource object. */
  private static int resourceRunEnd(Span[] spans, int from) {
    int end = from + 1;
    while (end < spans.length && spans[end].resource() == spans[from].resource()) end++;
    return end;
  }

  /** The end of the run of spans from {@code from}, before {@code to}, that share its scope object. */
  private static int scopeRunEnd(Span[] spans, int from, int to) {
    int end = from + 1;
    while (end < to && spans[end].scope() == spans[from].scope()) end++;
    return end;
  }

  private static boolean hasStatus(Span s) {
    return s.statusCode().ordinal() != 0 || !s.statusMessage().isEmpty();
  }

  // ---- First pass: sizes. Each nested message takes a slot before its children are measured.

  private int slot() {
    if (sizesRecorded == sizes.length) sizes = Arrays.copyOf(sizes, sizesRecorded * 2);
    return sizesRecorded++;
  }

  /** Records a nested message's size; returns the size of the field holding it (all have one-byte tags). */
  private int nested(int slot, int size) {
    sizes[slot] = size;
    return 1 + CodedOutputStream.computeUInt32SizeNoTag(size) + size;
  }

  /** A string field that is left out when empty (all string fields have one-byte tags). */
  private int stringSize(int field, String value) {
    return value.isEmpty() ? 0 : presentStringSize(value);
  }

  /** A string field that is written even when empty (a oneof case, a repeated field's item). */
  private int presentStringSize(String value) {
    byte[] utf8 = value.getBytes(StandardCharsets.UTF_8);
    if (stringsRecorded == strings.length) strings = Arrays.copyOf(strings, stringsRecorded * 2);
    strings[stringsRecorded++] = utf8;
    return 1 + CodedOutputStream.computeUInt32SizeNoTag(utf8.length) + utf8.length;
  }

  private static int uint32Size(int field, int value) {
    return value == 0 ? 0 : CodedOutputStream.computeUInt32Size(field, value);
  }

  private static int fixed64Size(int field, long value) {
    return value == 0 ? 0 : CodedOutputStream.computeFixed64Size(field, value);
  }

  private int requestSize(Span[] spans) {
    int size = 0;
    for (int from = 0, to; from < spans.length; from = to) {
      to = resourceRunEnd(spans, from);
      size += nested(slot(), resourceSpansSize(spans, from, to)); // 1 resource_spans
    }
    return size;
  }

  private int resourceSpansSize(Span[] spans, int from, int to) {
    Resource resource = spans[from].resource();
    int size = nested(slot(), resourceSize(resource)); // 1 resource
    for (int start = from, end; start < to; start = end) {
      end = scopeRunEnd(spans, start, to);
      size += nested(slot(), scopeSpansSize(spans, start, end)); // 2 scope_spans
    }
    return size + stringSize(3, resource.schemaUrl()); // 3 schema_url
  }

  private int resourceSize(Resource r) {
    int size = keyValuesSize(r.attributes()) // 1 attributes
        + uint32Size(2, r.droppedAttributesCount()); // 2 dropped_attributes_count
    for (Resource.EntityRef e : r.entityRefs()) size += nested(slot(), entityRefSize(e)); // 3 entity_refs
    return size;
  }

  private int entityRefSize(Resource.EntityRef e) {
    int size = stringSize(1, e.schemaUrl()) + stringSize(2, e.type());
    // 3 id_keys, 4 description_keys: repeated, so empty strings are written too
    for (String key : e.idKeys()) size += presentStringSize(key);
    for (String key : e.descriptionKeys()) size += presentStringSize(key);
    return size;
  }

  private int scopeSpansSize(Span[] spans, int from, int to) {
    InstrumentationScope scope = spans[from].scope();
    int size = nested(slot(), scopeSize(scope)); // 1 scope
    for (int i = from; i < to; i++) size += nested(slot(), spanSize(spans[i])); // 2 spans
    return size + stringSize(3, scope.schemaUrl()); // 3 schema_url
  }

  private int scopeSize(InstrumentationScope s) {
    return stringSize(1, s.name())
        + stringSize(2, s.version())
        + keyValuesSize(s.attributes()) // 3
        + uint32Size(4, s.droppedAttributesCount());
  }

  private int spanSize(Span s) {
    int size = IDS_SIZE // 1 trace_id, 2 span_id
        + stringSize(3, s.traceState())
        + (s.parentSpanId() == 0 ? 0 : 2 + 8) // 4 parent_span_id
        + stringSize(5, s.name())
        + (s.kind().ordinal() == 0 ? 0 : CodedOutputStream.computeEnumSize(6, s.kind().ordinal()))
        + fixed64Size(7, s.startEpochNanos())
        + fixed64Size(8, s.endEpochNanos())
        + keyValuesSize(s.attributes()) // 9
        + uint32Size(10, s.droppedAttributesCount());
    for (SpanEvent e : s.events()) size += nested(slot(), eventSize(e)); // 11 events
    size += uint32Size(12, s.droppedEventsCount());
    for (SpanLink l : s.links()) size += nested(slot(), linkSize(l)); // 13 links
    size += uint32Size(14, s.droppedLinksCount());
    if (hasStatus(s)) size += nested(slot(), statusSize(s)); // 15 status
    return size + (s.flags() == 0 ? 0 : CodedOutputStream.computeFixed32Size(16, s.flags()));
  }

  private int eventSize(SpanEvent e) {
    return fixed64Size(1, e.epochNanos())
        + stringSize(2, e.name())
        + keyValuesSize(e.attributes()) // 3
        + uint32Size(4, e.droppedAttributesCount());
  }

  private int linkSize(SpanLink l) {
    return IDS_SIZE // 1 trace_id, 2 span_id
        + stringSize(3, l.traceState())
        + keyValuesSize(l.attributes()) // 4
        + uint32Size(5, l.droppedAttributesCount())
        + (l.flags() == 0 ? 0 : CodedOutputStream.computeFixed32Size(6, l.flags()));
  }

  private int statusSize(Span s) {
    int code = s.statusCode().ordinal();
    return stringSize(2, s.statusMessage()) + (code == 0 ? 0 : CodedOutputStream.computeEnumSize(3, code));
  }

  /** The size of a repeated KeyValue field, whatever its number. */
  private int keyValuesSize(Attributes attributes) {
    int size = 0;
    for (int i = 0; i < attributes.size(); i++) {
      size += nested(slot(), stringSize(1, attributes.key(i)) // KeyValue: 1 key
          + nested(slot(), anyValueSize(attributes.value(i)))); // 2 value
    }
    return size;
  }

  /** An AnyValue: one oneof case, written even when it holds its type's default. */
  private int anyValueSize(Object value) {
    return switch (value) {
      case String s -> presentStringSize(s); // 1
      case Boolean b -> CodedOutputStream.computeBoolSize(2, b);
      case Long l -> CodedOutputStream.computeInt64Size(3, l);
      case Double d -> CodedOutputStream.computeDoubleSize(4, d);
      case List<?> items -> nested(slot(), arrayValueSize(items)); // 5 array_value
      case Attributes kv -> nested(slot(), keyValuesSize(kv)); // 6 kvlist_value: 1 values
      case Bytes b -> 1 + CodedOutputStream.computeUInt32SizeNoTag(b.length()) + b.length(); // 7
      case null, default -> {
        AnyValue.typeOf(value); // throws unless AnyValue.EMPTY (no case set), as the encoder does
        yield 0;
      }
    };
  }

  private int arrayValueSize(List<?> items) {
    int size = 0;
    for (Object item : items) size += nested(slot(), anyValueSize(item)); // 1 values
    return size;
  }

  // ---- Second pass: writing, in the order the sizes were recorded.

  private void startNested(int field) throws IOException {
    out.writeTag(field, WIRETYPE_LENGTH_DELIMITED);
    out.writeUInt32NoTag(sizes[sizesUsed++]);
  }

  private void writeString(int field, String value) throws IOException {
    if (!value.isEmpty()) writePresentString(field);
  }

  private void writePresentString(int field) throws IOException {
    byte[] utf8 = strings[stringsUsed++];
    out.writeTag(field, WIRETYPE_LENGTH_DELIMITED);
    out.writeUInt32NoTag(utf8.length);
    out.writeRawBytes(utf8);
  }

  private void writeUInt32(int field, int value) throws IOException {
    if (value != 0) out.writeUInt32(field, value);
  }

  private void writeFixed64(int field, long value) throws IOException {
    if (value != 0) out.writeFixed64(field, value);
  }

  private void writeFixed32(int field, int value) throws IOException {
    if (value != 0) out.writeFixed32(field, value);
  }

  private void writeEnum(int field, int value) throws IOException {
    if (value != 0) out.writeEnum(field, value);
  }

  /** An id as OTLP's bytes: big-endian, trace ids 16 bytes (high half first), span ids 8. */
  private void writeId(int field, long high, long low, boolean traceId) throws IOException {
    out.writeTag(field, WIRETYPE_LENGTH_DELIMITED);
    out.writeUInt32NoTag(traceId ? 16 : 8);
    if (traceId) out.writeFixed64NoTag(Long.reverseBytes(high));
    out.writeFixed64NoTag(Long.reverseBytes(low));
  }

  private void writeRequest(Span[] spans) throws IOException {
    for (int from = 0, to; from < spans.length; from = to) {
      to = resourceRunEnd(spans, from);
      startNested(1); // resource_spans
      writeResourceSpans(spans, from, to);
    }
  }

  private void writeResourceSpans(Span[] spans, int from, int to) throws IOException {
    Resource resource = spans[from].resource();
    startNested(1); // resource
    writeResource(resource);
    for (int start = from, end; start < to; start = end) {
      end = scopeRunEnd(spans, start, to);
      startNested(2); // scope_spans
      writeScopeSpans(spans, start, end);
    }
    writeString(3, resource.schemaUrl());
  }

  private void writeResource(Resource r) throws IOException {
    writeKeyValues(1, r.attributes());
    writeUInt32(2, r.droppedAttributesCount());
    for (Resource.EntityRef e : r.entityRefs()) {
      startNested(3); // entity_refs
      writeString(1, e.schemaUrl());
      writeString(2, e.type());
      for (int i = 0; i < e.idKeys().size(); i++) writePresentString(3);
      for (int i = 0; i < e.descriptionKeys().size(); i++) writePresentString(4);
    }
  }

  private void writeScopeSpans(Span[] spans, int from, int to) throws IOException {
    InstrumentationScope scope = spans[from].scope();
    startNested(1); // scope
    writeString(1, scope.name());
    writeString(2, scope.version());
    writeKeyValues(3, scope.attributes());
    writeUInt32(4, scope.droppedAttributesCount());
    for (int i = from; i < to; i++) {
      startNested(2); // spans
      writeSpan(spans[i]);
    }
    writeString(3, scope.schemaUrl());
  }

  private void writeSpan(Span s) throws IOException {
    writeId(1, s.traceIdHigh(), s.traceIdLow(), true);
    writeId(2, 0, s.spanId(), false);
    writeString(3, s.traceState());
    if (s.parentSpanId() != 0) writeId(4, 0, s.parentSpanId(), false);
    writeString(5, s.name());
    writeEnum(6, s.kind().ordinal());
    writeFixed64(7, s.startEpochNanos());
    writeFixed64(8, s.endEpochNanos());
    writeKeyValues(9, s.attributes());
    writeUInt32(10, s.droppedAttributesCount());
    for (SpanEvent e : s.events()) {
      startNested(11); // events
      writeFixed64(1, e.epochNanos());
      writeString(2, e.name());
      writeKeyValues(3, e.attributes());
      writeUInt32(4, e.droppedAttributesCount());
    }
    writeUInt32(12, s.droppedEventsCount());
    for (SpanLink l : s.links()) {
      startNested(13); // links
      writeId(1, l.traceIdHigh(), l.traceIdLow(), true);
      writeId(2, 0, l.spanId(), false);
      writeString(3, l.traceState());
      writeKeyValues(4, l.attributes());
      writeUInt32(5, l.droppedAttributesCount());
      writeFixed32(6, l.flags());
    }
    writeUInt32(14, s.droppedLinksCount());
    if (hasStatus(s)) {
      startNested(15); // status
      writeString(2, s.statusMessage());
      writeEnum(3, s.statusCode().ordinal());
    }
    writeFixed32(16, s.flags());
  }

  private void writeKeyValues(int field, Attributes attributes) throws IOException {
    for (int i = 0; i < attributes.size(); i++) {
      startNested(field);
      writeString(1, attributes.key(i));
      startNested(2); // value
      writeAnyValue(attributes.value(i));
    }
  }

  private void writeAnyValue(Object value) throws IOException {
    switch (value) {
      case String _ -> writePresentString(1);
      case Boolean b -> out.writeBool(2, b);
      case Long l -> out.writeInt64(3, l);
      case Double d -> out.writeDouble(4, d);
      case List<?> items -> {
        startNested(5); // array_value
        for (Object item : items) {
          startNested(1); // values
          writeAnyValue(item);
        }
      }
      case Attributes kv -> {
        startNested(6); // kvlist_value
        writeKeyValues(1, kv);
      }
      case Bytes b -> out.writeByteArray(7, b.toByteArray());
      default -> { } // AnyValue.EMPTY
    }
  }
}
