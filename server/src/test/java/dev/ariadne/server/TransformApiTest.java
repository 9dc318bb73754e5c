package dev.ariadne.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ariadne.codec.otlp.OtlpJsonEncoder;
import dev.ariadne.model.TraceId;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * POST /api/transform, Jaeger UI's upload of an OTLP JSON file: a trace the OpenTelemetry SDK sent,
 * exported as OTLP JSON, comes back exactly as /api/traces shows the stored trace; the OTLP spec's
 * example file converts; nothing is stored; bad, oversized and hostile files answer 400 or 413.
 */
class TransformApiTest {
  private static final int LIMIT = 256 * 1024;
  private static final long T0 = 1_700_000_000_123_456_789L;
  private static final String JSON = "application/json";
  private static AllInOne server;
  private static HttpTestClient http;
  private static SdkTraces.Shop shop;

  @BeforeAll
  static void start() {
    server = new AllInOne(AllInOneConfig.ephemeral().withMaxRequestBytes(LIMIT)).start();
    http = new HttpTestClient(server.queryPort());
    shop = SdkTraces.sendShop(server, "upload", T0);
  }

  @AfterAll
  static void stop() throws Exception {
    assertEquals(200, http.get("/api/traces/" + shop.traceId()).status(), "the stored trace survived");
    server.close();
  }

  /** The SDK's trace as a file: what an OTLP JSON export of it holds. */
  private static byte[] exportedFile() {
    return OtlpJsonEncoder.encode(server.store().trace(TraceId.parse(shop.traceId())).spans());
  }

  @Test
  void anExportedSdkTraceComesBackAsTheJaegerApiShowsIt() throws Exception {
    JsonNode transformed = ok(http.post("/api/transform", JSON, exportedFile()));
    JsonNode stored = http.get("/api/traces/" + shop.traceId()).json();
    assertEquals(1, transformed.get("data").size());
    assertEquals(stored.get("data").get(0), transformed.get("data").get(0));
    JsonNode trace = transformed.get("data").get(0);
    assertEquals(shop.traceId(), trace.get("traceID").asText());
    assertEquals(3, trace.get("spans").size());
    assertEquals(2, trace.get("processes").size());
    assertTrue(transformed.get("errors").isNull());
  }

  @Test
  void aGzippedUploadIsDecompressed() throws Exception {
    JsonNode transformed = ok(http.post("/api/transform", JSON, gzip(exportedFile()), "Content-Encoding", "gzip"));
    assertEquals(shop.traceId(), transformed.get("data").get(0).get("traceID").asText());
  }

  @Test
  void theOtlpSpecExampleConvertsAndIsNotStored() throws Exception {
    byte[] file = Files.readAllBytes(Path.of("..", "codec", "src", "test", "resources", "otlp", "trace.json"));
    JsonNode trace = ok(http.post("/api/transform", JSON, file)).get("data").get(0);
    assertEquals("5b8efff798038103d269b633813fc60c", trace.get("traceID").asText());
    JsonNode span = trace.get("spans").get(0);
    assertEquals("eee19b7ec3c1b174", span.get("spanID").asText());
    assertEquals("I'm a server span", span.get("operationName").asText());
    assertEquals(1_544_712_660_000_000L, span.get("startTime").asLong());
    assertEquals(1_000_000, span.get("duration").asLong());
    assertEquals("CHILD_OF", span.get("references").get(0).get("refType").asText());
    assertEquals("eee19b7ec3c1b173", span.get("references").get(0).get("spanID").asText());
    assertEquals(List.of("my.span.attr=some value", "otel.scope.name=my.library", "otel.scope.version=1.0.0",
        "span.kind=server"), tags(span.get("tags")));
    assertEquals("my.service", trace.get("processes").get(span.get("processID").asText()).get("serviceName").asText());
    assertTrue(span.get("warnings").get(0).asText().contains("eee19b7ec3c1b173"), "the missing parent is flagged");
    assertEquals(404, http.get("/api/traces/5b8efff798038103d269b633813fc60c").status(), "a transform stores nothing");
  }

  @Test
  void spansOfSeveralTracesAreGroupedByTraceInOrderOfAppearance() throws Exception {
    String file = "{\"resourceSpans\":[{\"resource\":{},\"scopeSpans\":[{\"spans\":["
        + span("0000000000000000000000000000000b", "0000000000000001", "b1") + ","
        + span("0000000000000000000000000000000a", "0000000000000002", "a1") + ","
        + span("0000000000000000000000000000000b", "0000000000000003", "b2") + "]}]}]}";
    JsonNode data = ok(http.post("/api/transform", JSON, file.getBytes(StandardCharsets.UTF_8))).get("data");
    assertEquals(2, data.size());
    assertEquals("000000000000000b", data.get(0).get("traceID").asText());
    assertEquals(2, data.get(0).get("spans").size());
    assertEquals("000000000000000a", data.get(1).get("traceID").asText());
  }

