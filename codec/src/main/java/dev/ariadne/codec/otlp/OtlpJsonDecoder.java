package dev.ariadne.codec.otlp;

import static com.fasterxml.jackson.core.JsonToken.END_ARRAY;
import static com.fasterxml.jackson.core.JsonToken.FIELD_NAME;
import static com.fasterxml.jackson.core.JsonToken.START_ARRAY;
import static com.fasterxml.jackson.core.JsonToken.START_OBJECT;
import static com.fasterxml.jackson.core.JsonToken.VALUE_NULL;
import static com.fasterxml.jackson.core.JsonToken.VALUE_NUMBER_FLOAT;
import static com.fasterxml.jackson.core.JsonToken.VALUE_NUMBER_INT;
import static com.fasterxml.jackson.core.JsonToken.VALUE_STRING;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.JsonToken;
import dev.ariadne.model.AnyValue;
import dev.ariadne.model.Attributes;
import dev.ariadne.model.Bytes;
import dev.ariadne.model.Hex;
import dev.ariadne.model.InstrumentationScope;
import dev.ariadne.model.Resource;
import dev.ariadne.model.Span;
import dev.ariadne.model.SpanEvent;
import dev.ariadne.model.SpanKind;
import dev.ariadne.model.SpanLink;
import dev.ariadne.model.StatusCode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;

/**
 * Decodes an OTLP/HTTP JSON body (ExportTraceServiceRequest in OTLP's JSON encoding) into spans, in one
 * pass of a streaming parser.
 *
 * <p>OTLP/JSON is proto3's JSON mapping except that trace and span ids are hex (either case), not base64.
 * So integers may be JSON numbers or decimal strings, bytes are base64, null means the field's default,
 * and unknown fields are skipped. The OTLP spec tells senders to use lowerCamelCase keys and enum
 * numbers; like protobuf's own JSON parsers, this also accepts the snake_case field names and enum
 * names ("SPAN_KIND_SERVER").
 *
 * <p>As in {@link OtlpProtoDecoder}, a span with bad ids is rejected alone (see {@link SpanValidator});
 * anything else that does not fit the schema fails the whole request with {@link OtlpJsonException}.
 */
public final class OtlpJsonDecoder {
  /**
   * How deeply arrays and kvlists may nest in one attribute value. It bounds recursion on hostile input,
   * and 31 nested kvlists in a link's attributes is as deep as protobuf's default recursion limit lets
   * {@link OtlpProtoDecoder} read, so whatever is accepted here can be re-encoded as protobuf and read back.
   */
  static final int MAX_VALUE_DEPTH = 31;

  private static final JsonFactory FACTORY = new JsonFactory();
  private static final List<String> KIND_NAMES = enumNames("SPAN_KIND_", SpanKind.values());
  private static final List<String> STATUS_NAMES = enumNames("STATUS_CODE_", StatusCode.values());

  /** The integer types of OTLP's fields, with the range each allows. */
  private enum Range {
    INT32(Integer.MIN_VALUE, Integer.MAX_VALUE, "a 32-bit integer"),
    UINT32(0, 0xFFFF_FFFFL, "an unsigned 32-bit integer"),
    INT64(Long.MIN_VALUE, Long.MAX_VALUE, "a 64-bit integer"),
    /** Up to 2^64-1: min and max bound only what fits a long, inRange(BigInteger) allows the rest. */
    UINT64(0, Long.MAX_VALUE, "an unsigned 64-bit integer");

    final long min;
    final long max;
    final String description;

    Range(long min, long max, String description) {
      this.min = min;
      this.max = max;
      this.description = description;
    }
  }

  private final JsonParser p;
  private final List<Span> spans = new ArrayList<>();
  private final SpanValidator validator = new SpanValidator();

  private OtlpJsonDecoder(JsonParser p) {
    this.p = p;
  }

