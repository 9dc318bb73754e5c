package dev.ariadne.collector.config;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.Node;

/**
 * Reads an OpenTelemetry Collector configuration file into a {@link CollectorConfig}: components typed
 * by their factories with the Collector's defaults, environment variables expanded, pipelines' references
 * checked, and any key no component reads reported with its path and line.
 */
public final class ConfigLoader {
  /** The built-in all-in-one configuration, a resource beside this class. */
  public static final String DEFAULT_CONFIG = "default-collector.yaml";

  private final Components components;
  private final EnvExpander env;

  /** @param environment looks an environment variable up, null when unset; {@code System::getenv} */
  public ConfigLoader(Components components, UnaryOperator<String> environment) {
    this.components = components;
    this.env = new EnvExpander(environment);
  }

  public CollectorConfig load(Path file) {
    try {
      return load(Files.readString(file));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    }
  }

  /** The built-in configuration: OTLP, Zipkin and Jaeger in, memory limiter and batch, Ariadne's store out. */
  public CollectorConfig loadDefault() {
    try (InputStream in = ConfigLoader.class.getResourceAsStream(DEFAULT_CONFIG)) {
      return load(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public CollectorConfig load(String yaml) {
    List<String> warnings = new ArrayList<>();
    ConfigNode root = ConfigNode.root(compose(yaml), new ConfigNode.Context(env, warnings));
    if (!root.isPresent()) throw root.error("the configuration is empty");
    if (root.has("connectors")) throw root.child("connectors").error("connectors are not supported");
    Map<ComponentKind, Map<ComponentId, Object>> sections = new EnumMap<>(ComponentKind.class);
    for (ComponentKind kind : ComponentKind.values()) sections.put(kind, section(root.child(kind.section()), kind));
    ServiceConfig service = service(root.child("service"), sections);
    root.rejectUnknownKeys();
    return new CollectorConfig(
        typed(sections.get(ComponentKind.RECEIVER), ReceiverConfig.class),
        typed(sections.get(ComponentKind.PROCESSOR), ProcessorConfig.class),
        typed(sections.get(ComponentKind.EXPORTER), ExporterConfig.class),
        typed(sections.get(ComponentKind.EXTENSION), ExtensionConfig.class),
        service,
        warnings);
  }

  private static Node compose(String yaml) {
    LoaderOptions options = new LoaderOptions();
    options.setAllowDuplicateKeys(true); // ConfigNode reports duplicates with their path
    try {
      return new Yaml(options).compose(new StringReader(yaml));
    } catch (MarkedYAMLException e) {
      throw new ConfigException("", e.getProblemMark().getLine() + 1, "invalid YAML: " + e.getProblem());
    } catch (YAMLException e) {
      throw new ConfigException("", 0, "invalid YAML: " + e.getMessage());
    }
  }

  private Map<ComponentId, Object> section(ConfigNode section, ComponentKind kind) {
    Map<ComponentId, Object> configs = new LinkedHashMap<>();
    if (!section.isPresent()) return configs;
    for (String key : section.keys()) {
      ConfigNode node = section.child(key);
      ComponentId id = componentId(node, key);
      ComponentFactory<?> factory = components.factory(kind, id.type()).orElseThrow(() -> node.error(
          "unknown " + kind.singular() + " type \"" + id.type() + "\""
              + Suggestions.closest(id.type(), components.types(kind)).map(t -> " (did you mean " + t + "?)").orElse("")
              + "; supported: " + String.join(", ", components.types(kind))));
      node.requireMapping();
      configs.put(id, factory.parse(node));
    }
    return configs;
  }

  private static ComponentId componentId(ConfigNode node, String key) {
    try {
      return ComponentId.parse(key);
    } catch (IllegalArgumentException e) {
      throw node.error(e.getMessage());
    }
  }

  private ServiceConfig service(ConfigNode node, Map<ComponentKind, Map<ComponentId, Object>> sections) {
    if (!node.isPresent()) throw node.error("must be set: it lists the pipelines to run");
    List<ComponentId> extensions = references(node, "extensions", sections.get(ComponentKind.EXTENSION), ComponentKind.EXTENSION);
    ConfigNode pipelinesNode = node.child("pipelines");
    if (!pipelinesNode.isPresent() || pipelinesNode.keys().isEmpty()) throw pipelinesNode.error("must hold at least one pipeline");
    Map<PipelineId, PipelineConfig> traces = new LinkedHashMap<>();
    List<PipelineId> ignored = new ArrayList<>();
    for (String key : pipelinesNode.keys()) {
      ConfigNode pipelineNode = pipelinesNode.child(key);
      PipelineId id;
      try {
        id = PipelineId.parse(key);
      } catch (IllegalArgumentException e) {
        throw pipelineNode.error(e.getMessage());
      }
      PipelineConfig pipeline = pipeline(pipelineNode, sections);
      if (id.signal() == PipelineId.Signal.TRACES) {
        traces.put(id, pipeline);
      } else {
        ignored.add(id);
        pipelineNode.warn("only traces pipelines run here; this pipeline is ignored");
      }
    }
    if (traces.isEmpty()) node.warn("no traces pipeline: nothing will be received");
    ConfigNode telemetry = node.child("telemetry");
    return new ServiceConfig(extensions, traces, ignored,
        telemetry.isPresent() ? TelemetryConfig.parse(telemetry) : TelemetryConfig.DEFAULT);
  }

  private static PipelineConfig pipeline(ConfigNode node, Map<ComponentKind, Map<ComponentId, Object>> sections) {
    if (!node.isPresent()) throw node.error("must list its receivers and exporters");
    List<ComponentId> receivers = references(node, "receivers", sections.get(ComponentKind.RECEIVER), ComponentKind.RECEIVER);
    List<ComponentId> processors = references(node, "processors", sections.get(ComponentKind.PROCESSOR), ComponentKind.PROCESSOR);
    List<ComponentId> exporters = references(node, "exporters", sections.get(ComponentKind.EXPORTER), ComponentKind.EXPORTER);
    if (receivers.isEmpty()) throw node.child("receivers").error("a pipeline needs at least one receiver");
    if (exporters.isEmpty()) throw node.child("exporters").error("a pipeline needs at least one exporter");
    return new PipelineConfig(receivers, processors, exporters);
  }

  /** The ids listed under {@code key}, each defined in its section and listed once. */
  private static List<ComponentId> references(
      ConfigNode node, String key, Map<ComponentId, Object> defined, ComponentKind kind) {
    List<ComponentId> ids = new ArrayList<>();
    Set<ComponentId> seen = new HashSet<>();
    for (ConfigNode item : node.list(key)) {
      ComponentId id = componentId(item, item.text());
      if (!defined.containsKey(id)) {
        throw item.error("references " + kind.singular() + " \"" + id + "\", which is not defined in " + kind.section());
      }
      if (!seen.add(id)) throw item.error(kind.singular() + " \"" + id + "\" is listed twice");
      ids.add(id);
    }
    return ids;
  }

  private static <T> Map<ComponentId, T> typed(Map<ComponentId, Object> configs, Class<T> type) {
    Map<ComponentId, T> typed = new LinkedHashMap<>();
    configs.forEach((id, config) -> typed.put(id, type.cast(config)));
    return typed;
  }
}
