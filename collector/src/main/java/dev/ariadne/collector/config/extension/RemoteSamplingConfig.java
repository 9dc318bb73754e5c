package dev.ariadne.collector.config.extension;

import dev.ariadne.collector.config.ComponentFactory;
import dev.ariadne.collector.config.ConfigNode;
import dev.ariadne.collector.config.ExtensionConfig;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/**
 * Jaeger v2's {@code remote_sampling} extension:
 *
 * <pre>
 * remote_sampling:
 *   http: {endpoint: 0.0.0.0:5778}
 *   file: {path: strategies.json, reload_interval: 30s, default_sampling_probability: 0.001}
 *   adaptive: {target_samples_per_second: 1, calculation_interval: 1m, ...}
 * </pre>
 *
 * The gRPC side has no endpoint of its own here: the server adds it to the Jaeger gRPC listener (14250).
 * The server's {@code dev.ariadne.server.sampling.RemoteSampling} runs it.
 *
 * @param strategiesFile empty: every service gets {@code defaultSamplingProbability}
 * @param reloadInterval zero: the file is read once
 * @param adaptive empty: the file's strategies are served as written
 */
public record RemoteSamplingConfig(
    String httpEndpoint,
    Optional<Path> strategiesFile,
    Duration reloadInterval,
    double defaultSamplingProbability,
    Optional<AdaptiveSamplingConfig> adaptive) implements ExtensionConfig {
  public static final ComponentFactory<RemoteSamplingConfig> FACTORY =
      new ComponentFactory<>("remote_sampling", RemoteSamplingConfig::parse);

  static RemoteSamplingConfig parse(ConfigNode node) {
    ConfigNode file = node.child("file");
    String path = file.string("path", "");
    double probability = file.number("default_sampling_probability", 0.001);
    if (!(probability >= 0 && probability <= 1)) throw file.child("default_sampling_probability").error("must be between 0 and 1");
    return new RemoteSamplingConfig(
        node.child("http").string("endpoint", "0.0.0.0:5778"),
        path.isEmpty() ? Optional.empty() : Optional.of(Path.of(path)),
        file.duration("reload_interval", Duration.ZERO),
        probability,
        node.contains("adaptive") ? Optional.of(adaptive(node.child("adaptive"))) : Optional.empty());
  }

  private static AdaptiveSamplingConfig adaptive(ConfigNode node) {
    AdaptiveSamplingConfig d = AdaptiveSamplingConfig.defaults();
    try {
      return new AdaptiveSamplingConfig(
          node.number("target_samples_per_second", d.targetSamplesPerSecond()),
          node.number("delta_tolerance", d.deltaTolerance()),
          node.duration("calculation_interval", d.calculationInterval()),
          node.number("initial_sampling_probability", d.initialSamplingProbability()),
          node.number("min_sampling_probability", d.minSamplingProbability()),
          node.number("max_sampling_probability", d.maxSamplingProbability()),
          node.number("min_samples_per_second", d.minSamplesPerSecond()));
    } catch (IllegalArgumentException e) {
      throw node.error(e.getMessage());
    }
  }
}
