package dev.ariadne.codec.otlp;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.protobuf.util.JsonFormat;
import dev.ariadne.model.AnyValue;
import dev.ariadne.model.Attributes;
import dev.ariadne.model.Bytes;
import dev.ariadne.model.InstrumentationScope;
import dev.ariadne.model.Resource;
import dev.ariadne.model.Span;
import dev.ariadne.model.SpanKind;
import dev.ariadne.model.StatusCode;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import java.io.IOException;
import java.io.InputStream;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

class OtlpJsonDecoderTest {
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final String TRACE_ID = "5b8efff798038103d269b633813fc60c";
  private static final String SPAN_ID = "eee19b7ec3c1b174";

  // --- Agreement with the protobuf path ---

  /**
   * protobuf's own JSON printer, with ids turned into hex, writes OTLP/JSON; decoding it must give what
   * decoding the protobuf gives, including which spans are rejected and why.
   */
  @Test
  void decodesWhatProtobufPrintsLikeTheProtobufDecoder() throws Exception {
    long rejected = 0;
    for (long seed = 1; seed <= 300; seed++) {
      ExportTraceServiceRequest request = new RandomRequests(seed, true).request();

      DecodedSpans expected = OtlpProtoDecoder.decode(request.toByteArray());
      DecodedSpans actual = OtlpJsonDecoder.decode(otlpJson(request, seed));

      String where = "seed " + seed;
      assertEquals(expected.spans(), actual.spans(), where);
      assertEquals(expected.rejected(), actual.rejected(), where);
      // The JSON decoder names places by their JSON keys; the reasons are the same.
      assertEquals(expected.errorMessage(),
          actual.errorMessage().replace("resourceSpans", "resource_spans").replace("scopeSpans", "scope_spans"),
          where);
      // Equal encodings mean the spans share Resource and InstrumentationScope objects the same way.
      assertEquals(OtlpProtoEncoder.encode(expected.spans()), OtlpProtoEncoder.encode(actual.spans()), where);
      rejected += actual.rejected();
    }
    assertTrue(rejected > 0, "the generator should have made some spans with invalid ids");
  }

  /**
   * The request in OTLP/JSON: protobuf's JSON mapping with ids in hex. The seed varies the printer's
   * options, so snake_case keys, enum names and numbers, explicit defaults and upper-case hex all occur.
   */
  private static byte[] otlpJson(ExportTraceServiceRequest request, long seed) throws IOException {
    JsonFormat.Printer printer = JsonFormat.printer();
    if ((seed & 1) != 0) printer = printer.preservingProtoFieldNames();
    if ((seed & 2) != 0) printer = printer.printingEnumsAsInts();
    if ((seed & 4) != 0) printer = printer.alwaysPrintFieldsWithNoPresence();
    JsonNode tree = MAPPER.readTree(printer.print(request));
    hexIds(tree, (seed & 8) != 0 ? HexFormat.of().withUpperCase() : HexFormat.of());
    return MAPPER.writeValueAsBytes(tree);
  }

  /** Rewrites ids from base64 to hex. Only spans and links have fields of these names. */
  private static void hexIds(JsonNode node, HexFormat hex) {
    if (node instanceof ObjectNode object) {
      for (String name : List.of("traceId", "trace_id", "spanId", "span_id", "parentSpanId", "parent_span_id")) {
        if (object.has(name)) {
          object.put(name, hex.formatHex(Base64.getDecoder().decode(object.get(name).asText())));
        }
      }
    }
    node.forEach(child -> hexIds(child, hex));
  }

  // --- Valid input ---

  @Test
  void decodesTheExampleFromTheOtlpSpecification() throws Exception {
    byte[] body;
    try (InputStream in = getClass().getResourceAsStream("/otlp/trace.json")) {
      body = in.readAllBytes();
    }

    DecodedSpans decoded = OtlpJsonDecoder.decode(body);

    Span expected = Span.builder()
        .resource(Resource.of(Attributes.of("service.name", "my.service")))
        .scope(new InstrumentationScope("my.library", "1.0.0",
            Attributes.of("my.scope.attribute", "some scope attribute"), 0, ""))
        .traceId(0x5B8EFFF798038103L, 0xD269B633813FC60CL)
        .spanId(0xEEE19B7EC3C1B174L)
        .parentSpanId(0xEEE19B7EC3C1B173L)
        .name("I'm a server span")
        .kind(SpanKind.SERVER)
        .startEpochNanos(1544712660000000000L)
        .endEpochNanos(1544712661000000000L)
        .attributes(Attributes.of("my.span.attr", "some value"))
        .build();
    assertEquals(List.of(expected), decoded.spans());
    assertEquals(0, decoded.rejected());
    assertEquals("", decoded.errorMessage());
  }

