package dev.ariadne.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.google.protobuf.ByteString;
import com.google.protobuf.UnknownFieldSet;
import com.google.protobuf.util.JsonFormat;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import io.opentelemetry.exporter.otlp.trace.OtlpGrpcSpanExporter;
import io.opentelemetry.proto.common.v1.KeyValue;
import io.opentelemetry.proto.trace.v1.ResourceSpans;
import io.opentelemetry.proto.trace.v1.TracesData;
import io.opentelemetry.sdk.resources.Resource;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The OpenTelemetry Java SDK sends a two-service trace over OTLP/gRPC; the Tempo API, queried with the JDK's
 * HTTP client, must return it by id (JSON and protobuf, v1 and v2), find it by tags and TraceQL, and list
 * its tags. The trace:
 *
 * <pre>
 * frontend GET /cart        server     0–12.3ms  http.route=/cart http.response.status_code=200 …
 * ├ frontend load-batch     internal
 * └ frontend call checkout  client
 *   └ checkout POST /checkout  server, status error "card declined"
 *     └ checkout db.query      internal  db.system=postgresql
 * </pre>
 */
class TempoApiEndToEndTest {
  private static final long T0 = 1_700_000_000_123_456_789L;
  private static AllInOne server;
  private static HttpTestClient tempo;
  private static String traceId;
  private static final Map<String, Span> SENT = new HashMap<>();