  /**
   * Parses and converts a request body.
   *
   * @throws OtlpJsonException if the body is not JSON or does not fit the request's schema
   */
  public static DecodedSpans decode(byte[] body) throws OtlpJsonException {
    try (JsonParser p = FACTORY.createParser(body)) {
      return new OtlpJsonDecoder(p).request();
    } catch (JsonProcessingException e) {
      JsonLocation at = e.getLocation();
      String where = at == null ? "" : " at line " + at.getLineNr() + ", column " + at.getColumnNr();
      throw new OtlpJsonException("not valid JSON" + where + ": " + e.getOriginalMessage(), e);
    } catch (IOException e) {
      throw new UncheckedIOException("reading a byte array cannot fail", e);
    }
  }

  private DecodedSpans request() throws IOException, OtlpJsonException {
    p.nextToken();
    startObject();
    while (nextField()) {
      switch (p.currentName()) {
        case "resourceSpans", "resource_spans" -> {
          startArray();
          while (nextElement()) resourceSpans();
        }
        default -> p.skipChildren();
      }
    }
    if (p.nextToken() != null) throw error("the end of the body");
    return new DecodedSpans(spans, validator.rejected(), validator.message());
  }

  /**
   * Reads one resourceSpans entry. Its fields may come in any order, so its spans are built only at its
   * end, all with one Resource object (the encoder groups spans by that object).
   */
  private void resourceSpans() throws IOException, OtlpJsonException {
    Resource resource = Resource.EMPTY;
    String schemaUrl = "";
    List<Span.Builder> builders = new ArrayList<>();
    startObject();
    while (nextField()) {
      switch (p.currentName()) {
        case "resource" -> resource = resource();
        case "scopeSpans", "scope_spans" -> {
          startArray();
          while (nextElement()) scopeSpans(builders);
        }
        case "schemaUrl", "schema_url" -> schemaUrl = string();
        default -> p.skipChildren();
      }
    }
    Resource shared = new Resource(
        resource.attributes(), resource.droppedAttributesCount(), resource.entityRefs(), schemaUrl);
    for (Span.Builder b : builders) spans.add(b.resource(shared).build());
  }

  private Resource resource() throws IOException, OtlpJsonException {
    Attributes attributes = Attributes.EMPTY;
    int droppedAttributesCount = 0;
    List<Resource.EntityRef> entityRefs = new ArrayList<>();
    startObject();
    while (nextField()) {
      switch (p.currentName()) {
        case "attributes" -> attributes = keyValues(0);
        case "droppedAttributesCount", "dropped_attributes_count" -> droppedAttributesCount = uint32();
        case "entityRefs", "entity_refs" -> {
          startArray();
          while (nextElement()) entityRefs.add(entityRef());
        }
        default -> p.skipChildren();
      }
    }
    return new Resource(attributes, droppedAttributesCount, entityRefs, "");
  }

  private Resource.EntityRef entityRef() throws IOException, OtlpJsonException {
    String schemaUrl = "";
    String type = "";
    List<String> idKeys = List.of();
    List<String> descriptionKeys = List.of();
    startObject();
    while (nextField()) {
      switch (p.currentName()) {
        case "schemaUrl", "schema_url" -> schemaUrl = string();
        case "type" -> type = string();
        case "idKeys", "id_keys" -> idKeys = strings();
        case "descriptionKeys", "description_keys" -> descriptionKeys = strings();
        default -> p.skipChildren();
      }
    }
    return new Resource.EntityRef(schemaUrl, type, idKeys, descriptionKeys);
  }

  /** Reads one scopeSpans entry into {@code out}, its valid spans sharing one InstrumentationScope object. */
  private void scopeSpans(List<Span.Builder> out) throws IOException, OtlpJsonException {
    int first = out.size();
    InstrumentationScope scope = InstrumentationScope.EMPTY;
    String schemaUrl = "";
    startObject();
    while (nextField()) {
      switch (p.currentName()) {
        case "scope" -> scope = scope();
        case "spans" -> {
          startArray();
          while (nextElement()) {
            Span.Builder span = span();
            if (span != null) out.add(span);
          }
        }
        case "schemaUrl", "schema_url" -> schemaUrl = string();
        default -> p.skipChildren();
      }
    }
    InstrumentationScope shared = new InstrumentationScope(
        scope.name(), scope.version(), scope.attributes(), scope.droppedAttributesCount(), schemaUrl);
    for (Span.Builder b : out.subList(first, out.size())) b.scope(shared);
  }

