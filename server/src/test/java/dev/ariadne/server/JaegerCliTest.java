package dev.ariadne.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** The Jaeger ingest ports on the command line: Jaeger's own defaults, each settable by flag. */
class JaegerCliTest {

  @Test
  void helpListsTheJaegerPortsAndTheirVariables() {
    StringWriter out = new StringWriter();
    new CommandLine(new Ariadne()).setOut(new PrintWriter(out)).execute("all-in-one", "--help");
    for (String option : List.of("--jaeger-thrift-http-port", "ARIADNE_JAEGER_THRIFT_HTTP_PORT",
        "--jaeger-grpc-port", "ARIADNE_JAEGER_GRPC_PORT", "--jaeger-agent-compact-port",
        "ARIADNE_JAEGER_AGENT_COMPACT_PORT", "--jaeger-agent-binary-port", "ARIADNE_JAEGER_AGENT_BINARY_PORT")) {
      assertTrue(out.toString().contains(option), option + " in\n" + out);
    }
  }

  @Test
  void theDefaultsAreJaegersPortsAndFlagsOverrideThem() {
    AllInOneCommand defaults = new AllInOneCommand();
    new CommandLine(defaults).parseArgs();
    assertEquals(List.of(14268, 14250, 6831, 6832), List.of(defaults.jaegerThriftHttpPort, defaults.jaegerGrpcPort,
        defaults.jaegerAgentCompactPort, defaults.jaegerAgentBinaryPort));

    AllInOneCommand set = new AllInOneCommand();
    new CommandLine(set).parseArgs("--jaeger-thrift-http-port", "1", "--jaeger-grpc-port", "2",
        "--jaeger-agent-compact-port", "3", "--jaeger-agent-binary-port", "4");
    assertEquals(List.of(1, 2, 3, 4), List.of(set.jaegerThriftHttpPort, set.jaegerGrpcPort,
        set.jaegerAgentCompactPort, set.jaegerAgentBinaryPort));
  }
}