  @Test
  void anEmptyRequestHasNoSpans() throws Exception {
    for (String body : List.of("{}", "{'resourceSpans':[]}", "{'resourceSpans':null}")) {
      DecodedSpans decoded = OtlpJsonDecoder.decode(json(body));
      assertEquals(List.of(), decoded.spans(), body);
      assertEquals(0, decoded.rejected(), body);
      assertEquals("", decoded.errorMessage(), body);
    }
  }

  @Test
  void groupsSpansByResourceAndScopeWhateverTheOrderOfFields() throws Exception {
    // Spans come before their scope, and scopeSpans before their resource.
    String scopeSpans = "{'spans':[%s,%s],'schemaUrl':'s-url','scope':{'name':'lib','version':'1'}}"
        .formatted(span("a", ""), span("b", ""));
    DecodedSpans decoded = OtlpJsonDecoder.decode(json("{'resourceSpans':["
        + "{'scopeSpans':[" + scopeSpans + "," + scopeSpans + "],'schemaUrl':'r-url','resource':"
        + "{'attributes':[{'key':'service.name','value':{'stringValue':'svc'}}],'droppedAttributesCount':2,"
        + "'entityRefs':[{'schemaUrl':'e-url','type':'service','idKeys':['service.name'],"
        + "'descriptionKeys':['a','b']}]}},"
        + "{'scopeSpans':[" + scopeSpans + "]}]}"));

    List<Span> spans = decoded.spans();
    assertEquals(6, spans.size());
    assertEquals(new Resource(Attributes.of("service.name", "svc"), 2,
            List.of(new Resource.EntityRef("e-url", "service", List.of("service.name"), List.of("a", "b"))), "r-url"),
        spans.get(0).resource());
    assertEquals(new InstrumentationScope("lib", "1", Attributes.EMPTY, 0, "s-url"), spans.get(0).scope());
    assertSame(spans.get(0).resource(), spans.get(3).resource());
    assertNotSame(spans.get(3).resource(), spans.get(4).resource());
    assertEquals(Resource.EMPTY, spans.get(4).resource());
    assertSame(spans.get(0).scope(), spans.get(1).scope());
    assertNotSame(spans.get(1).scope(), spans.get(2).scope());
  }

  @Test
  void readsEveryKindOfAttributeValue() throws Exception {
    Span span = onlySpan(spans(span("s", ",'attributes':["
        + "{'key':'string','value':{'stringValue':'x'}},"
        + "{'key':'bool','value':{'boolValue':true}},"
        + "{'key':'int','value':{'intValue':'-9223372036854775808'}},"
        + "{'key':'int as number','value':{'intValue':42}},"
        + "{'key':'double','value':{'doubleValue':1.5}},"
        + "{'key':'double as string','value':{'doubleValue':'-Infinity'}},"
        + "{'key':'nan','value':{'doubleValue':'NaN'}},"
        + "{'key':'bytes','value':{'bytesValue':'AP8='}},"
        + "{'key':'bytes url-safe, unpadded','value':{'bytesValue':'-_8'}},"
        + "{'key':'array','value':{'arrayValue':{'values':[{'intValue':'1'},{}]}}},"
        + "{'key':'kvlist','value':{'kvlistValue':{'values':[{'key':'k','value':{'boolValue':false}}]}}},"
        + "{'key':'empty array','value':{'arrayValue':{}}},"
        + "{'key':'empty','value':{}},"
        + "{'key':'null case','value':{'stringValue':null}},"
        + "{'key':'no value'},"
        + "{'key':'string','value':{'stringValue':'duplicate keys are kept'}}]")));

    Attributes expected = Attributes.of(
        "string", "x",
        "bool", true,
        "int", Long.MIN_VALUE,
        "int as number", 42L,
        "double", 1.5,
        "double as string", Double.NEGATIVE_INFINITY,
        "nan", Double.NaN,
        "bytes", Bytes.wrap(new byte[] {0, (byte) 0xff}),
        "bytes url-safe, unpadded", Bytes.wrap(new byte[] {(byte) 0xfb, (byte) 0xff}),
        "array", List.of(1L, AnyValue.EMPTY),
        "kvlist", Attributes.of("k", false),
        "empty array", List.of(),
        "empty", AnyValue.EMPTY,
        "null case", AnyValue.EMPTY,
        "no value", AnyValue.EMPTY,
        "string", "duplicate keys are kept");
    assertEquals(expected, span.attributes());
  }