  private InstrumentationScope scope() throws IOException, OtlpJsonException {
    String name = "";
    String version = "";
    Attributes attributes = Attributes.EMPTY;
    int droppedAttributesCount = 0;
    startObject();
    while (nextField()) {
      switch (p.currentName()) {
        case "name" -> name = string();
        case "version" -> version = string();
        case "attributes" -> attributes = keyValues(0);
        case "droppedAttributesCount", "dropped_attributes_count" -> droppedAttributesCount = uint32();
        default -> p.skipChildren();
      }
    }
    return new InstrumentationScope(name, version, attributes, droppedAttributesCount, "");
  }

  /**
   * Reads a span without its resource and scope, which the callers set. Returns null, and counts the span
   * as rejected, if its ids are invalid.
   */
  private Span.Builder span() throws IOException, OtlpJsonException {
    Span.Builder b = Span.builder();
    String traceId = "";
    String spanId = "";
    String parentSpanId = "";
    String badLink = null;
    startObject();
    while (nextField()) {
      switch (p.currentName()) {
        case "traceId", "trace_id" -> traceId = string();
        case "spanId", "span_id" -> spanId = string();
        case "parentSpanId", "parent_span_id" -> parentSpanId = string();
        case "traceState", "trace_state" -> b.traceState(string());
        case "flags" -> b.flags(uint32());
        case "name" -> b.name(string());
        case "kind" -> b.kind(SpanKind.fromWire(enumValue(KIND_NAMES)));
        case "startTimeUnixNano", "start_time_unix_nano" -> b.startEpochNanos(integer(Range.UINT64));
        case "endTimeUnixNano", "end_time_unix_nano" -> b.endEpochNanos(integer(Range.UINT64));
        case "attributes" -> b.attributes(keyValues(0));
        case "droppedAttributesCount", "dropped_attributes_count" -> b.droppedAttributesCount(uint32());
        case "events" -> {
          List<SpanEvent> events = new ArrayList<>();
          startArray();
          while (nextElement()) events.add(event());
          b.events(events);
        }
        case "droppedEventsCount", "dropped_events_count" -> b.droppedEventsCount(uint32());
        case "links" -> {
          List<SpanLink> links = new ArrayList<>();
          startArray();
          for (int i = 0; nextElement(); i++) {
            SpanLink link = link();
            if (link != null) {
              links.add(link);
            } else if (badLink == null) {
              badLink = "links[" + i + "] must have a 16-byte trace_id and an 8-byte span_id";
            }
          }
          b.links(links);
        }
        case "droppedLinksCount", "dropped_links_count" -> b.droppedLinksCount(uint32());
        case "status" -> status(b);
        default -> p.skipChildren();
      }
    }
    String reason = idsReason(traceId, spanId, parentSpanId);
    if (reason == null) reason = badLink;
    if (reason != null) {
      validator.reject(where(), reason); // at the span's end, where() names the span itself
      return null;
    }
    return b.traceId(Hex.toLong(traceId, 0), Hex.toLong(traceId, 16))
        .spanId(Hex.toLong(spanId, 0))
        .parentSpanId(parentSpanId.isEmpty() ? 0 : Hex.toLong(parentSpanId, 0));
  }

  private SpanEvent event() throws IOException, OtlpJsonException {
    long time = 0;
    String name = "";
    Attributes attributes = Attributes.EMPTY;
    int droppedAttributesCount = 0;
    startObject();
    while (nextField()) {
      switch (p.currentName()) {
        case "timeUnixNano", "time_unix_nano" -> time = integer(Range.UINT64);
        case "name" -> name = string();
        case "attributes" -> attributes = keyValues(0);
        case "droppedAttributesCount", "dropped_attributes_count" -> droppedAttributesCount = uint32();
        default -> p.skipChildren();
      }
    }
    return new SpanEvent(time, name, attributes, droppedAttributesCount);
  }