  @Test
  void aHugeStringWithinTheLimitSurvivesWhole() throws Exception {
    String big = "x".repeat(200_000);
    String file = "{\"resourceSpans\":[{\"scopeSpans\":[{\"spans\":[{\"traceId\":\"0000000000000000000000000000000c\","
        + "\"spanId\":\"0000000000000001\",\"name\":\"big\",\"attributes\":[{\"key\":\"blob\",\"value\":{\"stringValue\":\""
        + big + "\"}}]}]}]}]}";
    JsonNode span = ok(http.post("/api/transform", JSON, file.getBytes(StandardCharsets.UTF_8)))
        .get("data").get(0).get("spans").get(0);
    assertEquals("blob=" + big, tags(span.get("tags")).getFirst());
  }

  @Test
  void malformedFilesAnswer400NamingTheProblem() throws Exception {
    byte[] good = exportedFile();
    assertBad("{", "not valid JSON");
    assertBad("", "got the end of the body");
    assertBad(new String(Arrays.copyOf(good, good.length / 2), StandardCharsets.UTF_8), "not valid JSON");
    assertBad("[]", "expected");
    assertBad("{\"resourceSpans\":{}}", "resourceSpans");
    assertBad("{\"resourceSpans\":[]} {}", "end of the body");
    assertBad("{\"resourceSpans\":[{\"scopeSpans\":[{\"spans\":[" + span("abc", "0000000000000001", "short id")
        + "]}]}]}", "rejected 1 span");
    assertBad("{\"resourceSpans\":[{\"scopeSpans\":[{\"spans\":[{\"traceId\":\"0000000000000000000000000000000d\","
        + "\"spanId\":\"0000000000000001\",\"startTimeUnixNano\":\"soon\"}]}]}]}", "startTimeUnixNano");
  }

  @Test
  void hostileFilesAreRefusedWithBoundedWork() throws Exception {
    // Nesting: past Jackson's limit as raw arrays, past the decoder's limit inside an attribute value.
    assertBad("[".repeat(100_000), "expected an object, got an array");
    assertBad("{\"skipped\":" + "[".repeat(100_000), "not valid JSON");
    StringBuilder nested = new StringBuilder("{\"stringValue\":\"deep\"}");
    for (int i = 0; i < 100; i++) nested.insert(0, "{\"arrayValue\":{\"values\":[").append("]}}");
    assertBad("{\"resourceSpans\":[{\"scopeSpans\":[{\"spans\":[{\"traceId\":\"0000000000000000000000000000000e\","
        + "\"spanId\":\"0000000000000001\",\"attributes\":[{\"key\":\"k\",\"value\":" + nested + "}]}]}]}]}", "deep");
    // An absurd number of spans, none valid: one refusal, a bounded message.
    StringBuilder many = new StringBuilder("{\"resourceSpans\":[{\"scopeSpans\":[{\"spans\":[{}");
    for (int i = 1; i < 20_000; i++) many.append(",{}");
    HttpTestClient.Response r = http.post("/api/transform", JSON, many.append("]}]}]}").toString().getBytes(StandardCharsets.UTF_8));
    assertEquals(400, r.status());
    String msg = r.json().get("errors").get(0).get("msg").asText();
    assertTrue(msg.contains("rejected 20000 spans") && msg.length() < 2_000, msg);
  }

  @Test
  void oversizedUploadsAnswer413OnTheWireAndOnceDecompressed() throws Exception {
    byte[] tooBig = ("{\"resourceSpans\":[]," + "\"pad\":\"" + "x".repeat(LIMIT) + "\"}").getBytes(StandardCharsets.UTF_8);
    assertEquals(413, http.post("/api/transform", JSON, tooBig).status());
    byte[] bomb = gzip(("{\"resourceSpans\":[]" + " ".repeat(8 * LIMIT) + "}").getBytes(StandardCharsets.UTF_8));
    assertTrue(bomb.length < LIMIT);
    HttpTestClient.Response r = http.post("/api/transform", JSON, bomb, "Content-Encoding", "gzip");
    assertEquals(413, r.status());
    assertEquals(413, r.json().get("errors").get(0).get("code").asInt());
    assertEquals(400, http.post("/api/transform", JSON, "not gzip".getBytes(StandardCharsets.UTF_8),
        "Content-Encoding", "gzip").status());
    assertEquals(400, http.post("/api/transform", JSON, exportedFile(), "Content-Encoding", "br").status());
  }

  private static void assertBad(String body, String fragment) throws Exception {
    HttpTestClient.Response r = http.post("/api/transform", JSON, body.getBytes(StandardCharsets.UTF_8));
    assertEquals(400, r.status(), r.text());
    JsonNode error = r.json().get("errors").get(0);
    assertEquals(400, error.get("code").asInt());
    String msg = error.get("msg").asText();
    assertTrue(msg.startsWith("cannot unmarshal OTLP: ") && msg.contains(fragment), msg);
    assertTrue(r.json().get("data").isNull());
  }

  private static JsonNode ok(HttpTestClient.Response r) throws Exception {
    assertEquals(200, r.status(), r.text());
    return r.json();
  }

  private static String span(String traceId, String spanId, String name) {
    return "{\"traceId\":\"" + traceId + "\",\"spanId\":\"" + spanId + "\",\"name\":\"" + name + "\"}";
  }

  private static List<String> tags(JsonNode tags) {
    List<String> out = new ArrayList<>();
    for (JsonNode t : tags) out.add(t.get("key").asText() + "=" + t.get("value").asText());
    return out;
  }

  private static byte[] gzip(byte[] bytes) throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
      gz.write(bytes);
    }
    return out.toByteArray();
  }
}