  @Test
  void readsIntegersAsNumbersOrStringsInAnyFormProto3JsonAllows() throws Exception {
    Span span = onlySpan(spans(span("s", ",'startTimeUnixNano':1544712660000000000,"
        + "'endTimeUnixNano':'18446744073709551615','flags':'257','droppedAttributesCount':4294967295,"
        + "'droppedEventsCount':1.5e3,'droppedLinksCount':'2.0'")));

    assertEquals(1544712660000000000L, span.startEpochNanos());
    assertEquals(-1L, span.endEpochNanos(), "2^64-1 keeps its 64 bits in a long");
    assertEquals(257, span.flags());
    assertEquals(-1, span.droppedAttributesCount(), "2^32-1 keeps its 32 bits in an int");
    assertEquals(1500, span.droppedEventsCount());
    assertEquals(2, span.droppedLinksCount());
  }

  @Test
  void readsEnumsAsNumbersOrNames() throws Exception {
    DecodedSpans decoded = OtlpJsonDecoder.decode(spans(
        span("a", ",'kind':3,'status':{'code':2,'message':'boom'}"),
        span("b", ",'kind':'SPAN_KIND_CONSUMER','status':{'code':'STATUS_CODE_OK'}"),
        span("c", ",'kind':99,'status':{'code':7}")));

    List<Span> spans = decoded.spans();
    assertEquals(SpanKind.CLIENT, spans.get(0).kind());
    assertEquals(StatusCode.ERROR, spans.get(0).statusCode());
    assertEquals("boom", spans.get(0).statusMessage());
    assertEquals(SpanKind.CONSUMER, spans.get(1).kind());
    assertEquals(StatusCode.OK, spans.get(1).statusCode());
    // Numbers this version does not know read as the defaults, as in OtlpProtoDecoder.
    assertEquals(SpanKind.UNSPECIFIED, spans.get(2).kind());
    assertEquals(StatusCode.UNSET, spans.get(2).statusCode());
  }

  @Test
  void acceptsSnakeCaseKeysAndNullsAsDefaults() throws Exception {
    String camel = "{'resourceSpans':[{'schemaUrl':'u','scopeSpans':[{'spans':[{'traceId':'%s','spanId':'%s',"
        + "'parentSpanId':'%s','traceState':'t=1','startTimeUnixNano':'5','droppedAttributesCount':1,"
        + "'events':[{'timeUnixNano':'6','droppedAttributesCount':2}],'droppedEventsCount':3,"
        + "'links':[{'traceId':'%s','spanId':'%s','traceState':'l=1','droppedAttributesCount':4}],"
        + "'droppedLinksCount':5,'endTimeUnixNano':'7'}]}]}]}";
    String snake = "{'resource_spans':[{'schema_url':'u','scope_spans':[{'spans':[{'trace_id':'%s','span_id':'%s',"
        + "'parent_span_id':'%s','trace_state':'t=1','start_time_unix_nano':'5','dropped_attributes_count':1,"
        + "'events':[{'time_unix_nano':'6','dropped_attributes_count':2}],'dropped_events_count':3,"
        + "'links':[{'trace_id':'%s','span_id':'%s','trace_state':'l=1','dropped_attributes_count':4}],"
        + "'dropped_links_count':5,'end_time_unix_nano':'7'}]}]}]}";
    Object[] ids = {TRACE_ID, SPAN_ID, "eee19b7ec3c1b173", TRACE_ID, "0000000000000001"};

    DecodedSpans fromCamel = OtlpJsonDecoder.decode(json(camel.formatted(ids)));
    DecodedSpans fromSnake = OtlpJsonDecoder.decode(json(snake.formatted(ids)));

    assertEquals(fromCamel.spans(), fromSnake.spans());
    Span span = onlySpan(fromCamel);
    assertEquals(7, span.endEpochNanos());
    assertEquals(6, span.events().get(0).epochNanos());
    assertEquals(1, span.links().get(0).spanId());
    assertEquals(5, span.droppedLinksCount());

    Span nulls = onlySpan(spans("{'traceId':'" + TRACE_ID + "','spanId':'" + SPAN_ID + "','parentSpanId':null,"
        + "'name':null,'kind':null,'attributes':null,'events':null,'status':null,'startTimeUnixNano':null}"));
    assertEquals(Span.builder().traceId(0x5b8efff798038103L, 0xd269b633813fc60cL).spanId(0xeee19b7ec3c1b174L)
        .resource(nulls.resource()).scope(nulls.scope()).build(), nulls);
  }

