package dev.ariadne.codec.otlp;

import com.google.protobuf.CodedInputStream;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.WireFormat;
import dev.ariadne.model.AnyValue;
import dev.ariadne.model.Attributes;
import dev.ariadne.model.Bytes;
import dev.ariadne.model.InstrumentationScope;
import dev.ariadne.model.Resource;
import dev.ariadne.model.Span;
import dev.ariadne.model.SpanEvent;
import dev.ariadne.model.SpanKind;
import dev.ariadne.model.SpanLink;
import dev.ariadne.model.StatusCode;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Decodes OTLP protobuf (ExportTraceServiceRequest, the same bytes as TracesData) straight into the
 * model.
 *
 * <p>Hand-written on protobuf's {@link CodedInputStream} because ingest pays for every object made per
 * span: protobuf's generated parser builds a builder and a message for every span, key/value and value
 * before the model copies them again. This reader makes only the model's objects, and shares attribute
 * keys through {@link StringPool}. It keeps protobuf's semantics where a message can tell: unknown
 * fields and fields with an unexpected wire type are skipped, the last value of a singular field wins,
 * proto3 strings must be valid UTF-8, and messages nest at most {@value #MAX_DEPTH} levels, as in
 * protobuf-java's parser. The field numbers are those of opentelemetry/proto/trace/v1/trace.proto and
 * common/v1/common.proto.
 */
public final class OtlpProtoDecoder {
  private static final int MAX_DEPTH = 100;
  private static final int LEN = WireFormat.WIRETYPE_LENGTH_DELIMITED;
  private static final int VARINT = WireFormat.WIRETYPE_VARINT;

  private final CodedInputStream in;
  private final SpanValidator validator = new SpanValidator();
  private final List<Span> spans = new ArrayList<>();
  private int depth;

  private OtlpProtoDecoder(byte[] body) {
    this.in = CodedInputStream.newInstance(body);
  }

  /**
   * Decodes a request body.
   *
   * @throws InvalidProtocolBufferException if the bytes are not a well-formed request
   */
  public static DecodedSpans decode(byte[] body) throws InvalidProtocolBufferException {
    OtlpProtoDecoder decoder = new OtlpProtoDecoder(body);
    try {
      decoder.request();
    } catch (InvalidProtocolBufferException e) {
      throw e;
    } catch (IOException e) {
      throw new InvalidProtocolBufferException(e);
    }
    return new DecodedSpans(decoder.spans, decoder.validator.rejected(), decoder.validator.message(), body);
  }

  /** Decodes an already parsed request (tests and tools that hold protobuf messages). */
  public static DecodedSpans decode(ExportTraceServiceRequest request) {
    try {
      return decode(request.toByteArray());
    } catch (InvalidProtocolBufferException e) {
      throw new IllegalStateException("a serialized request always parses", e);
    }
  }

  /**
   * A field's tag as it appears on the wire: field number and wire type. The switches below use the
   * values directly, e.g. 10 = field 1, length-delimited; 57 = field 7, fixed64.
   */
  private static int tag(int field, int wireType) {
    return (field << 3) | wireType;
  }

  private void request() throws IOException {
    int resourceIndex = 0;
    for (int tag; (tag = in.readTag()) != 0; ) {
      if (tag == tag(1, LEN)) {
        int limit = enter();
        resourceSpans(resourceIndex++);
        leave(limit);
      } else {
        in.skipField(tag);
      }
    }
  }

  /** Fields of a ResourceSpans; its spans get the resource once the whole message is read. */
  private void resourceSpans(int resourceIndex) throws IOException {
    AttributesReader attributes = new AttributesReader();
    int[] dropped = {0};
    List<Resource.EntityRef> entityRefs = new ArrayList<>(0);
    String schemaUrl = "";
    List<Span.Builder> builders = new ArrayList<>();
    int scopeIndex = 0;
    for (int tag; (tag = in.readTag()) != 0; ) {
      if (tag == tag(1, LEN)) {
        int limit = enter();
        resource(attributes, dropped, entityRefs);
        leave(limit);
      } else if (tag == tag(2, LEN)) {
        int limit = enter();
        scopeSpans(builders, "resource_spans[" + resourceIndex + "].scope_spans[" + scopeIndex++ + "]");
        leave(limit);
      } else if (tag == tag(3, LEN)) {
        schemaUrl = in.readStringRequireUtf8();
      } else {
        in.skipField(tag);
      }
    }
    Resource resource = new Resource(attributes.build(), dropped[0], entityRefs, schemaUrl);
    for (Span.Builder b : builders) spans.add(b.resource(resource).build());
  }

  private void resource(AttributesReader attributes, int[] dropped, List<Resource.EntityRef> entityRefs)
      throws IOException {
    for (int tag; (tag = in.readTag()) != 0; ) {
      if (tag == tag(1, LEN)) {
        keyValue(attributes);
      } else if (tag == tag(2, VARINT)) {
        dropped[0] = in.readUInt32();
      } else if (tag == tag(3, LEN)) {
        int limit = enter();
        entityRefs.add(entityRef());
        leave(limit);
      } else {
        in.skipField(tag);
      }
    }
  }

  private Resource.EntityRef entityRef() throws IOException {
    String schemaUrl = "";
    String type = "";
    List<String> idKeys = new ArrayList<>();
    List<String> descriptionKeys = new ArrayList<>();
    for (int tag; (tag = in.readTag()) != 0; ) {
      switch (tag) {
        case 10 -> schemaUrl = in.readStringRequireUtf8();
        case 18 -> type = in.readStringRequireUtf8();
        case 26 -> idKeys.add(StringPool.KEYS.canonical(in.readStringRequireUtf8()));
        case 34 -> descriptionKeys.add(StringPool.KEYS.canonical(in.readStringRequireUtf8()));
        default -> in.skipField(tag);
      }
    }
    return new Resource.EntityRef(schemaUrl, type, idKeys, descriptionKeys);
  }

  private void scopeSpans(List<Span.Builder> builders, String where) throws IOException {
    String name = "";
    String version = "";
    AttributesReader attributes = new AttributesReader();
    int dropped = 0;
    String schemaUrl = "";
    List<Span.Builder> mine = new ArrayList<>();
    int spanIndex = 0;
    for (int tag; (tag = in.readTag()) != 0; ) {
      if (tag == tag(1, LEN)) {
        int limit = enter();
        for (int t; (t = in.readTag()) != 0; ) {
          switch (t) {
            case 10 -> name = in.readStringRequireUtf8();
            case 18 -> version = in.readStringRequireUtf8();
            case 26 -> keyValue(attributes);
            case 32 -> dropped = in.readUInt32();
            default -> in.skipField(t);
          }
        }
        leave(limit);
      } else if (tag == tag(2, LEN)) {
        int limit = enter();
        SpanFields span = span();
        leave(limit);
        String reason = span.invalidReason();
        if (reason != null) {
          validator.reject(where + ".spans[" + spanIndex + "]", reason);
        } else {
          mine.add(span.builder());
        }
        spanIndex++;
      } else if (tag == tag(3, LEN)) {
        schemaUrl = in.readStringRequireUtf8();
      } else {
        in.skipField(tag);
      }
    }
    InstrumentationScope scope = new InstrumentationScope(StringPool.KEYS.canonical(name),
        StringPool.KEYS.canonical(version), attributes.build(), dropped, schemaUrl);
    for (Span.Builder b : mine) builders.add(b.scope(scope));
  }

  /** A span as read, with what validation needs to know about its ids. */
  private static final class SpanFields {
    final Ids traceId = new Ids(16);
    final Ids spanId = new Ids(8);
    final Ids parentSpanId = new Ids(8);
    String traceState = "";
    int flags;
    String name = "";
    int kind;
    long start;
    long end;
    final AttributesReader attributes = new AttributesReader();
    int droppedAttributes;
    List<SpanEvent> events = List.of();
    int droppedEvents;
    List<SpanLink> links = List.of();
    boolean badLink;
    int badLinkIndex;
    int droppedLinks;
    int statusCode;
    String statusMessage = "";

    String invalidReason() {
      String reason = SpanValidator.checkIds(traceId.length, traceId.isZero(), spanId.length, spanId.isZero(),
          parentSpanId.length);
      if (reason != null) return reason;
      return badLink ? "links[" + badLinkIndex + "] must have a 16-byte trace_id and an 8-byte span_id" : null;
    }

    Span.Builder builder() {
      return Span.builder()
          .traceId(traceId.high, traceId.low)
          .spanId(spanId.low)
          .parentSpanId(parentSpanId.length == 0 ? 0 : parentSpanId.low)
          .traceState(traceState)
          .flags(flags)
          .name(name)
          .kind(SpanKind.fromWire(kind))
          .startEpochNanos(start)
          .endEpochNanos(end)
          .attributes(attributes.build())
          .droppedAttributesCount(droppedAttributes)
          .events(events)
          .droppedEventsCount(droppedEvents)
          .links(links)
          .droppedLinksCount(droppedLinks)
          .status(StatusCode.fromWire(statusCode), statusMessage);
    }
  }

  private SpanFields span() throws IOException {
    SpanFields s = new SpanFields();
    for (int tag; (tag = in.readTag()) != 0; ) {
      switch (tag) {
        case 10 -> s.traceId.read(in);
        case 18 -> s.spanId.read(in);
        case 26 -> s.traceState = in.readStringRequireUtf8();
        case 34 -> s.parentSpanId.read(in);
        case 42 -> s.name = StringPool.KEYS.canonical(in.readStringRequireUtf8());
        case 48 -> s.kind = in.readEnum();
        case 57 -> s.start = in.readFixed64();
        case 65 -> s.end = in.readFixed64();
        case 74 -> keyValue(s.attributes);
        case 80 -> s.droppedAttributes = in.readUInt32();
        case 90 -> {
          if (s.events.isEmpty()) s.events = new ArrayList<>();
          int limit = enter();
          s.events.add(event());
          leave(limit);
        }
        case 96 -> s.droppedEvents = in.readUInt32();
        case 106 -> {
          if (s.links.isEmpty()) s.links = new ArrayList<>();
          int limit = enter();
          SpanLink link = link();
          leave(limit);
          if (link == null) {
            if (!s.badLink) s.badLinkIndex = s.links.size();
            s.badLink = true;
          } else {
            s.links.add(link);
          }
        }
        case 112 -> s.droppedLinks = in.readUInt32();
        case 122 -> {
          int limit = enter();
          for (int t; (t = in.readTag()) != 0; ) {
            switch (t) {
              case 18 -> s.statusMessage = in.readStringRequireUtf8();
              case 24 -> s.statusCode = in.readEnum();
              default -> in.skipField(t);
            }
          }
          leave(limit);
        }
        case 133 -> s.flags = in.readFixed32();
        default -> in.skipField(tag);
      }
    }
    return s;
  }

  private SpanEvent event() throws IOException {
    long time = 0;
    String name = "";
    AttributesReader attributes = new AttributesReader();
    int dropped = 0;
    for (int tag; (tag = in.readTag()) != 0; ) {
      switch (tag) {
        case 9 -> time = in.readFixed64();
        case 18 -> name = StringPool.KEYS.canonical(in.readStringRequireUtf8());
        case 26 -> keyValue(attributes);
        case 32 -> dropped = in.readUInt32();
        default -> in.skipField(tag);
      }
    }
    return new SpanEvent(time, name, attributes.build(), dropped);
  }

  /** A link, or null when its ids have the wrong length (which rejects the span). */
  private SpanLink link() throws IOException {
    Ids traceId = new Ids(16);
    Ids spanId = new Ids(8);
    String traceState = "";
    AttributesReader attributes = new AttributesReader();
    int dropped = 0;
    int flags = 0;
    for (int tag; (tag = in.readTag()) != 0; ) {
      switch (tag) {
        case 10 -> traceId.read(in);
        case 18 -> spanId.read(in);
        case 26 -> traceState = in.readStringRequireUtf8();
        case 34 -> keyValue(attributes);
        case 40 -> dropped = in.readUInt32();
        case 53 -> flags = in.readFixed32();
        default -> in.skipField(tag);
      }
    }
    if (traceId.length != 16 || spanId.length != 8) return null;
    return new SpanLink(traceId.high, traceId.low, spanId.low, traceState, attributes.build(), dropped, flags);
  }

  /** Reads one KeyValue message (its tag already read) and adds it. */
  private void keyValue(AttributesReader into) throws IOException {
    int limit = enter();
    String key = "";
    Object value = AnyValue.EMPTY;
    for (int tag; (tag = in.readTag()) != 0; ) {
      if (tag == tag(1, LEN)) {
        key = StringPool.KEYS.canonical(in.readStringRequireUtf8());
      } else if (tag == tag(2, LEN)) {
        int valueLimit = enter();
        value = anyValue(value);
        leave(valueLimit);
      } else {
        in.skipField(tag);
      }
    }
    leave(limit);
    into.add(key, value);
  }

  /**
   * Reads an AnyValue's fields. {@code previous} is the value an earlier occurrence of the same field
   * set: protobuf merges a repeated message, so arrays and key/value lists continue it.
   */
  private Object anyValue(Object previous) throws IOException {
    Object value = previous == AnyValue.EMPTY ? AnyValue.EMPTY : previous;
    for (int tag; (tag = in.readTag()) != 0; ) {
      switch (tag) {
        case 10 -> value = in.readStringRequireUtf8();
        case 16 -> value = in.readBool();
        case 24 -> value = in.readInt64();
        case 33 -> value = in.readDouble();
        case 42 -> {
          List<Object> items = value instanceof List<?> l ? new ArrayList<>(l) : new ArrayList<>();
          int limit = enter();
          for (int t; (t = in.readTag()) != 0; ) {
            if (t == tag(1, LEN)) {
              int itemLimit = enter();
              items.add(anyValue(AnyValue.EMPTY));
              leave(itemLimit);
            } else {
              in.skipField(t);
            }
          }
          leave(limit);
          value = List.copyOf(items);
        }
        case 50 -> {
          AttributesReader kv = new AttributesReader();
          if (value instanceof Attributes earlier) kv.addAll(earlier);
          int limit = enter();
          for (int t; (t = in.readTag()) != 0; ) {
            if (t == tag(1, LEN)) keyValue(kv);
            else in.skipField(t);
          }
          leave(limit);
          value = kv.build();
        }
        case 58 -> value = Bytes.wrap(in.readByteArray());
        // string_value_strindex is meaningful only inside profiles, which carry the string table.
        case 64 -> {
          in.readInt32();
          value = AnyValue.EMPTY;
        }
        default -> in.skipField(tag);
      }
    }
    return value;
  }

  /** Reads a length prefix and enters the nested message it bounds, as protobuf counts depth. */
  private int enter() throws IOException {
    if (depth >= MAX_DEPTH) {
      throw new InvalidProtocolBufferException("Protocol message had too many levels of nesting (more than "
          + MAX_DEPTH + ")");
    }
    depth++;
    int length = in.readRawVarint32();
    if (length < 0) throw new InvalidProtocolBufferException("a message claims a negative length");
    return in.pushLimit(length);
  }

  private void leave(int oldLimit) throws IOException {
    in.checkLastTagWas(0);
    if (!in.isAtEnd()) throw new InvalidProtocolBufferException("a nested message ended inside a field");
    in.popLimit(oldLimit);
    depth--;
  }

  /** An id field: its length as sent and, when it has the expected length, its value. */
  private static final class Ids {
    private final int expected;
    int length;
    long high;
    long low;

    Ids(int expected) {
      this.expected = expected;
    }

    void read(CodedInputStream in) throws IOException {
      length = in.readRawVarint32();
      if (length != expected) {
        in.skipRawBytes(length);
        return;
      }
      high = expected == 16 ? bigEndianLong(in) : 0;
      low = bigEndianLong(in);
    }

    boolean isZero() {
      return high == 0 && low == 0;
    }

    private static long bigEndianLong(CodedInputStream in) throws IOException {
      return Long.reverseBytes(in.readRawLittleEndian64());
    }
  }

  /** Collects key/values in order without a builder per value. */
  private static final class AttributesReader {
    private Attributes.Builder builder;

    void add(String key, Object value) {
      if (builder == null) builder = Attributes.builder(8);
      builder.put(key, value);
    }

    void addAll(Attributes attributes) {
      attributes.forEach(this::add);
    }

    Attributes build() {
      return builder == null ? Attributes.EMPTY : builder.build();
    }
  }
}
