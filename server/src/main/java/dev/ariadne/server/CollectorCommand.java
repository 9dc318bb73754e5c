package dev.ariadne.server;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code ariadne collector --config FILE}: an OpenTelemetry Collector's trace pipelines, without a store. */
@Command(
    name = "collector",
    mixinStandardHelpOptions = true,
    description = {
        "Runs the receivers, processors and exporters of an OpenTelemetry Collector configuration file.",
        "No store and no query APIs: to keep spans in Ariadne, forward them (otlp, otlphttp, jaeger exporters) "
            + "to an all-in-one server, or run 'ariadne all-in-one --config FILE'."})
final class CollectorCommand implements Callable<Integer> {
  @Spec
  CommandSpec spec;

  @Option(names = "--config", required = true, defaultValue = "${env:ARIADNE_CONFIG}",
      description = "The OpenTelemetry Collector configuration file (ARIADNE_CONFIG).")
  Path configFile;

  @Override
  public Integer call() throws InterruptedException {
    CollectorRole collector;
    try {
      collector = new CollectorRole(ConfigFile.load(configFile));
    } catch (ConfigFile.Invalid | IllegalArgumentException e) {
      spec.commandLine().getErr().println("ariadne collector: " + e.getMessage());
      return 1;
    }
    return RunningRole.serveUntilStopped("collector", collector.listeningPorts(), collector);
  }
}