  @Test
  void idsAreHexOfEitherCase() throws Exception {
    DecodedSpans decoded = OtlpJsonDecoder.decode(spans(
        span("lower", ""),
        "{'traceId':'" + TRACE_ID.toUpperCase() + "','spanId':'" + SPAN_ID.toUpperCase() + "'}",
        "{'traceId':'" + TRACE_ID + "','spanId':'" + SPAN_ID + "','parentSpanId':'0000000000000000'}"));

    assertEquals(decoded.spans().get(0).traceId(), decoded.spans().get(1).traceId());
    assertEquals(decoded.spans().get(0).spanId(), decoded.spans().get(1).spanId());
    assertEquals(0xd269b633813fc60cL, decoded.spans().get(0).traceIdLow());
    assertTrue(decoded.spans().get(2).isRoot(), "an all-zero parent span id reads as none, as in protobuf");
  }

  @Test
  void ignoresUnknownFieldsAtEveryLevel() throws Exception {
    String unknown = "'unknown1':{'a':[1,{'b':null}]},'unknown2':[[]],'unknown3':'x','unknown4':7,";
    String withUnknowns = "{%s'resourceSpans':[{%s'resource':{%s'attributes':[{%s'key':'k','value':{%s'intValue':1}}]},"
        + "'scopeSpans':[{%s'scope':{%s'name':'n'},'spans':[{%s'traceId':'" + TRACE_ID + "','spanId':'" + SPAN_ID
        + "','events':[{%s'name':'e'}],'links':[{%s'traceId':'" + TRACE_ID + "','spanId':'" + SPAN_ID + "'}],"
        + "'status':{%s'code':2},'attributes':[{'key':'a','value':{'arrayValue':{%s'values':[]}}},"
        + "{'key':'kv','value':{'kvlistValue':{%s'values':[]}}}]}]}]}]}";

    DecodedSpans expected = OtlpJsonDecoder.decode(json(withUnknowns.replace("%s", "")));
    DecodedSpans actual = OtlpJsonDecoder.decode(json(withUnknowns.replace("%s", unknown)));

    assertEquals(expected.spans(), actual.spans());
    Span span = onlySpan(actual);
    assertEquals("e", span.events().get(0).name());
    assertEquals(StatusCode.ERROR, span.statusCode());
    assertEquals(Attributes.of("k", 1L), span.resource().attributes());
  }

  // --- Invalid spans: rejected alone ---

  @Test
  void rejectsASpanWithAnAllZeroTraceIdAndKeepsTheOthers() throws Exception {
    DecodedSpans decoded = OtlpJsonDecoder.decode(spans(
        span("a", ""),
        "{'traceId':'00000000000000000000000000000000','spanId':'" + SPAN_ID + "'}",
        span("c", "")));

    assertEquals(List.of("a", "c"), decoded.spans().stream().map(Span::name).toList());
    assertEquals(1, decoded.rejected());
    assertEquals("rejected 1 span: resourceSpans[0].scopeSpans[0].spans[1]: trace_id must not be all zeros",
        decoded.errorMessage());
  }

  @Test
  void rejectsSpansWhoseIdsAreNotHexOfTheRightLength() throws Exception {
    DecodedSpans decoded = OtlpJsonDecoder.decode(spans(
        "{'traceId':'" + TRACE_ID.substring(2) + "','spanId':'" + SPAN_ID + "'}",
        "{'traceId':'" + TRACE_ID + "','spanId':'eee19b7ec3c1b17g'}",
        "{'traceId':'" + TRACE_ID + "','spanId':'" + SPAN_ID + "','parentSpanId':'abc'}",
        "{'traceId':'" + TRACE_ID + "','spanId':'" + SPAN_ID + "','links':[{'traceId':'" + TRACE_ID + "'}]}",
        span("kept", "")));

    assertEquals(List.of("kept"), decoded.spans().stream().map(Span::name).toList());
    assertEquals(4, decoded.rejected());
    assertEquals("rejected 4 spans: "
        + "resourceSpans[0].scopeSpans[0].spans[0]: trace_id must be 16 bytes, got 15; "
        + "resourceSpans[0].scopeSpans[0].spans[1]: span_id must be hex, got \"eee19b7ec3c1b17g\"; "
        + "resourceSpans[0].scopeSpans[0].spans[2]: parent_span_id must be hex, got \"abc\"; "
        + "resourceSpans[0].scopeSpans[0].spans[3]: links[0] must have a 16-byte trace_id and an 8-byte span_id",
        decoded.errorMessage());
  }