  /** Reads a link, or returns null if its ids are not a 16-byte trace id and an 8-byte span id. */
  private SpanLink link() throws IOException, OtlpJsonException {
    String traceId = "";
    String spanId = "";
    String traceState = "";
    Attributes attributes = Attributes.EMPTY;
    int droppedAttributesCount = 0;
    int flags = 0;
    startObject();
    while (nextField()) {
      switch (p.currentName()) {
        case "traceId", "trace_id" -> traceId = string();
        case "spanId", "span_id" -> spanId = string();
        case "traceState", "trace_state" -> traceState = string();
        case "attributes" -> attributes = keyValues(0);
        case "droppedAttributesCount", "dropped_attributes_count" -> droppedAttributesCount = uint32();
        case "flags" -> flags = uint32();
        default -> p.skipChildren();
      }
    }
    if (hexBytes(traceId) != 16 || hexBytes(spanId) != 8) return null;
    return new SpanLink(Hex.toLong(traceId, 0), Hex.toLong(traceId, 16), Hex.toLong(spanId, 0), traceState,
        attributes, droppedAttributesCount, flags);
  }

  private void status(Span.Builder b) throws IOException, OtlpJsonException {
    String message = "";
    StatusCode code = StatusCode.UNSET;
    startObject();
    while (nextField()) {
      switch (p.currentName()) {
        case "message" -> message = string();
        case "code" -> code = StatusCode.fromWire(enumValue(STATUS_NAMES));
        default -> p.skipChildren();
      }
    }
    b.status(code, message);
  }

  /** A KeyValue array; {@code depth} is how many arrays and kvlists enclose it. */
  private Attributes keyValues(int depth) throws IOException, OtlpJsonException {
    Attributes.Builder attributes = Attributes.builder(0);
    startArray();
    while (nextElement()) {
      String key = "";
      Object value = AnyValue.EMPTY;
      startObject();
      while (nextField()) {
        switch (p.currentName()) {
          case "key" -> key = string();
          case "value" -> value = anyValue(depth);
          default -> p.skipChildren();
        }
      }
      attributes.put(key, value);
    }
    return attributes.build();
  }

  private Object anyValue(int depth) throws IOException, OtlpJsonException {
    Object value = AnyValue.EMPTY;
    startObject();
    while (nextField()) {
      Object v = switch (p.currentName()) {
        case "stringValue", "string_value" -> string();
        case "boolValue", "bool_value" -> bool();
        case "intValue", "int_value" -> integer(Range.INT64);
        case "doubleValue", "double_value" -> doubleValue();
        case "bytesValue", "bytes_value" -> bytes();
        case "arrayValue", "array_value" -> arrayValue(depth + 1);
        case "kvlistValue", "kvlist_value" -> kvlistValue(depth + 1);
        // Includes stringValueStrindex, which means something only inside profiles (see OtlpProtoDecoder).
        default -> {
          p.skipChildren();
          yield null;
        }
      };
      if (v == null) continue;
      if (value != AnyValue.EMPTY) throw error("at most one value in an AnyValue");
      value = v;
    }
    return value;
  }

  private List<Object> arrayValue(int depth) throws IOException, OtlpJsonException {
    checkDepth(depth);
    List<Object> items = new ArrayList<>();
    startObject();
    while (nextField()) {
      if (p.currentName().equals("values")) {
        startArray();
        while (nextElement()) items.add(anyValue(depth));
      } else {
        p.skipChildren();
      }
    }
    return List.copyOf(items);
  }

  private Attributes kvlistValue(int depth) throws IOException, OtlpJsonException {
    checkDepth(depth);
    Attributes values = Attributes.EMPTY;
    startObject();
    while (nextField()) {
      if (p.currentName().equals("values")) {
        values = keyValues(depth);
      } else {
        p.skipChildren();
      }
    }
    return values;
  }

  private void checkDepth(int depth) throws IOException, OtlpJsonException {
    if (depth > MAX_VALUE_DEPTH) {
      throw error("arrays and kvlists nested at most " + MAX_VALUE_DEPTH + " deep");
    }
  }

