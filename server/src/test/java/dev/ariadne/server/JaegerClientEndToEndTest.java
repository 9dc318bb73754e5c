package dev.ariadne.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import io.jaegertracing.internal.JaegerSpan;
import io.jaegertracing.internal.JaegerSpanContext;
import io.jaegertracing.internal.JaegerTracer;
import io.jaegertracing.internal.reporters.RemoteReporter;
import io.jaegertracing.internal.samplers.ConstSampler;
import io.jaegertracing.spi.Sender;
import io.jaegertracing.thrift.internal.senders.HttpSender;
import io.jaegertracing.thrift.internal.senders.UdpSender;
import io.opentracing.References;
import io.opentracing.tag.Tags;
import java.net.InetSocketAddress;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The real Jaeger Java client (jaeger-client 1.8.1) reports a two-service trace through each transport
 * Jaeger clients use: the agent's compact UDP port (UdpSender), its binary UDP port (Agent.Client over
 * TBinaryProtocol) and the collector's thrift HTTP endpoint (HttpSender). The Jaeger query API must then
 * return what was sent: ids, references, names, kinds, microsecond times, typed tags, logs, processes
 * and the error.
 */
class JaegerClientEndToEndTest {
  private static AllInOne server;
  private static HttpTestClient query;

  @BeforeAll
  static void start() {
    server = new AllInOne(AllInOneConfig.ephemeral()).start();
    query = new HttpTestClient(server.queryPort());
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  enum Transport { UDP_COMPACT, UDP_BINARY, HTTP_THRIFT }

  private static Sender sender(Transport transport) throws Exception {
    return switch (transport) {
      case UDP_COMPACT -> new UdpSender("127.0.0.1", server.jaegerAgentCompactPort(), 0);
      case UDP_BINARY -> new BinaryAgentSender(new InetSocketAddress("127.0.0.1", server.jaegerAgentBinaryPort()));
      case HTTP_THRIFT -> new HttpSender.Builder(
          "http://127.0.0.1:" + server.jaegerThriftHttpPort() + "/api/traces").build();
    };
  }

  private static JaegerTracer tracer(String service, Transport transport) throws Exception {
    return new JaegerTracer.Builder(service)
        .withReporter(new RemoteReporter.Builder().withSender(sender(transport)).withFlushInterval(100).build())
        .withSampler(new ConstSampler(true))
        .withTraceId128Bit()
        .withTag("deployment", "e2e")
        .withTag("replicas", 3)
        .build();
  }

  @ParameterizedTest
  @EnumSource(Transport.class)
  void jaegerApiReturnsWhatTheClientSent(Transport transport) throws Exception {
    long t0 = 1_700_000_000_123_456L; // µs
    JaegerTracer frontend = tracer("frontend-" + transport, transport);
    JaegerTracer checkout = tracer("checkout-" + transport, transport);

    JaegerSpan root = frontend.buildSpan("GET /cart")
        .withStartTimestamp(t0)
        .withTag(Tags.SPAN_KIND.getKey(), Tags.SPAN_KIND_SERVER)
        .withTag("http.status_code", 200)
        .withTag("cache.hit", true)
        .withTag("sampling.ratio", 0.25)
        .withTag("http.url", "/cart?id=7")
        .start();
    root.log(t0 + 1_500, Map.of("event", "cart.loaded", "items", 3));
    JaegerSpan charge = checkout.buildSpan("charge card")
        .asChildOf(root)
        .withStartTimestamp(t0 + 100)
        .withTag(Tags.SPAN_KIND.getKey(), Tags.SPAN_KIND_CLIENT)
        .withTag("amount.cents", 1999L)
        .start();
    Tags.ERROR.set(charge, true);
    Map<String, Object> errorLog = new LinkedHashMap<>();
    errorLog.put("event", "error");
    errorLog.put("message", "card declined");
    charge.log(t0 + 200, errorLog);
    charge.finish(t0 + 900);
    JaegerSpan email = frontend.buildSpan("send receipt")
        .addReference(References.FOLLOWS_FROM, root.context())
        .withStartTimestamp(t0 + 1_000)
        .start();
    email.finish(t0 + 3_000);
    root.finish(t0 + 2_000);
    frontend.close();
    checkout.close();

    JaegerSpanContext rootContext = root.context();
    String traceId = String.format("%016x%016x", rootContext.getTraceIdHigh(), rootContext.getTraceIdLow());
    JsonNode trace = awaitTrace(traceId, 3);
    assertEquals(traceId, trace.get("traceID").asText());
    Map<String, JsonNode> spans = new HashMap<>();
    trace.get("spans").forEach(s -> spans.put(s.get("operationName").asText(), s));

    JsonNode r = spans.get("GET /cart");
    assertEquals(hex(rootContext.getSpanId()), r.get("spanID").asText());
    assertEquals(1, r.get("flags").asInt());
    assertEquals(0, r.get("references").size());
    assertEquals(t0, r.get("startTime").asLong());
    assertEquals(2_000, r.get("duration").asLong());
    assertTag(r, "span.kind", "string", "server");
    assertTag(r, "http.status_code", "int64", "200");
    assertTag(r, "cache.hit", "bool", "true");
    assertTag(r, "sampling.ratio", "float64", "0.25");
    assertTag(r, "http.url", "string", "/cart?id=7");
    assertTag(r, "sampler.type", "string", "const");
    assertNull(tag(r, "error"), "no error on the root");
    JsonNode loaded = r.get("logs").get(0);
    assertEquals(t0 + 1_500, loaded.get("timestamp").asLong());
    assertField(loaded, "event", "string", "cart.loaded");
    assertField(loaded, "items", "int64", "3");

    JsonNode c = spans.get("charge card");
    assertEquals(hex(charge.context().getSpanId()), c.get("spanID").asText());
    assertReference(c.get("references").get(0), "CHILD_OF", traceId, rootContext.getSpanId());
    assertEquals(1, c.get("references").size());
    assertEquals(t0 + 100, c.get("startTime").asLong());
    assertEquals(800, c.get("duration").asLong());
    assertTag(c, "span.kind", "string", "client");
    assertTag(c, "amount.cents", "int64", "1999");
    assertTag(c, "error", "bool", "true");
    assertTag(c, "otel.status_code", "string", "ERROR");
    JsonNode declined = c.get("logs").get(0);
    assertEquals(t0 + 200, declined.get("timestamp").asLong());
    assertField(declined, "event", "string", "error");
    assertField(declined, "message", "string", "card declined");

    JsonNode e = spans.get("send receipt");
    assertEquals(1, e.get("references").size(), e.toString());
    assertReference(e.get("references").get(0), "FOLLOWS_FROM", traceId, rootContext.getSpanId());
    assertEquals(2_000, e.get("duration").asLong());

    JsonNode frontendProcess = trace.get("processes").get(r.get("processID").asText());
    JsonNode checkoutProcess = trace.get("processes").get(c.get("processID").asText());
    assertEquals("frontend-" + transport, frontendProcess.get("serviceName").asText());
    assertEquals("checkout-" + transport, checkoutProcess.get("serviceName").asText());
    assertEquals(r.get("processID"), e.get("processID"));
    assertField(frontendProcess, "deployment", "string", "e2e", "tags");
    assertField(frontendProcess, "replicas", "int64", "3", "tags");
    // The translator's renames: hostname becomes host.name, jaeger.version opencensus.exporterversion.
    assertNotNull(field(frontendProcess, "host.name", "tags"), frontendProcess.toString());
    assertTrue(field(frontendProcess, "opencensus.exporterversion", "tags").get("value").asText().startsWith("Jaeger-Java-"),
        frontendProcess.toString());
  }

  private static JsonNode awaitTrace(String traceId, int spans) throws Exception {
    // UDP and the reporter are asynchronous: poll, bounded, until every span arrived.
    for (int attempt = 0; attempt < 600; attempt++) {
      HttpTestClient.Response response = query.get("/api/traces/" + traceId);
      if (response.status() == 200) {
        JsonNode trace = response.json().get("data").get(0);
        if (trace.get("spans").size() == spans) return trace;
      }
      Thread.sleep(50);
    }
    fail("trace " + traceId + " did not arrive with " + spans + " spans");
    return null;
  }

  static String hex(long id) {
    return String.format("%016x", id);
  }

  private static void assertReference(JsonNode ref, String type, String traceId, long spanId) {
    assertEquals(type, ref.get("refType").asText(), ref.toString());
    assertEquals(traceId, ref.get("traceID").asText(), ref.toString());
    assertEquals(hex(spanId), ref.get("spanID").asText(), ref.toString());
  }

  static JsonNode tag(JsonNode span, String key) {
    return field(span, key, "tags");
  }

  static void assertTag(JsonNode span, String key, String type, String value) {
    assertField(span, key, type, value, "tags");
  }

  private static void assertField(JsonNode log, String key, String type, String value) {
    assertField(log, key, type, value, "fields");
  }

  private static void assertField(JsonNode node, String key, String type, String value, String list) {
    JsonNode field = field(node, key, list);
    assertNotNull(field, key + " in " + node);
    assertEquals(type, field.get("type").asText(), field.toString());
    assertEquals(value, field.get("value").asText(), field.toString());
  }

  private static JsonNode field(JsonNode node, String key, String list) {
    for (JsonNode field : node.get(list)) {
      if (field.get("key").asText().equals(key)) return field;
    }
    return null;
  }
}
