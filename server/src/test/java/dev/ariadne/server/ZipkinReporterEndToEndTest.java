package dev.ariadne.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import zipkin2.Endpoint;
import zipkin2.Span;
import zipkin2.codec.SpanBytesDecoder;
import zipkin2.reporter.AsyncReporter;
import zipkin2.reporter.Encoding;
import zipkin2.reporter.InMemoryReporterMetrics;
import zipkin2.reporter.SpanBytesEncoder;
import zipkin2.reporter.urlconnection.URLConnectionSender;

/**
 * Zipkin's Java reporter sends a two-service trace in each encoding it has for the v2 API (gzipped, as
 * it sends by default), and its sender a v1 JSON trace; the trace must then come back exactly through
 * the Zipkin API, and as Jaeger shows a Zipkin span through the Jaeger API.
 */
class ZipkinReporterEndToEndTest {
  private static final long T0 = 1_700_000_000_123_456L; // µs
  private static AllInOne server;
  private static HttpTestClient zipkin;
  private static HttpTestClient jaeger;

  @BeforeAll
  static void start() {
    server = new AllInOne(AllInOneConfig.ephemeral()).start();
    zipkin = new HttpTestClient(server.zipkinPort());
    jaeger = new HttpTestClient(server.queryPort());
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  /** frontend serves GET /cart and calls checkout, which serves it: a client and a server span. */
  private static List<Span> trace(String suffix, long traceHigh, long traceLow) {
    String frontend = "frontend-" + suffix;
    String checkout = "checkout-" + suffix;
    Span root = Span.newBuilder().traceId(traceHigh, traceLow).id(0xa1).name("get /cart")
        .kind(Span.Kind.SERVER).timestamp(T0).duration(12_345)
        .localEndpoint(Endpoint.newBuilder().serviceName(frontend).ip("10.0.0.1").port(8080).build())
        .remoteEndpoint(Endpoint.newBuilder().ip("192.168.1.9").build())
        .putTag("http.method", "GET").putTag("http.path", "/cart")
        .addAnnotation(T0 + 1_500, "cart.loaded")
        .build();
    Span call = Span.newBuilder().traceId(traceHigh, traceLow).parentId(0xa1).id(0xb2).name("post /checkout")
        .kind(Span.Kind.CLIENT).timestamp(T0 + 2_000).duration(7_000)
        .localEndpoint(Endpoint.newBuilder().serviceName(frontend).ip("10.0.0.1").build())
        .remoteEndpoint(Endpoint.newBuilder().serviceName(checkout).ip("10.0.0.2").port(9000).build())
        .putTag("error", "true").putTag("otel.status_code", "STATUS_CODE_ERROR")
        .putTag("otel.status_description", "card declined")
        .build();
    Span served = Span.newBuilder().traceId(traceHigh, traceLow).parentId(0xb2).id(0xc3).name("post /checkout")
        .kind(Span.Kind.SERVER).timestamp(T0 + 2_100).duration(6_500)
        .localEndpoint(Endpoint.newBuilder().serviceName(checkout).ip("2001:db8::2").build())
        .addAnnotation(T0 + 3_000, "charge|{\"attempt\":2,\"gateway\":\"stripe\"}|0")
        .putTag("http.status_code", "402")
        .debug(true)
        .build();
    return List.of(root, call, served);
  }

  enum V2Encoding {
    JSON(Encoding.JSON, SpanBytesEncoder.JSON_V2), PROTO3(Encoding.PROTO3, SpanBytesEncoder.PROTO3);

    final Encoding encoding;
    final SpanBytesEncoder encoder;

    V2Encoding(Encoding encoding, SpanBytesEncoder encoder) {
      this.encoding = encoding;
      this.encoder = encoder;
    }
  }

  @ParameterizedTest
  @EnumSource(V2Encoding.class)
  void reporterTraceComesBackThroughZipkinAndJaegerApis(V2Encoding v2) throws Exception {
    long traceHigh = 0x5b8efff798038103L + v2.ordinal();
    long traceLow = 0xd269b633813fc60cL;
    List<Span> sent = trace(v2.name().toLowerCase(), traceHigh, traceLow);
    InMemoryReporterMetrics metrics = new InMemoryReporterMetrics();
    URLConnectionSender sender = ZipkinSender.sender(server.zipkinPort(), "/api/v2/spans", v2.encoding, true);
    try (AsyncReporter<Span> reporter = AsyncReporter.builder(sender).metrics(metrics)
        .messageTimeout(0, java.util.concurrent.TimeUnit.MILLISECONDS).build(v2.encoder)) {
      sent.forEach(reporter::report);
      reporter.flush();
    } finally {
      sender.close();
    }
    assertEquals(3, metrics.spans());
    assertEquals(0, metrics.messagesDropped(), () -> "dropped: " + metrics.messagesDroppedByCause());

    String traceId = String.format("%016x%016x", traceHigh, traceLow);
    HttpTestClient.Response response = zipkin.get("/api/v2/trace/" + traceId);
    assertEquals(200, response.status(), response.text());
    assertEquals(sorted(sent), sorted(SpanBytesDecoder.JSON_V2.decodeList(response.body())));

    assertJaegerView(traceId, v2.name().toLowerCase());
    assertSearchesFind(traceId, v2.name().toLowerCase());
  }

  @Test
  void v1JsonFromTheSenderComesBackAsV2() throws Exception {
    List<Span> sent = trace("v1", 0, 0x1dL);
    ZipkinSender.send(ZipkinSender.sender(server.zipkinPort(), "/api/v1/spans", Encoding.JSON, false),
        SpanBytesEncoder.JSON_V1, sent);

    HttpTestClient.Response response = zipkin.get("/api/v2/trace/000000000000001d");
    assertEquals(200, response.status(), response.text());
    assertEquals(sorted(sent), sorted(SpanBytesDecoder.JSON_V2.decodeList(response.body())));
    assertJaegerView("000000000000001d", "v1");
  }

  private static List<Span> sorted(List<Span> spans) {
    return spans.stream().sorted(java.util.Comparator.comparing(Span::id)).toList();
  }

  /** The same trace as Jaeger shows a Zipkin span: ids, references, kinds, µs times, tags, logs, processes. */
  private static void assertJaegerView(String traceId, String suffix) throws Exception {
    JsonNode body = jaeger.get("/api/traces/" + traceId).json();
    JsonNode trace = body.get("data").get(0);
    assertEquals(traceId.replaceFirst("^0{16}", ""), trace.get("traceID").asText());
    Map<String, JsonNode> spans = new HashMap<>();
    trace.get("spans").forEach(s -> spans.put(s.get("spanID").asText(), s));
    assertEquals(3, spans.size());

    JsonNode root = spans.get("00000000000000a1");
    assertEquals("get /cart", root.get("operationName").asText());
    assertEquals(0, root.get("references").size());
    assertEquals(T0, root.get("startTime").asLong());
    assertEquals(12_345, root.get("duration").asLong());
    assertTag(root.get("tags"), "span.kind", "server");
    assertTag(root.get("tags"), "http.method", "GET");
    assertTag(root.get("tags"), "net.host.ip", "10.0.0.1");
    assertTag(root.get("tags"), "net.host.port", "8080");
    assertTag(root.get("tags"), "net.peer.ip", "192.168.1.9");
    JsonNode log = root.get("logs").get(0);
    assertEquals(T0 + 1_500, log.get("timestamp").asLong());
    assertTag(log.get("fields"), "event", "cart.loaded");
    assertEquals("frontend-" + suffix, trace.get("processes").get(root.get("processID").asText()).get("serviceName").asText());

    JsonNode call = spans.get("00000000000000b2");
    assertEquals("CHILD_OF", call.get("references").get(0).get("refType").asText());
    assertEquals("00000000000000a1", call.get("references").get(0).get("spanID").asText());
    assertTag(call.get("tags"), "span.kind", "client");
    assertTag(call.get("tags"), "error", "true");
    assertTag(call.get("tags"), "otel.status_code", "ERROR");
    assertTag(call.get("tags"), "otel.status_description", "card declined");
    assertTag(call.get("tags"), "peer.service", "checkout-" + suffix);
    assertTag(call.get("tags"), "net.peer.port", "9000");

    JsonNode served = spans.get("00000000000000c3");
    assertEquals("00000000000000b2", served.get("references").get(0).get("spanID").asText());
    assertEquals(T0 + 2_100, served.get("startTime").asLong());
    assertEquals(6_500, served.get("duration").asLong());
    JsonNode charge = served.get("logs").get(0);
    assertTag(charge.get("fields"), "event", "charge");
    assertTag(charge.get("fields"), "attempt", "2");
    assertTag(charge.get("fields"), "gateway", "stripe");
    assertTag(served.get("tags"), "zipkin.debug", "true");
    assertEquals("checkout-" + suffix, trace.get("processes").get(served.get("processID").asText()).get("serviceName").asText());
  }

  private static void assertSearchesFind(String traceId, String suffix) throws Exception {
    String service = "frontend-" + suffix;
    for (String query : List.of(
        "serviceName=" + service,
        "serviceName=" + service + "&annotationQuery=" + encode("error and http.method=GET"),
        "serviceName=" + service + "&annotationQuery=cart.loaded",
        "serviceName=" + service + "&remoteServiceName=checkout-" + suffix,
        "serviceName=" + service + "&spanName=" + encode("post /checkout"),
        "serviceName=checkout-" + suffix + "&minDuration=6500&maxDuration=6500",
        "annotationQuery=http.status_code=402")) {
      JsonNode found = zipkin.get("/api/v2/traces?endTs=" + (T0 / 1000 + 60_000) + "&" + query).json();
      assertTrue(ids(found).contains(traceId), query + " finds the trace: " + ids(found));
    }
    JsonNode none = zipkin.get("/api/v2/traces?endTs=" + (T0 / 1000 + 60_000) + "&serviceName=" + service
        + "&annotationQuery=http.status_code=402").json();
    assertEquals(0, none.size(), "the tag is on another service's span");

    assertTrue(texts(zipkin.get("/api/v2/services").json()).containsAll(List.of(service, "checkout-" + suffix)));
    assertEquals(List.of("get /cart", "post /checkout"), texts(zipkin.get("/api/v2/spans?serviceName=" + service).json()));
    assertEquals(List.of("checkout-" + suffix), texts(zipkin.get("/api/v2/remoteServices?serviceName=" + service).json()));
    JsonNode links = zipkin.get("/api/v2/dependencies?endTs=" + (T0 / 1000 + 60_000) + "&lookback=120000").json();
    boolean linked = false;
    for (JsonNode link : links) {
      linked |= link.get("parent").asText().equals(service) && link.get("child").asText().equals("checkout-" + suffix)
          && link.get("callCount").asLong() == 1;
    }
    assertTrue(linked, "frontend → checkout in " + links);
  }

  static List<String> ids(JsonNode traces) {
    return java.util.stream.StreamSupport.stream(traces.spliterator(), false)
        .map(t -> t.get(0).get("traceId").asText()).toList();
  }

  static List<String> texts(JsonNode array) {
    return java.util.stream.StreamSupport.stream(array.spliterator(), false).map(JsonNode::asText).toList();
  }

  static String encode(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

  private static void assertTag(JsonNode tags, String key, String value) {
    JsonNode tag = null;
    for (JsonNode t : tags) {
      if (t.get("key").asText().equals(key)) tag = t;
    }
    assertNotNull(tag, key + " in " + tags);
    assertEquals(value, tag.get("value").asText(), key);
  }
}