  private List<String> strings() throws IOException, OtlpJsonException {
    List<String> out = new ArrayList<>();
    startArray();
    while (nextElement()) out.add(string());
    return out;
  }

  private String string() throws IOException, OtlpJsonException {
    if (p.currentToken() != VALUE_STRING) throw error("a string");
    return p.getText();
  }

  private boolean bool() throws IOException, OtlpJsonException {
    return switch (p.currentToken()) {
      case VALUE_TRUE -> true;
      case VALUE_FALSE -> false;
      default -> throw error("true or false");
    };
  }

  /** A double: a JSON number, or a string holding one or "NaN", "Infinity" or "-Infinity". */
  private double doubleValue() throws IOException, OtlpJsonException {
    JsonToken t = p.currentToken();
    if (t == VALUE_NUMBER_INT || t == VALUE_NUMBER_FLOAT) return p.getDoubleValue();
    if (t == VALUE_STRING) {
      try {
        return Double.parseDouble(p.getText());
      } catch (NumberFormatException e) {
        // reported below
      }
    }
    throw error("a number");
  }

  private Bytes bytes() throws IOException, OtlpJsonException {
    String s = string();
    // proto3 JSON accepts the URL-safe alphabet as well as the standard one; Java's decoders take either
    // padded or unpadded input.
    boolean urlSafe = s.indexOf('-') >= 0 || s.indexOf('_') >= 0;
    try {
      return Bytes.wrap((urlSafe ? Base64.getUrlDecoder() : Base64.getDecoder()).decode(s));
    } catch (IllegalArgumentException e) {
      throw error("base64");
    }
  }

  private int uint32() throws IOException, OtlpJsonException {
    return (int) integer(Range.UINT32); // values above 2^31-1 keep their bits, as in protobuf's Java API
  }

  /** An enum: its number, or its name as protobuf's JSON parsers also allow. */
  private int enumValue(List<String> names) throws IOException, OtlpJsonException {
    if (p.currentToken() == VALUE_STRING) {
      int i = names.indexOf(p.getText());
      if (i >= 0) return i;
    }
    return (int) integer(Range.INT32);
  }

  /** An integer: a JSON number or a decimal string, as proto3 JSON allows for every integer type. */
  private long integer(Range range) throws IOException, OtlpJsonException {
    JsonToken t = p.currentToken();
    if (t == VALUE_NUMBER_INT && p.getNumberType() != JsonParser.NumberType.BIG_INTEGER) {
      return inRange(p.getLongValue(), range);
    }
    if (t != VALUE_STRING && t != VALUE_NUMBER_INT && t != VALUE_NUMBER_FLOAT) throw error("an integer");
    String text = p.getText();
    if (t == VALUE_STRING) {
      try {
        return inRange(Long.parseLong(text), range);
      } catch (NumberFormatException e) {
        // beyond a long, or in exponent form: the slow path below
      }
    }
    return inRange(bigInteger(text, range), range);
  }

  private long inRange(long v, Range range) throws IOException, OtlpJsonException {
    if (v < range.min || v > range.max) throw error(range.description);
    return v;
  }

  private long inRange(BigInteger v, Range range) throws IOException, OtlpJsonException {
    if (v.bitLength() < 64) return inRange(v.longValue(), range);
    // The top half of uint64 is kept as the negative long with the same bits, as protobuf's Java API does.
    if (range == Range.UINT64 && v.signum() > 0 && v.bitLength() == 64) return v.longValue();
    throw error(range.description);
  }

  /**
   * An integer in any form proto3 JSON allows: beyond a long, or with a fraction or exponent that leaves
   * it whole ("1.5e3"). The magnitude is checked before converting, as "1e999999999" or "1e-999999999"
   * would make BigDecimal compute huge powers of ten.
   */
  private BigInteger bigInteger(String text, Range range) throws IOException, OtlpJsonException {
    BigDecimal d;
    try {
      d = text.length() <= 100 ? new BigDecimal(text) : null;
    } catch (NumberFormatException e) {
      d = null;
    }
    if (d == null) throw error("an integer");
    if (d.signum() == 0) return BigInteger.ZERO;
    int digitsBeforePoint = d.precision() - d.scale();
    if (digitsBeforePoint > 20) throw error(range.description);
    if (digitsBeforePoint <= 0 || d.stripTrailingZeros().scale() > 0) throw error("an integer");
    return d.toBigInteger();
  }

