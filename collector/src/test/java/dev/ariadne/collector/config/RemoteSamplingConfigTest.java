package dev.ariadne.collector.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ariadne.collector.config.exporter.AriadneExporterConfig;
import dev.ariadne.collector.config.extension.AdaptiveSamplingConfig;
import dev.ariadne.collector.config.extension.RemoteSamplingConfig;
import dev.ariadne.collector.config.receiver.OtlpReceiverConfig;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Jaeger v2's remote_sampling extension read from a Collector file: defaults, every key, errors naming the key. */
class RemoteSamplingConfigTest {
  private static final String PIPELINE = """
      receivers:
        otlp: {protocols: {grpc: }}
      exporters:
        ariadne:
      service:
        extensions: [remote_sampling]
        pipelines:
          traces: {receivers: [otlp], exporters: [ariadne]}
      extensions:
        remote_sampling:
      """;
  private final ConfigLoader loader = new ConfigLoader(Components.builder()
      .receiver(OtlpReceiverConfig.FACTORY)
      .exporter(AriadneExporterConfig.FACTORY)
      .extension(RemoteSamplingConfig.FACTORY)
      .build(), name -> null);

  @Test
  void defaultsAndEveryKey() {
    assertEquals(new RemoteSamplingConfig("0.0.0.0:5778", Optional.empty(), Duration.ZERO, 0.001, Optional.empty()),
        load(""));
    assertEquals(new RemoteSamplingConfig("127.0.0.1:15778", Optional.of(Path.of("/etc/strategies.json")),
            Duration.ofSeconds(30), 0.25, Optional.of(new AdaptiveSamplingConfig(2, 0.1, Duration.ofSeconds(30), 0.01, 1e-4, 0.5, 0.1))),
        load("""
                http: {endpoint: 127.0.0.1:15778}
                file: {path: /etc/strategies.json, reload_interval: 30s, default_sampling_probability: 0.25}
                adaptive:
                  target_samples_per_second: 2
                  delta_tolerance: 0.1
                  calculation_interval: 30s
                  initial_sampling_probability: 0.01
                  min_sampling_probability: 0.0001
                  max_sampling_probability: 0.5
                  min_samples_per_second: 0.1
            """));
    assertEquals(Optional.of(AdaptiveSamplingConfig.defaults()), load("    adaptive:\n").adaptive());
  }

  @Test
  void badValuesNameTheKey() {
    assertError("extensions.remote_sampling.file.reload_intervall: unknown key", "    file: {reload_intervall: 1s}\n");
    assertError("extensions.remote_sampling.file.default_sampling_probability: must be between 0 and 1",
        "    file: {default_sampling_probability: 2}\n");
    assertError("extensions.remote_sampling.adaptive: target_samples_per_second: must be > 0",
        "    adaptive: {target_samples_per_second: 0}\n");
    assertError("extensions.remote_sampling.adaptive: initial_sampling_probability: must be within [min, max]",
        "    adaptive: {initial_sampling_probability: 0.9, max_sampling_probability: 0.5}\n");
  }

  private RemoteSamplingConfig load(String settings) {
    CollectorConfig config = loader.load(PIPELINE + settings.indent(2));
    return (RemoteSamplingConfig) config.extensions().get(ComponentId.parse("remote_sampling"));
  }

  private void assertError(String expectedStart, String settings) {
    ConfigException e = assertThrows(ConfigException.class, () -> load(settings));
    assertTrue(e.getMessage().startsWith(expectedStart), e.getMessage());
  }
}