  @BeforeAll
  static void sendATrace() {
    server = new AllInOne(AllInOneConfig.ephemeral()).start();
    tempo = new HttpTestClient(server.tempoPort());
    SdkTracerProvider frontend = provider("frontend");
    SdkTracerProvider checkout = provider("checkout");
    Tracer f = frontend.get("shop.frontend", "1.4.2");
    Tracer c = checkout.get("shop.checkout", "2.0.0");

    Span root = f.spanBuilder("GET /cart").setSpanKind(SpanKind.SERVER)
        .setStartTimestamp(T0, TimeUnit.NANOSECONDS)
        .setAttribute("http.route", "/cart")
        .setAttribute("http.response.status_code", 200L)
        .setAttribute("cache.hit", true)
        .setAttribute("sampling.ratio", 0.25)
        .setAttribute(AttributeKey.stringArrayKey("tags"), List.of("a", "b"))
        .startSpan();
    root.addEvent("cart.loaded", Attributes.of(AttributeKey.longKey("items"), 3L), T0 + 1_500_999, TimeUnit.NANOSECONDS);
    Span batch = f.spanBuilder("load-batch").setParent(Context.root().with(root))
        .setStartTimestamp(T0 + 10, TimeUnit.NANOSECONDS).startSpan();
    batch.end(T0 + 20_000, TimeUnit.NANOSECONDS);
    Span call = f.spanBuilder("call checkout").setSpanKind(SpanKind.CLIENT).setParent(Context.root().with(root))
        .setStartTimestamp(T0 + 1_000_000, TimeUnit.NANOSECONDS).startSpan();
    Span handle = c.spanBuilder("POST /checkout").setSpanKind(SpanKind.SERVER).setParent(Context.root().with(call))
        .setStartTimestamp(T0 + 2_000_001, TimeUnit.NANOSECONDS)
        .addLink(batch.getSpanContext(), Attributes.of(AttributeKey.stringKey("link.reason"), "batched"))
        .startSpan();
    handle.setStatus(StatusCode.ERROR, "card declined");
    Span db = c.spanBuilder("db.query").setParent(Context.root().with(handle))
        .setStartTimestamp(T0 + 3_000_000, TimeUnit.NANOSECONDS)
        .setAttribute("db.system", "postgresql").startSpan();
    db.end(T0 + 8_000_000, TimeUnit.NANOSECONDS);
    handle.end(T0 + 9_000_999, TimeUnit.NANOSECONDS);
    call.end(T0 + 10_000_000, TimeUnit.NANOSECONDS);
    root.end(T0 + 12_345_678, TimeUnit.NANOSECONDS);
    for (SdkTracerProvider p : List.of(frontend, checkout)) {
      assertTrue(p.forceFlush().join(30, TimeUnit.SECONDS).isSuccess(), "export succeeded");
      p.shutdown().join(30, TimeUnit.SECONDS);
    }
    traceId = root.getSpanContext().getTraceId();
    for (Span s : List.of(root, batch, call, handle, db)) SENT.put(s.getSpanContext().getSpanId(), s);
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  private static SdkTracerProvider provider(String service) {
    Resource resource = Resource.getDefault().merge(Resource.create(Attributes.builder()
        .put("service.name", service).put("deployment.environment", "e2e").build()));
    return SdkTracerProvider.builder()
        .setResource(resource)
        .addSpanProcessor(SimpleSpanProcessor.create(
            OtlpGrpcSpanExporter.builder().setEndpoint("http://127.0.0.1:" + server.otlpGrpcPort()).build()))
        .build();
  }

  private static HttpTestClient.Response get(String path, String accept) throws Exception {
    HttpRequest.Builder b = HttpRequest.newBuilder(tempo.uri(path)).GET();
    if (accept != null) b.header("Accept", accept);
    return tempo.send(b);
  }

  // --- Trace by id ---

  @Test
  void traceByIdInProtobufIsTheOtlpTraceThatWasSent() throws Exception {
    HttpTestClient.Response r = get("/api/traces/" + traceId, "application/protobuf");
    assertEquals(200, r.status(), r.text());
    assertEquals("application/protobuf", r.headers().firstValue("content-type").orElseThrow());
    assertSentTrace(TracesData.parseFrom(r.body()));

    // v2 wraps the same trace in TraceByIDResponse, field 1.
    HttpTestClient.Response v2 = get("/api/v2/traces/" + traceId, "application/protobuf");
    assertEquals(200, v2.status(), v2.text());
    List<ByteString> trace = UnknownFieldSet.parseFrom(v2.body()).getField(1).getLengthDelimitedList();
    assertEquals(1, trace.size());
    assertSentTrace(TracesData.parseFrom(trace.getFirst()));
  }

  @Test
  void traceByIdInJsonIsTempoJsonpbOutput() throws Exception {
    HttpTestClient.Response r = get("/api/traces/" + traceId, null);
    assertEquals(200, r.status(), r.text());
    JsonNode body = r.json();
    assertTrue(body.has("batches"), r.text());
    JsonNode span = body.at("/batches/0/scopeSpans/0/spans/0");
    // gogo jsonpb: ids as base64, enums by name, 64-bit integers as strings.
    assertEquals(traceId, HexFormat.of().formatHex(Base64.getDecoder().decode(span.get("traceId").asText())));
    assertTrue(span.get("startTimeUnixNano").isTextual(), span.toString());
    // Tempo's own client reads it by renaming batches to resourceSpans and using protobuf's JSON parser.
    TracesData.Builder parsed = TracesData.newBuilder();
    JsonFormat.parser().merge(r.text().replaceFirst("\"batches\":", "\"resourceSpans\":"), parsed);
    assertSentTrace(parsed.build());

    HttpTestClient.Response v2 = get("/api/v2/traces/" + traceId, "application/json");
    assertEquals(200, v2.status(), v2.text());
    TracesData.Builder parsedV2 = TracesData.newBuilder();
    JsonFormat.parser().merge(v2.json().get("trace").toString(), parsedV2);
    assertSentTrace(parsedV2.build());
    assertFalse(v2.json().has("status"), "COMPLETE is proto3's default, which jsonpb leaves out: " + v2.text());
  }

  @Test
  void traceByIdHonoursTheWindowAndAnswers404WhenAbsent() throws Exception {
    long s = T0 / 1_000_000_000L;
    assertEquals(200, get("/api/traces/" + traceId + "?start=" + (s - 10) + "&end=" + (s + 10), null).status());
    assertEquals(404, get("/api/traces/" + traceId + "?start=" + (s + 100) + "&end=" + (s + 200), null).status());
    HttpTestClient.Response missing = get("/api/traces/00000000000000000000000000000abc", null);
    assertEquals(404, missing.status());
    assertEquals("trace not found", missing.text());
    assertEquals(404, get("/api/v2/traces/abc", "application/protobuf").status());
  }

  private static void assertSentTrace(TracesData data) {
    List<io.opentelemetry.proto.trace.v1.Span> spans = new ArrayList<>();
    Map<String, String> serviceOf = new HashMap<>();
    for (ResourceSpans rs : data.getResourceSpansList()) {
      String service = attribute(rs.getResource().getAttributesList(), "service.name").getStringValue();
      rs.getScopeSpansList().forEach(ss -> ss.getSpansList().forEach(s -> {
        spans.add(s);
        serviceOf.put(hex(s.getSpanId()), service);
      }));
    }
    assertEquals(SENT.size(), spans.size());
    for (io.opentelemetry.proto.trace.v1.Span got : spans) {
      Span sent = SENT.get(hex(got.getSpanId()));
      assertNotNull(sent, "a span that was sent: " + hex(got.getSpanId()));
      io.opentelemetry.sdk.trace.data.SpanData d = ((io.opentelemetry.sdk.trace.ReadableSpan) sent).toSpanData();
      assertEquals(traceId, hex(got.getTraceId()));
      assertEquals(d.getName(), got.getName());
      assertEquals(d.getStartEpochNanos(), got.getStartTimeUnixNano());
      assertEquals(d.getEndEpochNanos(), got.getEndTimeUnixNano());
      assertEquals(d.getParentSpanId().equals("0000000000000000") ? "" : d.getParentSpanId(), hex(got.getParentSpanId()));
      assertEquals(d.getKind().ordinal() + 1, got.getKindValue(), d.getName());
      assertEquals(d.getAttributes().size(), got.getAttributesCount(), d.getName());
      assertEquals(d.getResource().getAttribute(AttributeKey.stringKey("service.name")), serviceOf.get(hex(got.getSpanId())));
    }
    io.opentelemetry.proto.trace.v1.Span root = spans.stream().filter(s -> s.getName().equals("GET /cart")).findFirst().orElseThrow();
    assertEquals("/cart", attribute(root.getAttributesList(), "http.route").getStringValue());
    assertEquals(200, attribute(root.getAttributesList(), "http.response.status_code").getIntValue());
    assertTrue(attribute(root.getAttributesList(), "cache.hit").getBoolValue());
    assertEquals(0.25, attribute(root.getAttributesList(), "sampling.ratio").getDoubleValue());
    assertEquals(List.of("a", "b"), attribute(root.getAttributesList(), "tags").getArrayValue().getValuesList().stream()
        .map(io.opentelemetry.proto.common.v1.AnyValue::getStringValue).toList());
    assertEquals("cart.loaded", root.getEvents(0).getName());
    assertEquals(T0 + 1_500_999, root.getEvents(0).getTimeUnixNano());
    io.opentelemetry.proto.trace.v1.Span handle = spans.stream().filter(s -> s.getName().equals("POST /checkout")).findFirst().orElseThrow();
    assertEquals(io.opentelemetry.proto.trace.v1.Status.StatusCode.STATUS_CODE_ERROR, handle.getStatus().getCode());
    assertEquals("card declined", handle.getStatus().getMessage());
    assertEquals("batched", attribute(handle.getLinks(0).getAttributesList(), "link.reason").getStringValue());
  }

  private static io.opentelemetry.proto.common.v1.AnyValue attribute(List<KeyValue> attributes, String key) {
    return attributes.stream().filter(kv -> kv.getKey().equals(key)).findFirst().orElseThrow(
        () -> new AssertionError(key + " in " + attributes)).getValue();
  }

  private static String hex(ByteString id) {
    return HexFormat.of().formatHex(id.toByteArray());
  }

  // --- Search ---

  private static JsonNode search(String params) throws Exception {
    HttpTestClient.Response r = tempo.get("/api/search?" + params);
    assertEquals(200, r.status(), r.text());
    return r.json();
  }

  /** Searches with TraceQL, showing up to 20 spans per spanset so that all matched spans are listed. */
  private static JsonNode traceQL(String q) throws Exception {
    return search("spss=20&q=" + URLEncoder.encode(q, StandardCharsets.UTF_8));
  }

  /** The span names of the one trace found, or an empty list if none was. */
  private static List<String> matchedNames(JsonNode answer) {
    JsonNode traces = answer.get("traces");
    if (traces == null) return List.of();
    assertEquals(1, traces.size(), answer.toString());
    return StreamSupport.stream(traces.get(0).at("/spanSets/0/spans").spliterator(), false)
        .map(s -> s.get("name").asText()).sorted().toList();
  }

  @Test
  void searchResultsHaveTempoShape() throws Exception {
    JsonNode answer = traceQL("{ resource.service.name = \"checkout\" && status = error }");
    JsonNode trace = answer.get("traces").get(0);
    assertEquals(traceId.replaceFirst("^0+", ""), trace.get("traceID").asText());
    assertEquals("frontend", trace.get("rootServiceName").asText());
    assertEquals("GET /cart", trace.get("rootTraceName").asText());
    assertEquals(Long.toString(T0), trace.get("startTimeUnixNano").asText());
    assertEquals(12, trace.get("durationMs").asInt());
    JsonNode spanSet = trace.get("spanSets").get(0);
    assertEquals(trace.get("spanSet"), spanSet);
    assertEquals(1, spanSet.get("matched").asInt());
    JsonNode span = spanSet.get("spans").get(0);
    Span handle = SENT.values().stream().filter(s -> ((io.opentelemetry.sdk.trace.ReadableSpan) s).getName().equals("POST /checkout")).findFirst().orElseThrow();
    assertEquals(handle.getSpanContext().getSpanId(), span.get("spanID").asText());
    assertEquals("POST /checkout", span.get("name").asText());
    assertEquals(Long.toString(T0 + 2_000_001), span.get("startTimeUnixNano").asText());
    assertEquals(Long.toString(9_000_999 - 2_000_001), span.get("durationNanos").asText());
    assertEquals("service.name", span.at("/attributes/0/key").asText());
    assertEquals("checkout", span.at("/attributes/0/value/stringValue").asText());
    assertEquals(1, answer.at("/metrics/inspectedTraces").asInt());
  }

  @Test
  void searchByTraceQL() throws Exception {
    assertEquals(List.of("POST /checkout"), matchedNames(traceQL("{ status = error }")));
    assertEquals(List.of("GET /cart", "POST /checkout"), matchedNames(traceQL("{ kind = server }")));
    assertEquals(List.of("call checkout"), matchedNames(traceQL("{ span:kind = client && span:name = \"call checkout\" }")));
    assertEquals(List.of("GET /cart"), matchedNames(traceQL("{ span.http.response.status_code = 200 && .cache.hit = true }")));
    assertEquals(List.of("GET /cart"), matchedNames(traceQL("{ .tags = \"b\" && span.sampling.ratio < 0.5 }")));
    assertEquals(List.of("db.query"), matchedNames(traceQL("{ resource.deployment.environment = \"e2e\" && span.db.system = \"postgresql\" }")));
    // Regexes are anchored.
    assertEquals(List.of("POST /checkout"), matchedNames(traceQL("{ name =~ \"POST /check.*\" }")));
    assertEquals(List.of(), matchedNames(traceQL("{ name =~ \"POST\" }")));
    assertEquals(List.of("GET /cart", "call checkout", "load-batch"),
        matchedNames(traceQL("{ resource.service.name = \"frontend\" && name !~ \"(db|POST).*\" }")));
    // Durations.
    assertEquals(List.of("GET /cart", "POST /checkout", "call checkout", "db.query"), matchedNames(traceQL("{ duration > 4ms }")));
    assertEquals(List.of("load-batch"), matchedNames(traceQL("{ duration < 100us }")));
    assertEquals(List.of("GET /cart"), matchedNames(traceQL("{ traceDuration >= 12ms && rootServiceName = \"frontend\" && span:parentID = nil }")));
    // && and || inside a filter and between spansets.
    assertEquals(List.of("POST /checkout", "db.query"), matchedNames(traceQL("{ resource.service.name = \"checkout\" && (status = error || kind = internal) }")));
    assertEquals(List.of("GET /cart", "POST /checkout"), matchedNames(traceQL("{ span.http.route = \"/cart\" } && { status = error }")));
    assertEquals(List.of(), matchedNames(traceQL("{ span.http.route = \"/cart\" } && { name = \"nope\" }")));
    assertEquals(List.of("GET /cart"), matchedNames(traceQL("{ span.http.route = \"/cart\" } || { name = \"nope\" }")));
    // Structure.
    assertEquals(List.of("POST /checkout"), matchedNames(traceQL("{ kind = client } > { kind = server }")));
    assertEquals(List.of("db.query"), matchedNames(traceQL("{ resource.service.name = \"frontend\" } >> { span.db.system = \"postgresql\" }")));
    assertEquals(List.of(), matchedNames(traceQL("{ resource.service.name = \"frontend\" } > { span.db.system = \"postgresql\" }")));
    assertEquals(List.of("call checkout", "load-batch"), matchedNames(traceQL("{ span.http.route = \"/cart\" } > { kind != server }")));
  }

  @Test
  void searchByTagsDurationsAndWindow() throws Exception {
    assertEquals(List.of("POST /checkout", "db.query"), matchedNames(search("tags=" + URLEncoder.encode("service.name=checkout", StandardCharsets.UTF_8) + "&spss=10")));
    assertEquals(List.of("GET /cart"), matchedNames(search("tags=" + URLEncoder.encode("http.response.status_code=200 http.route=\"/cart\"", StandardCharsets.UTF_8))));
    assertEquals(List.of("POST /checkout"), matchedNames(search("tags=" + URLEncoder.encode("status.code=error", StandardCharsets.UTF_8))));
    assertEquals(List.of(), matchedNames(search("tags=" + URLEncoder.encode("service.name=checkout http.route=/cart", StandardCharsets.UTF_8))));
    long s = T0 / 1_000_000_000L;
    assertEquals(1, search("minDuration=12ms&maxDuration=13ms&start=" + (s - 1) + "&end=" + (s + 1)).get("traces").size());
    assertFalse(search("minDuration=13ms").has("traces"));
    assertFalse(search("start=" + (s + 60) + "&end=" + (s + 120)).has("traces"));
    // spss limits the spans shown, not the count matched.
    JsonNode limited = search("q=%7B%7D").get("traces").get(0).get("spanSets").get(0);
    assertEquals(3, limited.get("spans").size());
    assertEquals(5, limited.get("matched").asInt());
    assertEquals(5, search("q=%7B%7D&spss=50").at("/traces/0/spanSets/0/spans").size());
    // Unknown parameters are ignored.
    assertEquals(1, search("q=%7B%7D&limit=5&prettyPrint=true&searchDepth=3").get("traces").size());
  }

  // --- Tags ---

  @Test
  void tagNamesAndValues() throws Exception {
    JsonNode v1 = tempo.get("/api/search/tags").json();
    List<String> names = texts(v1.get("tagNames"));
    assertTrue(names.containsAll(List.of("http.route", "db.system", "service.name", "deployment.environment")), names.toString());

    JsonNode v2 = tempo.get("/api/v2/search/tags").json();
    Map<String, List<String>> scopes = new HashMap<>();
    v2.get("scopes").forEach(s -> scopes.put(s.get("name").asText(), texts(s.get("tags"))));
    assertEquals(List.of("intrinsic", "resource", "span"), scopes.keySet().stream().sorted().toList());
    assertTrue(scopes.get("span").contains("http.response.status_code"), scopes.toString());
    assertFalse(scopes.get("span").contains("service.name"), scopes.toString());
    assertTrue(scopes.get("resource").containsAll(List.of("service.name", "telemetry.sdk.language")), scopes.toString());
    assertTrue(scopes.get("intrinsic").containsAll(List.of("duration", "name", "status", "kind", "rootServiceName", "span:name")));
    JsonNode onlySpan = tempo.get("/api/v2/search/tags?scope=span").json().get("scopes");
    assertEquals(1, onlySpan.size());
    assertEquals("span", onlySpan.get(0).get("name").asText());
    assertEquals(scopes.get("resource"), texts(tempo.get("/api/search/tags?scope=resource").json().get("tagNames")));

    assertEquals(List.of("checkout", "frontend"), texts(tempo.get("/api/search/tag/service.name/values").json().get("tagValues")));
    assertEquals(List.of("error", "ok", "unset"), texts(tempo.get("/api/search/tag/status.code/values").json().get("tagValues")));

    JsonNode typed = tempo.get("/api/v2/search/tag/span.http.response.status_code/values").json().get("tagValues");
    assertEquals("int", typed.get(0).get("type").asText());
    assertEquals("200", typed.get(0).get("value").asText());
    JsonNode ratio = tempo.get("/api/v2/search/tag/.sampling.ratio/values").json().get("tagValues");
    assertEquals("float", ratio.get(0).get("type").asText());
    assertEquals("0.25", ratio.get(0).get("value").asText());
    assertEquals("bool", tempo.get("/api/v2/search/tag/span.cache.hit/values").json().at("/tagValues/0/type").asText());
    JsonNode services = tempo.get("/api/v2/search/tag/resource.service.name/values").json().get("tagValues");
    assertEquals(List.of("checkout", "frontend"), StreamSupport.stream(services.spliterator(), false)
        .map(v -> v.get("value").asText()).toList());
    assertEquals("string", services.get(0).get("type").asText());
    // service.name is a resource attribute: not found in the span scope.
    assertFalse(tempo.get("/api/v2/search/tag/span.service.name/values").json().has("tagValues"));
    JsonNode status = tempo.get("/api/v2/search/tag/status/values").json().get("tagValues");
    assertEquals("keyword", status.get(0).get("type").asText());
    assertEquals(List.of("ok", "error", "unset"), StreamSupport.stream(status.spliterator(), false).map(v -> v.get("value").asText()).toList());
    JsonNode spanNames = tempo.get("/api/v2/search/tag/name/values").json().get("tagValues");
    assertTrue(StreamSupport.stream(spanNames.spliterator(), false).anyMatch(v -> v.get("value").asText().equals("db.query")));
  }

  private static List<String> texts(JsonNode array) {
    if (array == null) return List.of();
    return StreamSupport.stream(array.spliterator(), false).map(JsonNode::asText).toList();
  }

  // --- Service endpoints ---

  @Test
  void echoReadyAndBuildInfo() throws Exception {
    HttpTestClient.Response echo = tempo.get("/api/echo");
    assertEquals(200, echo.status());
    assertEquals("echo", echo.text());
    HttpTestClient.Response ready = tempo.get("/ready");
    assertEquals(200, ready.status());
    assertEquals("ready", ready.text());
    JsonNode info = tempo.get("/api/status/buildinfo").json();
    assertEquals("0.1.0", info.get("version").asText());
    for (String field : List.of("revision", "branch", "buildUser", "buildDate", "goVersion")) {
      assertTrue(info.has(field), field);
    }
    assertEquals(404, tempo.get("/api/nothing").status());
  }
}
