package dev.ariadne.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code --config} on the command line: a file that cannot run exits 1 with the problem, its path and line. */
class ConfigFileCliTest {
  private static final String PIPELINE = """
      receivers:
        otlp:
          protocols:
            grpc:
              endpoint: 127.0.0.1:0
      processors:
        %s:
      exporters:
        %s:
      service:
        pipelines:
          traces:
            receivers: [otlp]
            processors: [%s]
            exporters: [%s]
      """;

  @TempDir Path dir;

  private record Run(int exitCode, String err) {}

  private Run run(String... args) {
    StringWriter err = new StringWriter();
    int code = new CommandLine(new Ariadne()).setErr(new PrintWriter(err, true)).execute(args);
    return new Run(code, err.toString());
  }

  private Path file(String processor, String exporter) throws Exception {
    Path file = dir.resolve("otel-collector-config.yaml");
    Files.writeString(file, PIPELINE.formatted(processor, exporter, processor, exporter));
    return file;
  }

  @Test
  void anUnknownProcessorStopsTheCollector() throws Exception {
    Path file = file("bogus", "debug");
    Run run = run("collector", "--config", file.toString());
    assertEquals(1, run.exitCode(), run.err());
    assertTrue(run.err().contains("ariadne collector: " + file + ": processors.bogus: unknown processor type \"bogus\""), run.err());
    assertTrue(run.err().contains("(line 7)"), run.err());
  }

  @Test
  void anUnknownExporterStopsAllInOne() throws Exception {
    Path file = file("batch", "kafka");
    Run run = run("all-in-one", "--storage", "memory", "--config", file.toString());
    assertEquals(1, run.exitCode(), run.err());
    assertTrue(run.err().contains(file + ": exporters.kafka: unknown exporter type \"kafka\""), run.err());
  }

  @Test
  void theCollectorRoleHasNoStoreForTheAriadneExporter() throws Exception {
    Run run = run("collector", "--config", file("batch", "ariadne").toString());
    assertEquals(1, run.exitCode(), run.err());
    assertTrue(run.err().contains("exporters.ariadne: the collector role has no store"), run.err());
  }

  @Test
  void aMissingFileIsNamed() {
    Path missing = dir.resolve("nowhere.yaml");
    Run run = run("collector", "--config", missing.toString());
    assertEquals(1, run.exitCode(), run.err());
    assertTrue(run.err().contains("cannot read " + missing), run.err());
  }
}
