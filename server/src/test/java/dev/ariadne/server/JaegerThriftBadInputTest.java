package dev.ariadne.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import io.jaegertracing.agent.thrift.Agent;
import io.jaegertracing.thriftjava.Batch;
import io.jaegertracing.thriftjava.Process;
import io.jaegertracing.thriftjava.Span;
import java.io.ByteArrayOutputStream;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPOutputStream;
import org.apache.thrift.TException;
import org.apache.thrift.TSerializer;
import org.apache.thrift.protocol.TBinaryProtocol;
import org.apache.thrift.protocol.TCompactProtocol;
import org.apache.thrift.protocol.TField;
import org.apache.thrift.protocol.TList;
import org.apache.thrift.protocol.TMessage;
import org.apache.thrift.protocol.TMessageType;
import org.apache.thrift.protocol.TProtocol;
import org.apache.thrift.protocol.TStruct;
import org.apache.thrift.protocol.TType;
import org.apache.thrift.transport.TMemoryBuffer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Malformed, truncated, oversized and hostile thrift on the collector's HTTP endpoint and the agent's UDP
 * ports. HTTP answers with Jaeger's status and a message naming the problem; UDP cannot answer, so each
 * bad datagram is a counted drop. Either way the server keeps serving and what was stored before stays.
 */
class JaegerThriftBadInputTest {
  private static final int LIMIT = 256 * 1024;
  private static final long KEPT = 0x4b455054L;
  private static AllInOne server;
  private static HttpTestClient thriftHttp;
  private static HttpTestClient query;
  private static HttpTestClient admin;
  private static DatagramSocket udp;

  @BeforeAll
  static void start() throws Exception {
    server = new AllInOne(AllInOneConfig.ephemeral().withMaxRequestBytes(LIMIT)).start();
    thriftHttp = new HttpTestClient(server.jaegerThriftHttpPort());
    query = new HttpTestClient(server.queryPort());
    admin = new HttpTestClient(server.adminPort());
    udp = new DatagramSocket();
    assertEquals(202, postThrift(batch(KEPT, "kept")).status());
  }

  @AfterAll
  static void stop() throws Exception {
    JsonNode kept = query.get("/api/traces/" + JaegerClientEndToEndTest.hex(KEPT)).json().get("data").get(0);
    assertEquals("kept", kept.get("spans").get(0).get("operationName").asText());
    udp.close();
    server.close();
  }

  @Test
  void httpGarbageIs400NamingTheProblem() throws Exception {
    byte[] garbage = new byte[300];
    new Random(3).nextBytes(garbage);
    HttpTestClient.Response r = thriftHttp.post("/api/traces", "application/x-thrift", garbage);
    assertEquals(400, r.status());
    assertTrue(r.text().startsWith("Unable to process request body: malformed thrift Batch: "), r.text());
  }

  @Test
  void httpTruncatedBatchIs400() throws Exception {
    byte[] whole = serialize(batch(0x51, "cut"));
    HttpTestClient.Response r = thriftHttp.post("/api/traces", "application/x-thrift", Arrays.copyOf(whole, whole.length - 3));
    assertEquals(400, r.status());
    assertTrue(r.text().contains("truncated"), r.text());
  }

  @Test
  void httpListClaimingTwoBillionSpansIs400() throws Exception {
    byte[] body = binary(out -> {
      out.writeStructBegin(new TStruct("Batch"));
      out.writeFieldBegin(new TField("spans", TType.LIST, (short) 2));
      out.writeListBegin(new TList(TType.STRUCT, Integer.MAX_VALUE));
    });
    HttpTestClient.Response r = thriftHttp.post("/api/traces", "application/x-thrift", body);
    assertEquals(400, r.status());
    assertTrue(r.text().contains("length exceeds the message size"), r.text());
  }

  @Test
  void httpStringClaimingTwoGigabytesIs400() throws Exception {
    byte[] body = binary(out -> {
      out.writeStructBegin(new TStruct("Batch"));
      out.writeFieldBegin(new TField("process", TType.STRUCT, (short) 1));
      out.writeStructBegin(new TStruct("Process"));
      out.writeFieldBegin(new TField("serviceName", TType.STRING, (short) 1));
      out.writeI32(Integer.MAX_VALUE);
      out.getTransport().write("abc".getBytes(StandardCharsets.UTF_8));
    });
    HttpTestClient.Response r = thriftHttp.post("/api/traces", "application/x-thrift", body);
    assertEquals(400, r.status());
    assertTrue(r.text().contains("claims more bytes than the message holds"), r.text());
  }

