package dev.ariadne.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** The Jaeger query gRPC port in the configuration and on the command line: Jaeger's 16685 by default. */
class QueryGrpcConfigTest {
  @Test
  void helpListsTheFlagAndItsVariable() {
    StringWriter out = new StringWriter();
    new CommandLine(new Ariadne()).setOut(new PrintWriter(out)).execute("all-in-one", "--help");
    assertTrue(out.toString().contains("--query-grpc-port"), out.toString());
    assertTrue(out.toString().contains("ARIADNE_QUERY_GRPC_PORT"), out.toString());
  }

  @Test
  void theDefaultIsJaegersPortAndTheFlagOverridesIt() {
    AllInOneCommand defaults = new AllInOneCommand();
    new CommandLine(defaults).parseArgs();
    assertEquals(16685, defaults.queryGrpcPort);
    AllInOneCommand set = new AllInOneCommand();
    new CommandLine(set).parseArgs("--query-grpc-port", "7");
    assertEquals(7, set.queryGrpcPort);
  }

  @Test
  void theConfigurationCarriesThePort() {
    assertEquals(16685, AllInOneConfig.builder().build().queryGrpcPort());
    assertEquals(0, AllInOneConfig.ephemeral().queryGrpcPort());
    assertEquals(1234, AllInOneConfig.builder().queryGrpcPort(1234).build().withMaxRequestBytes(10).queryGrpcPort());
  }
}