  private void startObject() throws IOException, OtlpJsonException {
    if (p.currentToken() != START_OBJECT) throw error("an object");
  }

  private void startArray() throws IOException, OtlpJsonException {
    if (p.currentToken() != START_ARRAY) throw error("an array");
  }

  /**
   * Moves to the next field's value, skipping fields whose value is null (proto3 JSON's "default"), and
   * returns false at the end of the object. The field's name is then {@code p.currentName()}.
   */
  private boolean nextField() throws IOException {
    while (p.nextToken() == FIELD_NAME) {
      if (p.nextToken() != VALUE_NULL) return true;
    }
    return false;
  }

  /** Moves to the next element of an array, returning false at its end. */
  private boolean nextElement() throws IOException {
    return p.nextToken() != END_ARRAY;
  }

  /** The error at the current token, e.g. {@code spans[2].startTimeUnixNano: expected an integer, got "abc"}. */
  private OtlpJsonException error(String expected) throws IOException {
    String where = where();
    return new OtlpJsonException((where.isEmpty() ? "" : where + ": ") + "expected " + expected + ", got " + got());
  }

  /** The path to the current token, as in {@code resourceSpans[0].scopeSpans[0].spans[2].name}. */
  private String where() {
    JsonStreamContext c = p.getParsingContext();
    // At the start of an object or array the context is already the new one, which is not yet part of the path.
    if (p.currentToken() == START_OBJECT || p.currentToken() == START_ARRAY) c = c.getParent();
    StringBuilder path = new StringBuilder();
    for (; c != null && !c.inRoot(); c = c.getParent()) {
      if (c.inArray()) {
        path.insert(0, "[" + c.getCurrentIndex() + "]");
      } else if (c.getCurrentName() != null) {
        path.insert(0, (c.getParent().inRoot() ? "" : ".") + c.getCurrentName());
      }
    }
    return path.toString();
  }

  private String got() throws IOException {
    JsonToken t = p.currentToken();
    if (t == null) return "the end of the body";
    return switch (t) {
      case START_OBJECT -> "an object";
      case START_ARRAY -> "an array";
      case VALUE_STRING -> quote(p.getText());
      default -> p.getText();
    };
  }

  /** Why a span's ids make it invalid, or null if they are valid. */
  private static String idsReason(String traceId, String spanId, String parentSpanId) {
    int traceIdBytes = hexBytes(traceId);
    int spanIdBytes = hexBytes(spanId);
    int parentSpanIdBytes = hexBytes(parentSpanId);
    if (traceIdBytes < 0) return "trace_id must be hex, got " + quote(traceId);
    if (spanIdBytes < 0) return "span_id must be hex, got " + quote(spanId);
    if (parentSpanIdBytes < 0) return "parent_span_id must be hex, got " + quote(parentSpanId);
    return SpanValidator.checkIds(
        traceIdBytes, isZero(traceId), spanIdBytes, isZero(spanId), parentSpanIdBytes);
  }

  /** How many bytes a hex id holds, or -1 if it is not hex digits (of either case) in pairs. */
  private static int hexBytes(String id) {
    if (id.length() % 2 != 0) return -1;
    for (int i = 0; i < id.length(); i++) {
      if (!HexFormat.isHexDigit(id.charAt(i))) return -1;
    }
    return id.length() / 2;
  }

  private static boolean isZero(String hex) {
    for (int i = 0; i < hex.length(); i++) {
      if (hex.charAt(i) != '0') return false;
    }
    return true;
  }

  /** Quotes a value for a message, cut short so that a huge value cannot make a huge message. */
  private static String quote(String s) {
    return '"' + (s.length() > 64 ? s.substring(0, 64) + "..." : s) + '"';
  }

  private static List<String> enumNames(String prefix, Enum<?>[] values) {
    return Arrays.stream(values).map(v -> prefix + v.name()).toList();
  }
}