  @Test
  void httpDeeplyNestedUnknownFieldsAre400() throws Exception {
    byte[] body = binary(out -> {
      out.writeStructBegin(new TStruct("Batch"));
      for (int i = 0; i < 50_000; i++) out.writeFieldBegin(new TField("unknown", TType.STRUCT, (short) 99));
    });
    HttpTestClient.Response r = thriftHttp.post("/api/traces", "application/x-thrift", body);
    assertEquals(400, r.status());
    assertTrue(r.text().contains("nested deeper than 64 levels"), r.text());
  }

  @Test
  void httpOversizedBodyIs413AndCounted() throws Exception {
    double before = counter("refused_requests", "http", "too_large");
    HttpTestClient.Response r = postThrift(batch(0x52, "x".repeat(LIMIT + 1)));
    assertEquals(413, r.status());
    // Armeria answers the 413 before the receiver's count lands: wait for it.
    awaitCounter("refused_requests", "http", "too_large", before + 1);
  }

  @Test
  void httpGzipBombIs413() throws Exception {
    ByteArrayOutputStream compressed = new ByteArrayOutputStream();
    try (GZIPOutputStream gz = new GZIPOutputStream(compressed)) {
      byte[] zeros = new byte[1 << 20];
      for (int i = 0; i < 64; i++) gz.write(zeros);
    }
    HttpTestClient.Response r = thriftHttp.post("/api/traces", "application/x-thrift", compressed.toByteArray(),
        "Content-Encoding", "gzip");
    assertEquals(413, r.status());
    assertTrue(r.text().contains("exceeds the limit"), r.text());
  }

  @Test
  void httpGzippedBatchIsAccepted() throws Exception {
    ByteArrayOutputStream compressed = new ByteArrayOutputStream();
    try (GZIPOutputStream gz = new GZIPOutputStream(compressed)) {
      gz.write(serialize(batch(0x53, "zipped")));
    }
    HttpTestClient.Response r = thriftHttp.post("/api/traces", "application/vnd.apache.thrift.binary",
        compressed.toByteArray(), "Content-Encoding", "gzip");
    assertEquals(202, r.status(), r.text());
    assertEquals(200, query.get("/api/traces/" + JaegerClientEndToEndTest.hex(0x53)).status());
  }

  @Test
  void httpOtherContentTypesAre415() throws Exception {
    HttpTestClient.Response r = thriftHttp.post("/api/traces", "application/json", "{}".getBytes(StandardCharsets.UTF_8));
    assertEquals(415, r.status());
    assertTrue(r.text().startsWith("Unsupported content type: application/json"), r.text());
  }

  @Test
  void httpWrongMethodAndPathAreRefused() throws Exception {
    assertEquals(405, thriftHttp.get("/api/traces").status());
    assertEquals(404, thriftHttp.post("/api/spans", "application/x-thrift", new byte[0]).status());
  }

  @Test
  void httpSpansWithZeroIdsAreRefusedAndNamedTheOthersStored() throws Exception {
    Batch batch = new Batch(new Process("zero-ids"), List.of(
        new Span(0x54, 0, 1, 0, "good", 1, 1_700_000_000_000_000L, 10),
        new Span(0x54, 0, 0, 0, "no span id", 1, 1_700_000_000_000_000L, 10)));
    HttpTestClient.Response r = postThrift(batch);
    assertEquals(202, r.status());
    assertEquals("rejected 1 span: spans[1]: span id must not be zero\n", r.text());
    assertEquals(1, query.get("/api/traces/" + JaegerClientEndToEndTest.hex(0x54)).json().get("data").get(0).get("spans").size());
  }

