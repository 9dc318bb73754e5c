package dev.ariadne.server.exporter;

import dev.ariadne.collector.TracesConsumer;
import dev.ariadne.collector.config.ComponentId;
import dev.ariadne.collector.config.ExporterConfig;
import dev.ariadne.collector.config.exporter.AriadneExporterConfig;
import dev.ariadne.collector.config.exporter.DebugExporterConfig;
import dev.ariadne.collector.config.exporter.JaegerExporterConfig;
import dev.ariadne.collector.config.exporter.OtlpExporterConfig;
import dev.ariadne.collector.config.exporter.OtlpHttpExporterConfig;
import dev.ariadne.collector.pipeline.ExporterProvider;
import dev.ariadne.store.SpanStore;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.ArrayList;
import java.util.List;

/**
 * Makes the exporters pipelines end in, and closes them. {@code ariadne} needs the server's store: the
 * collector role has none, and says so.
 */
public final class Exporters implements ExporterProvider, AutoCloseable {
  private final MeterRegistry registry;
  private final SpanStore store;
  private final List<Exporter> made = new ArrayList<>();

  /** @param store the store the {@code ariadne} exporter appends to; null where there is none */
  public Exporters(MeterRegistry registry, SpanStore store) {
    this.registry = registry;
    this.store = store;
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
      case OtlpExporterConfig otlp ->
          new NetworkExporter(id.toString(), otlp.settings(), new OtlpGrpcSender(path, otlp), metrics, registry);
      case OtlpHttpExporterConfig otlpHttp ->
          new NetworkExporter(id.toString(), otlpHttp.settings(), new OtlpHttpSender(path, otlpHttp), metrics, registry);
      case JaegerExporterConfig jaeger ->
          new NetworkExporter(id.toString(), jaeger.settings(), new JaegerGrpcSender(path, jaeger), metrics, registry);
      default -> throw new IllegalArgumentException(path + ": exporter type " + id.type() + " cannot take spans");
    };
    made.add(exporter);
    return exporter;
  }

  /** Whether {@code config} keeps spans durably before it returns, so its callers must not acknowledge earlier. */
  public static boolean durable(ExporterConfig config) {
    return config instanceof AriadneExporterConfig;
  }

  /** Closes every exporter: queues drain (for a while), connections close. */
  @Override
  public void close() {
    made.forEach(Exporter::close);
  }
}
