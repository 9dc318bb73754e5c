package dev.ariadne.codec.otlp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.protobuf.util.JsonFormat;
import dev.ariadne.model.Attributes;
import dev.ariadne.model.Resource;
import dev.ariadne.model.Span;
import dev.ariadne.model.SpanKind;
import dev.ariadne.model.StatusCode;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import java.io.IOException;
import java.io.StringWriter;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The encoder against two independent references: our decoder (a round trip must give back the spans) and
 * protobuf's own JSON printer (both dialects must print the message it prints, with only the differences
 * each dialect names).
 */
class OtlpJsonEncoderTest {
  private static final int REQUESTS = 300;
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private static List<Span> randomSpans(long seed) throws Exception {
    ExportTraceServiceRequest request = new RandomRequests(seed, false).request();
    return OtlpProtoDecoder.decode(request.toByteArray()).spans();
  }

  @Test
  void encodeThenDecodeGivesBackTheSpans() throws Exception {
    for (long seed = 1; seed <= REQUESTS; seed++) {
      List<Span> spans = randomSpans(seed);

      DecodedSpans decoded = OtlpJsonDecoder.decode(OtlpJsonEncoder.encode(spans));

      String where = "seed " + seed;
      assertEquals(spans, decoded.spans(), where);
      assertEquals(0, decoded.rejected(), where);
      // The same protobuf message means the same grouping into ResourceSpans and ScopeSpans.
      assertEquals(OtlpProtoEncoder.encode(spans), OtlpProtoEncoder.encode(decoded.spans()), where);
    }
  }

  @Test
  void otlpDialectIsProtobufsJsonWithHexIdsAndEnumNumbers() throws Exception {
    for (long seed = 1; seed <= REQUESTS; seed++) {
      List<Span> spans = randomSpans(seed);
      JsonNode expected = MAPPER.readTree(JsonFormat.printer().printingEnumsAsInts()
          .print(OtlpProtoEncoder.encode(spans)));
      hexIds(expected);

      assertEquals(expected, MAPPER.readTree(OtlpJsonEncoder.encode(spans)), "seed " + seed);
    }
  }

  @Test
  void protobufDialectIsExactlyWhatProtobufsJsonPrinterWrites() throws Exception {
    for (long seed = 1; seed <= REQUESTS; seed++) {
      List<Span> spans = randomSpans(seed);
      JsonNode expected = MAPPER.readTree(JsonFormat.printer().print(OtlpProtoEncoder.encode(spans)));

      assertEquals(expected, MAPPER.readTree(resourceSpans(spans, OtlpJsonEncoder.Dialect.PROTOBUF)),
          "seed " + seed);
    }
  }

  @Test
  void writesTheSpecExampleShape() throws Exception {
    Span span = Span.builder()
        .resource(Resource.of(Attributes.of("service.name", "my.service")))
        .traceId(0x5B8EFFF798038103L, 0xD269B633813FC60CL)
        .spanId(0xEEE19B7EC3C1B174L)
        .parentSpanId(0xEEE19B7EC3C1B173L)
        .name("I'm a server span")
        .kind(SpanKind.SERVER)
        .startEpochNanos(1544712660000000000L)
        .endEpochNanos(-1) // 2^64-1 as fixed64
        .attributes(Attributes.of("my.span.attr", "some value", "n", 7L))
        .status(StatusCode.ERROR, "")
        .build();

    JsonNode s = MAPPER.readTree(OtlpJsonEncoder.encode(List.of(span)))
        .at("/resourceSpans/0/scopeSpans/0/spans/0");

    assertEquals("5b8efff798038103d269b633813fc60c", s.get("traceId").asText());
    assertEquals("eee19b7ec3c1b174", s.get("spanId").asText());
    assertEquals("eee19b7ec3c1b173", s.get("parentSpanId").asText());
    assertEquals(2, s.get("kind").asInt());
    assertEquals("1544712660000000000", s.get("startTimeUnixNano").textValue());
    assertEquals("18446744073709551615", s.get("endTimeUnixNano").textValue());
    assertEquals("7", s.at("/attributes/1/value/intValue").textValue());
    assertEquals(2, s.at("/status/code").asInt());
    assertFalse(s.has("traceState"), "defaults are left out: " + s);
    assertFalse(s.has("droppedAttributesCount"), "defaults are left out: " + s);
  }

  private static String resourceSpans(List<Span> spans, OtlpJsonEncoder.Dialect dialect) throws IOException {
    StringWriter out = new StringWriter();
    try (JsonGenerator g = new JsonFactory().createGenerator(out)) {
      g.writeStartObject();
      g.writeFieldName("resourceSpans");
      OtlpJsonEncoder.writeResourceSpans(g, spans, dialect);
      g.writeEndObject();
    }
    return out.toString();
  }

  /** Rewrites ids from base64, as protobuf prints bytes, to hex. Only spans and links have these fields. */
  private static void hexIds(JsonNode node) {
    if (node instanceof ObjectNode object) {
      for (String name : List.of("traceId", "spanId", "parentSpanId")) {
        if (object.has(name)) {
          object.put(name, HexFormat.of().formatHex(Base64.getDecoder().decode(object.get(name).asText())));
        }
      }
    }
    node.forEach(OtlpJsonEncoderTest::hexIds);
  }
}