  // --- Invalid requests: rejected whole ---

  @Test
  void failsOnWhatIsNotJson() {
    assertTrue(failure(json("{'resourceSpans':[")).startsWith("not valid JSON at line 1"));
    String message = failure("hello".getBytes(UTF_8));
    assertTrue(message.startsWith("not valid JSON at line 1") && message.contains("Unrecognized token"), message);
    assertEquals("expected an object, got the end of the body", failure(new byte[0]));
    assertEquals("expected the end of the body, got an object", failure(json("{} {}")));
  }

  @Test
  void failsOnJsonOfTheWrongShape() {
    assertEquals("expected an object, got an array", failure(json("[]")));
    assertEquals("resourceSpans: expected an array, got an object", failure(json("{'resourceSpans':{}}")));
    assertEquals("resourceSpans: expected an array, got \"x\"", failure(json("{'resourceSpans':'x'}")));
    assertEquals("resourceSpans[1]: expected an object, got 1", failure(json("{'resourceSpans':[{},1]}")));
    assertEquals("resourceSpans[0].scopeSpans[0].spans[0].name: expected a string, got 12",
        failure(spans(span("s", "").replace("'name':'s'", "'name':12"))));
    assertEquals("resourceSpans[0].scopeSpans[0].spans[0].attributes: expected an array, got an object",
        failure(spans(span("s", ",'attributes':{}"))));
    assertEquals("resourceSpans[0].scopeSpans[0].spans[0].attributes[0].value.boolValue: expected true or false, got 1",
        failure(spans(span("s", ",'attributes':[{'key':'k','value':{'boolValue':1}}]"))));
  }

  @Test
  void failsOnUnparsableOrOutOfRangeValues() {
    assertEquals("resourceSpans[0].scopeSpans[0].spans[2].startTimeUnixNano: expected an integer, got \"abc\"",
        failure(spans(span("a", ""), span("b", ""), span("c", ",'startTimeUnixNano':'abc'"))));
    assertEquals(valueError("startTimeUnixNano", "an integer, got 1.5"), failure(spanWith(",'startTimeUnixNano':1.5")));
    assertEquals(valueError("startTimeUnixNano", "an unsigned 64-bit integer, got -1"),
        failure(spanWith(",'startTimeUnixNano':-1")));
    assertEquals(valueError("startTimeUnixNano", "an unsigned 64-bit integer, got \"18446744073709551616\""),
        failure(spanWith(",'startTimeUnixNano':'18446744073709551616'")));
    assertEquals(valueError("droppedAttributesCount", "an unsigned 32-bit integer, got 4294967296"),
        failure(spanWith(",'droppedAttributesCount':4294967296")));
    assertEquals(valueError("kind", "an integer, got \"SPAN_KIND_NONSENSE\""),
        failure(spanWith(",'kind':'SPAN_KIND_NONSENSE'")));
    assertEquals(valueError("attributes[0].value.intValue", "a 64-bit integer, got 9223372036854775808"),
        failure(spanWith(",'attributes':[{'key':'k','value':{'intValue':9223372036854775808}}]")));
    assertEquals(valueError("attributes[0].value.doubleValue", "a number, got \"fast\""),
        failure(spanWith(",'attributes':[{'key':'k','value':{'doubleValue':'fast'}}]")));
    assertEquals(valueError("attributes[0].value.bytesValue", "base64, got \"not base64!\""),
        failure(spanWith(",'attributes':[{'key':'k','value':{'bytesValue':'not base64!'}}]")));
    assertEquals(valueError("attributes[0].value.intValue", "at most one value in an AnyValue, got 1"),
        failure(spanWith(",'attributes':[{'key':'k','value':{'stringValue':'a','intValue':1}}]")));
  }

