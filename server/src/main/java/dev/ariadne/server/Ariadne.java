package dev.ariadne.server;

import dev.ariadne.tracegen.TracegenCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code ariadne} command: one jar, a subcommand per role. */
@Command(
    name = "ariadne",
    mixinStandardHelpOptions = true,
    version = "ariadne 0.1.0",
    description = "A distributed-tracing backend: OTLP, Zipkin and Jaeger in; Jaeger, Tempo and Zipkin APIs out.",
    subcommands = {AllInOneCommand.class, CollectorCommand.class, TracegenCommand.class, CommandLine.HelpCommand.class})
public final class Ariadne implements Runnable {
  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    throw new CommandLine.ParameterException(spec.commandLine(), "name a role, e.g. 'ariadne all-in-one'");
  }

  public static void main(String[] args) {
    System.exit(new CommandLine(new Ariadne()).execute(args));
  }
}
