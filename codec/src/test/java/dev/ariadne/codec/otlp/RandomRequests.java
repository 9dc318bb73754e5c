package dev.ariadne.codec.otlp;

import com.google.protobuf.ByteString;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import io.opentelemetry.proto.common.v1.AnyValue;
import io.opentelemetry.proto.common.v1.ArrayValue;
import io.opentelemetry.proto.common.v1.EntityRef;
import io.opentelemetry.proto.common.v1.InstrumentationScope;
import io.opentelemetry.proto.common.v1.KeyValue;
import io.opentelemetry.proto.common.v1.KeyValueList;
import io.opentelemetry.proto.resource.v1.Resource;
import io.opentelemetry.proto.trace.v1.ResourceSpans;
import io.opentelemetry.proto.trace.v1.ScopeSpans;
import io.opentelemetry.proto.trace.v1.Span;
import io.opentelemetry.proto.trace.v1.Status;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Random requests for property tests, setting every field the span model keeps. Each is built to survive
 * decode-then-encode unchanged, which rules out a few shapes the model cannot tell apart:
 *
 * <ul>
 *   <li>every ResourceSpans has a ScopeSpans and every ScopeSpans a span: the model is a list of spans,
 *       so an envelope without spans leaves nothing to encode back;
 *   <li>resource, scope and every KeyValue's value are always set, as the encoder always sets them
 *       (protobuf keeps "set to the default message" apart from "not set");
 *   <li>status is set only when its code is not UNSET or its message is not empty, as the encoder omits a
 *       default Status for the same reason;
 *   <li>kinds and status codes are ones the model knows, parent span ids are empty or non-zero, and
 *       string_value_strindex and key_strindex (meaningful only in profiles) are not used.
 * </ul>
 *
 * <p>With {@code invalidIds}, about one span in six also gets ids that OTLP forbids, to exercise
 * rejection.
 */
final class RandomRequests {
  private static final String[] KEYS = {"service.name", "http.method", "k", "", "ключ", "键"};

  private final Random random;
  private final boolean invalidIds;

  RandomRequests(long seed, boolean invalidIds) {
    this.random = new Random(seed);
    this.invalidIds = invalidIds;
  }

  static int spanCount(ExportTraceServiceRequest request) {
    return request.getResourceSpansList().stream()
        .flatMap(rs -> rs.getScopeSpansList().stream())
        .mapToInt(ScopeSpans::getSpansCount)
        .sum();
  }

  ExportTraceServiceRequest request() {
    ExportTraceServiceRequest.Builder b = ExportTraceServiceRequest.newBuilder();
    for (int i = 1 + random.nextInt(3); i > 0; i--) b.addResourceSpans(resourceSpans());
    return b.build();
  }

  private ResourceSpans resourceSpans() {
    Resource.Builder resource = Resource.newBuilder()
        .addAllAttributes(keyValues(0))
        .setDroppedAttributesCount(count());
    for (int i = random.nextInt(3); i > 0; i--) {
      EntityRef.Builder ref = EntityRef.newBuilder().setSchemaUrl(schemaUrl()).setType(string());
      for (int k = random.nextInt(3); k > 0; k--) ref.addIdKeys(key());
      for (int k = random.nextInt(3); k > 0; k--) ref.addDescriptionKeys(key());
      resource.addEntityRefs(ref);
    }
    ResourceSpans.Builder rs = ResourceSpans.newBuilder().setResource(resource).setSchemaUrl(schemaUrl());
    for (int i = 1 + random.nextInt(3); i > 0; i--) rs.addScopeSpans(scopeSpans());
    return rs.build();
  }

  private ScopeSpans scopeSpans() {
    ScopeSpans.Builder ss = ScopeSpans.newBuilder()
        .setScope(InstrumentationScope.newBuilder()
            .setName(string())
            .setVersion(string())
            .addAllAttributes(keyValues(0))
            .setDroppedAttributesCount(count()))
        .setSchemaUrl(schemaUrl());
    for (int i = 1 + random.nextInt(4); i > 0; i--) ss.addSpans(span());
    return ss.build();
  }

  private Span span() {
    Span.Builder s = Span.newBuilder()
        .setTraceId(id(16))
        .setSpanId(id(8))
        .setTraceState(random.nextBoolean() ? "" : "vendor=" + random.nextInt(1000))
        .setFlags(random.nextInt(4) == 0 ? random.nextInt() : 0x101)
        .setName(string())
        .setKindValue(random.nextInt(Span.SpanKind.values().length - 1)) // all but UNRECOGNIZED
        .setStartTimeUnixNano(longValue())
        .setEndTimeUnixNano(longValue())
        .addAllAttributes(keyValues(0))
        .setDroppedAttributesCount(count())
        .setDroppedEventsCount(count())
        .setDroppedLinksCount(count());
    if (random.nextBoolean()) s.setParentSpanId(id(8));
    for (int i = random.nextInt(3); i > 0; i--) {
      s.addEvents(Span.Event.newBuilder()
          .setTimeUnixNano(longValue())
          .setName(string())
          .addAllAttributes(keyValues(0))
          .setDroppedAttributesCount(count()));
    }
    for (int i = random.nextInt(3); i > 0; i--) {
      s.addLinks(Span.Link.newBuilder()
          .setTraceId(id(16))
          .setSpanId(id(8))
          .setTraceState(random.nextBoolean() ? "" : "a=b,c=" + random.nextInt(100))
          .addAllAttributes(keyValues(0))
          .setDroppedAttributesCount(count())
          .setFlags(random.nextInt()));
    }
    int code = random.nextInt(3);
    String message = random.nextBoolean() ? "" : string();
    if (code != 0 || !message.isEmpty()) s.setStatus(Status.newBuilder().setCodeValue(code).setMessage(message));
    if (invalidIds && random.nextInt(6) == 0) breakIds(s);
    return s.build();
  }

