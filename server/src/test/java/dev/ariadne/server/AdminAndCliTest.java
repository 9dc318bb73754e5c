package dev.ariadne.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ariadne.model.Attributes;
import dev.ariadne.model.Resource;
import dev.ariadne.model.Span;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** The admin port, the memory bound as seen through metrics, and the command line. */
class AdminAndCliTest {

  @Test
  void healthReadyAndMetrics() throws Exception {
    try (AllInOne server = new AllInOne(AllInOneConfig.ephemeral().withMemoryMaxTraces(3)).start()) {
      HttpTestClient admin = new HttpTestClient(server.adminPort());
      assertEquals(200, admin.get("/").status());
      assertEquals("Server available", admin.get("/health").json().get("status").asText());
      assertEquals(200, admin.get("/ready").status());

      Resource r = Resource.of(Attributes.of("service.name", "bounded"));
      for (int i = 1; i <= 5; i++) {
        server.store().append(List.of(Span.builder().resource(r).traceId(1, i).spanId(i).name("op").build()));
      }
      // Query latencies are recorded per endpoint.
      new HttpTestClient(server.queryPort()).get("/api/services");
      String metrics = admin.get("/metrics").text();
      assertTrue(metrics.contains("ariadne_store_traces 3.0"), metrics);
      assertTrue(metrics.contains("ariadne_store_evicted_traces_total 2.0"), metrics);
      assertTrue(Pattern.compile("ariadne_query_request_duration_seconds_count\\{api=\"jaeger\",endpoint=\"/api/services\"} 1")
          .matcher(metrics).find(), metrics);
      // The oldest two traces went whole; the newest three are all there.
      HttpTestClient query = new HttpTestClient(server.queryPort());
      assertEquals(404, query.get("/api/traces/" + "0000000000000001" + "0000000000000001").status());
      assertEquals(200, query.get("/api/traces/" + "0000000000000001" + "0000000000000005").status());
    }
  }

  @Test
  void helpListsTheOptionsAndTheirEnvironmentVariables() {
    StringWriter out = new StringWriter();
    int code = new CommandLine(new Ariadne()).setOut(new PrintWriter(out)).execute("all-in-one", "--help");
    assertEquals(0, code);
    for (String option : List.of("--otlp-grpc-port", "--otlp-http-port", "--query-port", "--admin-port",
        "--memory-max-traces", "ARIADNE_MEMORY_MAX_TRACES", "--max-request-bytes", "--storage", "ARIADNE_STORAGE",
        "--data-dir", "--wal-fsync", "--trace-idle-period", "--max-block-duration", "--block-retention")) {
      assertTrue(out.toString().contains(option), option + " in\n" + out);
    }
  }

  @Test
  void flagsSetTheConfiguration() {
    AllInOneCommand command = new AllInOneCommand();
    new CommandLine(command).parseArgs("--memory-max-traces", "42", "--query-port", "0",
        "--otlp-http-cors-allowed-origins", "http://a.example,http://b.example");
    assertEquals(42, command.memoryMaxTraces);
    assertEquals(0, command.queryPort);
    assertEquals(List.of("http://a.example", "http://b.example"), command.corsAllowedOrigins);
    assertEquals(4317, command.otlpGrpcPort);
  }

  @Test
  void sigtermStopsTheServerCleanly() throws Exception {
    try (ServerProcess server = ServerProcess.start("--storage", "memory")) {
      assertEquals(200, new HttpTestClient(server.port("admin")).get("/ready").status());
      assertEquals(200, new HttpTestClient(server.port("Tempo")).get("/api/echo").status());
      // 143 = 128 + SIGTERM: the JVM's exit status after a signal, once the shutdown hook finished.
      assertEquals(143, server.terminate());
      assertTrue(server.output().contains("ariadne: stopped"), server.output());
    }
  }
}
