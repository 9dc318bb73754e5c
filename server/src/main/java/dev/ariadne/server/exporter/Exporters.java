package dev.ariadne.server.exporter;

import dev.ariadne.collector.TracesConsumer;
import dev.ariadne.collector.config.ComponentId;
import dev.ariadne.collector.config.ExporterConfig;
import dev.ariadne.collector.config.ExtensionConfig;
import dev.ariadne.collector.config.exporter.ExporterSettings;
import dev.ariadne.collector.config.exporter.QueueSettings;
import dev.ariadne.collector.config.extension.FileStorageConfig;
import dev.ariadne.collector.config.exporter.AriadneExporterConfig;
import dev.ariadne.collector.config.exporter.DebugExporterConfig;
import dev.ariadne.collector.config.exporter.JaegerExporterConfig;
import dev.ariadne.collector.config.exporter.OtlpExporterConfig;
import dev.ariadne.collector.config.exporter.OtlpHttpExporterConfig;
import dev.ariadne.collector.config.exporter.PrometheusExporterConfig;
import dev.ariadne.collector.pipeline.ExporterProvider;
import dev.ariadne.model.Span;
import dev.ariadne.server.spanmetrics.SpanMetricsExporter;
import dev.ariadne.store.SpanStore;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SequencedMap;

/**
 * Makes the exporters pipelines end in, and closes them. {@code ariadne} needs the server's store: the
 * collector role has none, and says so.
 */
public final class Exporters implements ExporterProvider, AutoCloseable {
  private final MeterRegistry registry;
  private final SpanStore store;
  private final Map<ComponentId, ExtensionConfig> extensions;
  private final List<Exporter> made = new ArrayList<>();
  private final SequencedMap<String, Integer> ports = new LinkedHashMap<>();

  /**
   * @param store the store the {@code ariadne} exporter appends to; null where there is none
   * @param extensions the configuration's extensions, where sending queues find their storage
   */
  public Exporters(MeterRegistry registry, SpanStore store, Map<ComponentId, ExtensionConfig> extensions) {
    this.registry = registry;
    this.store = store;
    this.extensions = extensions;
  }

  @Override
  public TracesConsumer exporter(ComponentId id, ExporterConfig config) {
    String path = "exporters." + id;
    ExporterMetrics metrics = new ExporterMetrics(registry, id.toString());
    Exporter exporter = switch (config) {
      case AriadneExporterConfig ariadne -> {
        if (store == null) {
          throw new IllegalArgumentException(path + ": the collector role has no store; "
              + "run 'ariadne all-in-one --config FILE' to keep spans in Ariadne");
        }
        yield new StoreExporter(store, metrics);
      }
      case DebugExporterConfig debug -> new DebugExporter(id.toString(), debug, metrics);
      case OtlpExporterConfig otlp -> network(id, otlp.settings(), new OtlpGrpcSender(path, otlp), metrics);
      case OtlpHttpExporterConfig otlpHttp -> network(id, otlpHttp.settings(), new OtlpHttpSender(path, otlpHttp), metrics);
      case JaegerExporterConfig jaeger -> network(id, jaeger.settings(), new JaegerGrpcSender(path, jaeger), metrics);
      case PrometheusExporterConfig prometheus -> {
        SpanMetricsExporter spanMetrics = new SpanMetricsExporter(prometheus).start();
        ports.put(id.toString(), spanMetrics.port());
        yield spanMetrics(spanMetrics, metrics);
      }
      default -> throw new IllegalArgumentException(path + ": exporter type " + id.type() + " cannot take spans");
    };
    made.add(exporter);
    return exporter;
  }

  /** RED metrics of the spans, served on the exporter's own endpoint for scraping. */
  private static Exporter spanMetrics(SpanMetricsExporter spanMetrics, ExporterMetrics metrics) {
    return new Exporter() {
      @Override
      public void consume(List<Span> spans) {
        spanMetrics.consume(spans);
        metrics.sent(spans.size());
      }

      @Override
      public void close() {
        spanMetrics.close();
      }
    };
  }

  private NetworkExporter network(ComponentId id, ExporterSettings settings, Sender sender, ExporterMetrics metrics) {
    return new NetworkExporter(id.toString(), settings, sender, queue(id, settings.sendingQueue()), metrics, registry);
  }

  /** The exporter's sending queue: none, in memory, or, with a {@code file_storage} extension, on disk. */
  private SendingQueue queue(ComponentId id, QueueSettings settings) {
    if (!settings.enabled()) return null;
    if (settings.storage().isEmpty()) return new MemoryQueue(settings.queueSize());
    ComponentId storage = settings.storage().get();
    if (!(extensions.get(storage) instanceof FileStorageConfig files)) {
      throw new IllegalArgumentException("exporters." + id + ".sending_queue.storage: " + storage
          + " is not a file_storage extension defined under extensions");
    }
    Path directory = Path.of(files.directory());
    if (!files.createDirectory() && !Files.isDirectory(directory)) {
      throw new IllegalArgumentException("extensions." + storage + ".directory: " + directory
          + " does not exist; create it or set create_directory: true");
    }
    // One directory per exporter, named as the Collector names its queue's storage client.
    return new FileQueue(directory.resolve("exporter_" + id.toString().replace('/', '_') + "_traces"),
        settings.queueSize(), files.fsync());
  }

  /** Whether {@code config} keeps spans durably before it returns, so its callers must not acknowledge earlier. */
  public static boolean durable(ExporterConfig config) {
    return config instanceof AriadneExporterConfig;
  }

  /** The exporters that listen (prometheus), by id, with their bound ports. */
  public SequencedMap<String, Integer> ports() {
    return ports;
  }

  /** Closes every exporter: queues drain (for a while), connections close. */
  @Override
  public void close() {
    made.forEach(Exporter::close);
  }
}
