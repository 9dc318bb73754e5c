package dev.ariadne.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ariadne.model.Attributes;
import dev.ariadne.model.Resource;
import dev.ariadne.model.Span;
import java.io.BufferedReader;
import java.io.File;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
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
        "--memory-max-traces", "ARIADNE_MEMORY_MAX_TRACES", "--max-request-bytes")) {
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
    String java = ProcessHandle.current().info().command().orElseThrow();
    Process process = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
        Ariadne.class.getName(), "all-in-one", "--host", "127.0.0.1",
        "--otlp-grpc-port", "0", "--otlp-http-port", "0", "--query-port", "0", "--admin-port", "0",
        "--zipkin-port", "0", "--tempo-port", "0",
        "--jaeger-thrift-http-port", "0", "--jaeger-grpc-port", "0", "--jaeger-agent-compact-port", "0",
        "--jaeger-agent-binary-port", "0", "--query-grpc-port", "0")
        .redirectErrorStream(true)
        .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
        .start();
    try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
      String banner = null;
      for (String line; (line = out.readLine()) != null; ) {
        if (line.startsWith("ariadne all-in-one:")) {
          banner = line;
          break;
        }
      }
      assertTrue(banner != null, "the server printed its ports");
      Matcher admin = Pattern.compile("admin :(\\d+)").matcher(banner);
      assertTrue(admin.find(), banner);
      assertEquals(200, new HttpTestClient(Integer.parseInt(admin.group(1))).get("/ready").status());
      Matcher tempo = Pattern.compile("Tempo :(\\d+)").matcher(banner);
      assertTrue(tempo.find(), banner);
      assertEquals(200, new HttpTestClient(Integer.parseInt(tempo.group(1))).get("/api/echo").status());

      process.toHandle().destroy(); // SIGTERM; Process.destroy() would also close our end of stdout
      assertTrue(process.waitFor(60, TimeUnit.SECONDS), "the server exits after SIGTERM");
      StringBuilder rest = new StringBuilder();
      for (String line; (line = out.readLine()) != null; ) rest.append(line).append('\n');
      assertTrue(rest.toString().contains("ariadne: stopped"), rest.toString());
      // 143 = 128 + SIGTERM: the JVM's exit status after a signal, once the shutdown hook finished.
      assertEquals(143, process.exitValue());
    } finally {
      process.destroyForcibly();
    }
  }
}