  @Test
  void udpBadDatagramsAreCountedDropsAndTheServerKeepsServing() throws Exception {
    byte[] garbage = new byte[500];
    new Random(5).nextBytes(garbage);
    byte[] absurdList = compact(out -> {
      out.writeMessageBegin(new TMessage("emitBatch", TMessageType.ONEWAY, 1));
      out.writeStructBegin(new TStruct("emitBatch_args"));
      out.writeFieldBegin(new TField("batch", TType.STRUCT, (short) 1));
      out.writeStructBegin(new TStruct("Batch"));
      out.writeFieldBegin(new TField("spans", TType.LIST, (short) 2));
      out.writeListBegin(new TList(TType.STRUCT, Integer.MAX_VALUE));
    });
    byte[] zipkin = compact(out -> {
      out.writeMessageBegin(new TMessage("emitZipkinBatch", TMessageType.ONEWAY, 1));
      out.writeStructBegin(new TStruct("emitZipkinBatch_args"));
      out.writeFieldStop();
    });
    byte[] truncated = Arrays.copyOf(emitBatch(batch(0x61, "cut"), true), 20);
    double before = counter("refused_requests", "udp_compact", "malformed");
    for (byte[] datagram : List.of(garbage, absurdList, zipkin, truncated, new byte[0])) sendUdp(datagram, true);
    awaitCounter("refused_requests", "udp_compact", "malformed", before + 5);

    double tooLargeBefore = counter("refused_requests", "udp_binary", "too_large");
    sendUdp(new byte[65_001], false);
    awaitCounter("refused_requests", "udp_binary", "too_large", tooLargeBefore + 1);

    // Both ports still take spans.
    sendUdp(emitBatch(batch(0x62, "after garbage, compact"), true), true);
    sendUdp(emitBatch(batch(0x63, "after garbage, binary"), false), false);
    awaitTrace(0x62);
    awaitTrace(0x63);
  }

  private static HttpTestClient.Response postThrift(Batch batch) throws Exception {
    return thriftHttp.post("/api/traces", "application/x-thrift", serialize(batch));
  }

  private static Batch batch(long traceIdLow, String name) {
    return new Batch(new Process("bad-input-test"),
        List.of(new Span(traceIdLow, 0, 1, 0, name, 1, 1_700_000_000_000_000L, 1_000)));
  }

  private static byte[] serialize(Batch batch) throws TException {
    return new TSerializer(new TBinaryProtocol.Factory()).serialize(batch);
  }

  private static byte[] emitBatch(Batch batch, boolean compact) throws TException {
    return write(buffer -> new Agent.Client(compact ? new TCompactProtocol(buffer) : new TBinaryProtocol(buffer))
        .emitBatch(batch));
  }

  @FunctionalInterface
  interface Writer {
    void write(TProtocol out) throws TException;
  }

  @FunctionalInterface
  interface BufferWriter {
    void write(TMemoryBuffer buffer) throws TException;
  }

  private static byte[] binary(Writer writer) throws TException {
    return write(buffer -> writer.write(new TBinaryProtocol(buffer)));
  }

  private static byte[] compact(Writer writer) throws TException {
    return write(buffer -> writer.write(new TCompactProtocol(buffer)));
  }

  private static byte[] write(BufferWriter writer) throws TException {
    TMemoryBuffer buffer = new TMemoryBuffer(1024);
    writer.write(buffer);
    return Arrays.copyOf(buffer.getArray(), buffer.length());
  }

  private static void sendUdp(byte[] datagram, boolean compact) throws Exception {
    int port = compact ? server.jaegerAgentCompactPort() : server.jaegerAgentBinaryPort();
    udp.send(new DatagramPacket(datagram, datagram.length, new InetSocketAddress("127.0.0.1", port)));
  }

  private static void awaitTrace(long traceIdLow) throws Exception {
    for (int attempt = 0; attempt < 600; attempt++) {
      if (query.get("/api/traces/" + JaegerClientEndToEndTest.hex(traceIdLow)).status() == 200) return;
      Thread.sleep(50);
    }
    fail("trace " + JaegerClientEndToEndTest.hex(traceIdLow) + " never arrived");
  }

  private static void awaitCounter(String name, String transport, String reason, double atLeast) throws Exception {
    for (int attempt = 0; attempt < 600; attempt++) {
      if (counter(name, transport, reason) >= atLeast) return;
      Thread.sleep(50);
    }
    fail(name + "{" + transport + ", " + reason + "} never reached " + atLeast + ":\n" + admin.get("/metrics").text());
  }

  /** A receiver counter for receiver="jaeger" from /metrics, 0 when not yet registered. */
  static double counter(String name, String transport, String reason) throws Exception {
    String metrics = admin.get("/metrics").text();
    String labels = reason == null
        ? "receiver=\"jaeger\",transport=\"" + transport + "\""
        : "reason=\"" + reason + "\",receiver=\"jaeger\",transport=\"" + transport + "\"";
    Matcher m = Pattern.compile("ariadne_receiver_" + name + "_total\\{" + Pattern.quote(labels) + "} (\\S+)")
        .matcher(metrics);
    return m.find() ? Double.parseDouble(m.group(1)) : 0;
  }
}