  /** Gives the span one of the id faults OTLP forbids. */
  private void breakIds(Span.Builder s) {
    switch (random.nextInt(7)) {
      case 0 -> s.setTraceId(ByteString.EMPTY);
      case 1 -> s.setTraceId(id(15));
      case 2 -> s.setTraceId(ByteString.copyFrom(new byte[16]));
      case 3 -> s.setSpanId(id(9));
      case 4 -> s.setSpanId(ByteString.copyFrom(new byte[8]));
      case 5 -> s.setParentSpanId(id(5));
      default -> s.addLinks(Span.Link.newBuilder().setTraceId(id(16)).setSpanId(id(4)));
    }
  }

  /** Zero to four pairs; keys repeat often, as OTLP allows and the model keeps. */
  private List<KeyValue> keyValues(int depth) {
    List<KeyValue> pairs = new ArrayList<>();
    for (int i = random.nextInt(5); i > 0; i--) {
      pairs.add(KeyValue.newBuilder().setKey(key()).setValue(value(depth)).build());
    }
    return pairs;
  }

  private AnyValue value(int depth) {
    AnyValue.Builder v = AnyValue.newBuilder();
    // Arrays and kvlists only near the top, so values stay small.
    switch (random.nextInt(depth < 3 ? 8 : 6)) {
      case 0 -> v.setStringValue(string());
      case 1 -> v.setBoolValue(random.nextBoolean());
      case 2 -> v.setIntValue(longValue());
      case 3 -> v.setDoubleValue(doubleValue());
      case 4 -> v.setBytesValue(bytes(random.nextInt(12)));
      case 5 -> { } // no case set: an empty AnyValue
      case 6 -> {
        ArrayValue.Builder array = ArrayValue.newBuilder();
        for (int i = random.nextInt(4); i > 0; i--) array.addValues(value(depth + 1));
        v.setArrayValue(array);
      }
      default -> v.setKvlistValue(KeyValueList.newBuilder().addAllValues(keyValues(depth + 1)));
    }
    return v.build();
  }

  private String key() {
    return random.nextInt(4) == 0 ? string() : KEYS[random.nextInt(KEYS.length)];
  }

  private String schemaUrl() {
    return random.nextBoolean() ? "" : "https://opentelemetry.io/schemas/1." + random.nextInt(40) + ".0";
  }

  /** Text with quotes, escapes, control characters, non-Latin letters and characters beyond the BMP. */
  private String string() {
    String[] pieces = {"a", "Z", " ", "\"", "\\", "\n", "\u0001", "é", "ß", "日本", "\u2028", "😀", "𝄞", "/"};
    StringBuilder sb = new StringBuilder();
    for (int i = random.nextInt(8); i > 0; i--) sb.append(pieces[random.nextInt(pieces.length)]);
    return sb.toString();
  }

  private long longValue() {
    return switch (random.nextInt(6)) {
      case 0 -> 0;
      case 1 -> Long.MIN_VALUE;
      case 2 -> Long.MAX_VALUE;
      case 3 -> -1; // 2^64-1 in fixed64 fields
      case 4 -> 1_700_000_000_000_000_000L + random.nextInt(1_000_000_000);
      default -> random.nextLong();
    };
  }

  private double doubleValue() {
    double[] special = {0.0, -0.0, Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY,
        Double.MIN_VALUE, Double.MAX_VALUE, 1e21, 0.1};
    return random.nextBoolean() ? special[random.nextInt(special.length)] : random.nextGaussian() * 1e6;
  }

  /** A uint32 count, now and then one above 2^31-1, which Java holds as a negative int. */
  private int count() {
    return switch (random.nextInt(4)) {
      case 0 -> 0;
      case 1 -> -1;
      default -> random.nextInt(1000);
    };
  }

  /** Random bytes, not all zero (a zero id means absent). */
  private ByteString id(int length) {
    byte[] b = new byte[length];
    random.nextBytes(b);
    b[length - 1] |= 1;
    return ByteString.copyFrom(b);
  }

  private ByteString bytes(int length) {
    byte[] b = new byte[length];
    random.nextBytes(b);
    return ByteString.copyFrom(b);
  }
}
