package dev.ariadne.collector.config;

/** A pipeline's id: its signal, optionally with a name ({@code traces}, {@code traces/sampled}). */
public record PipelineId(Signal signal, String name) {

  /** The telemetry a pipeline carries. Only traces pipelines run here; the others are accepted and ignored. */
  public enum Signal { TRACES, METRICS, LOGS }

  /** @throws IllegalArgumentException for a malformed id or an unknown signal */
  public static PipelineId parse(String id) {
    ComponentId parts = ComponentId.parse(id);
    Signal signal = switch (parts.type()) {
      case "traces" -> Signal.TRACES;
      case "metrics" -> Signal.METRICS;
      case "logs" -> Signal.LOGS;
      default -> throw new IllegalArgumentException("\"" + id + "\": the signal must be traces, metrics or logs");
    };
    return new PipelineId(signal, parts.name());
  }

  @Override
  public String toString() {
    String signalName = signal.name().toLowerCase(java.util.Locale.ROOT);
    return name.isEmpty() ? signalName : signalName + "/" + name;
  }
}
