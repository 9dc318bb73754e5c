package dev.ariadne.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** The Tempo port's setting, and what the Tempo API adds to the metrics. */
class TempoConfigTest {

  @Test
  void tempoPortIsAFlagAndAVariable() {
    StringWriter out = new StringWriter();
    new CommandLine(new Ariadne()).setOut(new PrintWriter(out)).execute("all-in-one", "--help");
    assertTrue(out.toString().contains("--tempo-port"), out.toString());
    assertTrue(out.toString().contains("ARIADNE_TEMPO_PORT"), out.toString());

    AllInOneCommand defaults = new AllInOneCommand();
    new CommandLine(defaults).parseArgs();
    assertEquals(System.getenv("ARIADNE_TEMPO_PORT") == null ? 3200 : Integer.parseInt(System.getenv("ARIADNE_TEMPO_PORT")),
        defaults.tempoPort);
    AllInOneCommand set = new AllInOneCommand();
    new CommandLine(set).parseArgs("--tempo-port", "13200");
    assertEquals(13200, set.tempoPort);
    assertEquals(0, AllInOneConfig.ephemeral().tempoPort());
    assertEquals(0, AllInOneConfig.ephemeral().withMemoryMaxTraces(5).tempoPort());
  }

  @Test
  void tempoRequestsAreTimedAndTheTagIndexBoundIsCounted() throws Exception {
    try (AllInOne server = new AllInOne(AllInOneConfig.ephemeral()).start()) {
      HttpTestClient tempo = new HttpTestClient(server.tempoPort());
      assertEquals(200, tempo.get("/api/search?q=%7B%7D").status());
      assertEquals(400, tempo.get("/api/search?q=%7B").status());
      String metrics = new HttpTestClient(server.adminPort()).get("/metrics").text();
      assertTrue(Pattern.compile("ariadne_query_request_duration_seconds_count\\{api=\"tempo\",endpoint=\"/api/search\"} 2")
          .matcher(metrics).find(), metrics);
      assertTrue(metrics.contains("ariadne_store_tags_not_indexed_total 0.0"), metrics);
    }
  }
}
