package dev.ariadne.server;

import dev.ariadne.collector.config.CollectorConfig;
import dev.ariadne.collector.config.ConfigLoader;
import dev.ariadne.collector.pipeline.BuiltInComponents;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.Yaml;

/**
 * Collector configuration files for tests: written as a real user writes them, then copied with every
 * receiver endpoint and the metrics address moved to a free port on loopback, so tests never collide on
 * 4317 or 8888.
 */
final class CollectorConfigs {
  static final String FREE = "127.0.0.1:0";
  private static final Path SEEDS = Path.of("../collector/src/test/resources/seeds");

  private CollectorConfigs() {}

  /** The seed configurations (the collector module's test resources). */
  static Path seed(String name) {
    return SEEDS.resolve(name);
  }

  /** {@code yaml} on free ports, as a file in {@code dir}. */
  static Path onFreePorts(String yaml, Path dir) throws IOException {
    Map<String, Object> root = new Yaml().load(yaml);
    for (Map.Entry<String, Object> receiver : child(root, "receivers").entrySet()) {
      if (receiver.getValue() == null) receiver.setValue(new LinkedHashMap<String, Object>());
      freeEndpoints(receiver.getValue());
    }
    // Extensions and the prometheus exporter have listeners of their own: free ports for those too.
    Map<String, Object> extensions = child(root, "extensions");
    for (String id : List.copyOf(extensions.keySet())) {
      String type = id.split("/")[0];
      if (type.equals("file_storage")) continue;
      Map<String, Object> settings = child(extensions, id);
      (type.equals("remote_sampling") ? child(settings, "http") : settings).put("endpoint", FREE);
    }
    Map<String, Object> exporters = child(root, "exporters");
    for (String id : List.copyOf(exporters.keySet())) {
      if (id.split("/")[0].equals("prometheus")) child(exporters, id).put("endpoint", FREE);
    }
    Map<String, Object> service = child(root, "service");
    child(child(service, "telemetry"), "metrics").put("address", FREE);
    DumperOptions options = new DumperOptions();
    options.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
    Path file = Files.createTempFile(dir, "collector-", ".yaml");
    Files.writeString(file, new Yaml(options).dump(root));
    return file;
  }

  static Path onFreePorts(Path source, Path dir) throws IOException {
    return onFreePorts(Files.readString(source), dir);
  }

  static CollectorConfig load(Path file) {
    return new ConfigLoader(BuiltInComponents.all(), System::getenv).load(file);
  }

  @SuppressWarnings("unchecked")
  private static void freeEndpoints(Object receiver) {
    if (!(receiver instanceof Map<?, ?>)) return;
    Map<String, Object> settings = (Map<String, Object>) receiver;
    if (settings.get("protocols") instanceof Map<?, ?> protocols) {
      for (Map.Entry<String, Object> protocol : ((Map<String, Object>) protocols).entrySet()) {
        Map<String, Object> protocolSettings = protocol.getValue() instanceof Map<?, ?> m
            ? (Map<String, Object>) m : new LinkedHashMap<>();
        protocolSettings.put("endpoint", FREE);
        protocol.setValue(protocolSettings);
      }
    } else {
      settings.put("endpoint", FREE);
    }
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> child(Map<String, Object> parent, String key) {
    return (Map<String, Object>) parent.compute(key, (k, v) -> v instanceof Map<?, ?> ? v : new LinkedHashMap<>());
  }
}