  /** Exponents far out either way are refused without BigDecimal computing the power of ten. */
  @Test
  void failsOnHugeExponentsWithoutWorkingOnThem() throws Exception {
    assertEquals(valueError("startTimeUnixNano", "an unsigned 64-bit integer, got 1e999999999"),
        failure(spanWith(",'startTimeUnixNano':1e999999999")));
    assertEquals(valueError("startTimeUnixNano", "an integer, got \"1e-999999999\""),
        failure(spanWith(",'startTimeUnixNano':'1e-999999999'")));
    assertEquals(0, onlySpan(spanWith(",'startTimeUnixNano':'0e-999999999'")).startEpochNanos());
  }

  @Test
  void failsOnNestingTenThousandLevelsDeepWithoutOverflowingTheStack() {
    int levels = 10_000;
    String arrays = "{'arrayValue':{'values':[".repeat(levels) + "{}" + "]}}".repeat(levels);
    String kvlists = "{'kvlistValue':{'values':[{'key':'k','value':".repeat(levels) + "{}" + "}]}}".repeat(levels);

    for (String value : List.of(arrays, kvlists)) {
      String message = failure(spanWith(",'attributes':[{'key':'deep','value':" + value + "}]"));
      assertTrue(message.endsWith(": expected arrays and kvlists nested at most 31 deep, got an object"), message);
    }
    // Deep plain JSON in a field this decoder skips is stopped by the parser's own limit.
    String message = failure(json("{'unknown':" + "[".repeat(levels) + "]".repeat(levels) + "}"));
    assertTrue(message.startsWith("not valid JSON") && message.contains("nesting depth"), message);
  }

  /**
   * The depth limit is what protobuf's recursion limit allows where attributes sit deepest (a link's), so
   * whatever is accepted as JSON can be stored as protobuf and read back.
   */
  @Test
  void acceptsValuesNestedToTheLimitAndTheyRoundTripThroughProtobuf() throws Exception {
    int max = OtlpJsonDecoder.MAX_VALUE_DEPTH;
    String deepest = "{'kvlistValue':{'values':[{'key':'k','value':".repeat(max) + "{'intValue':1}" + "}]}}".repeat(max);
    String link = ",'links':[{'traceId':'" + TRACE_ID + "','spanId':'" + SPAN_ID + "','attributes':[{'key':'deep','value':%s}]}]";

    DecodedSpans decoded = OtlpJsonDecoder.decode(spanWith(link.formatted(deepest)));
    DecodedSpans reread = OtlpProtoDecoder.decode(OtlpProtoEncoder.encode(decoded.spans()).toByteArray());

    assertEquals(decoded.spans(), reread.spans());
    String tooDeep = "{'kvlistValue':{'values':[{'key':'k','value':" + deepest + "}]}}";
    assertTrue(failure(spanWith(link.formatted(tooDeep))).contains("nested at most " + max + " deep"));
  }

  // --- Helpers ---

  /** JSON written with single quotes, which read better in Java strings. */
  private static byte[] json(String singleQuoted) {
    return singleQuoted.replace('\'', '"').getBytes(UTF_8);
  }

  /** A request with one resourceSpans holding one scopeSpans holding these spans. */
  private static byte[] spans(String... spans) {
    return json("{'resourceSpans':[{'scopeSpans':[{'spans':[" + String.join(",", spans) + "]}]}]}");
  }

  /** A valid span with this name and more fields, each written with a leading comma. */
  private static String span(String name, String moreFields) {
    return "{'traceId':'" + TRACE_ID + "','spanId':'" + SPAN_ID + "','name':'" + name + "'" + moreFields + "}";
  }

  private static byte[] spanWith(String moreFields) {
    return spans(span("s", moreFields));
  }

  private static String valueError(String field, String expectedAndGot) {
    return "resourceSpans[0].scopeSpans[0].spans[0]." + field + ": expected " + expectedAndGot;
  }

  private static Span onlySpan(byte[] body) throws OtlpJsonException {
    return onlySpan(OtlpJsonDecoder.decode(body));
  }

  private static Span onlySpan(DecodedSpans decoded) {
    assertEquals(1, decoded.spans().size(), decoded.errorMessage());
    return decoded.spans().get(0);
  }

  private static String failure(byte[] body) {
    return assertThrows(OtlpJsonException.class, () -> OtlpJsonDecoder.decode(body)).getMessage();
  }
}
