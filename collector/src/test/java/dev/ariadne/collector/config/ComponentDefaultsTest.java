package dev.ariadne.collector.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ariadne.collector.config.exporter.DebugExporterConfig;
import dev.ariadne.collector.config.exporter.ExporterSettings;
import dev.ariadne.collector.config.exporter.OtlpExporterConfig;
import dev.ariadne.collector.config.exporter.OtlpHttpExporterConfig;
import dev.ariadne.collector.config.exporter.PrometheusExporterConfig;
import dev.ariadne.collector.config.exporter.QueueSettings;
import dev.ariadne.collector.config.exporter.RetrySettings;
import dev.ariadne.collector.config.extension.FileStorageConfig;
import dev.ariadne.collector.config.extension.HealthCheckConfig;
import dev.ariadne.collector.config.extension.ZPagesConfig;
import dev.ariadne.collector.config.receiver.CorsSettings;
import dev.ariadne.collector.config.receiver.GrpcServerSettings;
import dev.ariadne.collector.config.receiver.JaegerReceiverConfig;
import dev.ariadne.collector.config.receiver.UdpServerSettings;
import dev.ariadne.collector.config.receiver.ZipkinReceiverConfig;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Each component's defaults, as the Collector documents them, and the checks on its keys. */
class ComponentDefaultsTest {

  /** Loads {@code section} (YAML holding receivers/exporters/extensions) with a minimal pipeline around it. */
  private static CollectorConfig load(String sections) {
    return Yaml.load(sections + """
        service:
          pipelines:
            traces:
              receivers: [otlp]
              exporters: [debug]
        """);
  }

  private static final String PIPELINE_PARTS = """
      receivers:
        otlp:
          protocols: {grpc: }
      exporters:
        debug:
      """;

  @Test
  void receiversDefaults() {
    CollectorConfig config = load("""
        receivers:
          otlp:
            protocols:
              grpc:
              http:
                cors:
                  allowed_origins: ["https://*.example.com"]
          zipkin:
          jaeger:
            protocols:
              grpc:
              thrift_http:
              thrift_compact:
              thrift_binary:
                workers: 2
        exporters:
          debug:
        """);
    var otlp = (dev.ariadne.collector.config.receiver.OtlpReceiverConfig) config.receivers().get(ComponentId.parse("otlp"));
    assertEquals(new GrpcServerSettings("0.0.0.0:4317", "tcp", 4, 0, 512 * 1024, 0, false, null), otlp.grpc().orElseThrow());
    assertEquals("0.0.0.0:4318", otlp.http().orElseThrow().endpoint());
    assertEquals(new CorsSettings(List.of("https://*.example.com"), List.of(), 0), otlp.http().orElseThrow().cors());
    assertEquals(20L * 1024 * 1024, otlp.http().orElseThrow().maxRequestBodySize());
    assertEquals("/v1/traces", otlp.tracesUrlPath());
    var zipkin = (ZipkinReceiverConfig) config.receivers().get(ComponentId.parse("zipkin"));
    assertEquals("0.0.0.0:9411", zipkin.http().endpoint());
    var jaeger = (JaegerReceiverConfig) config.receivers().get(ComponentId.parse("jaeger"));
    assertEquals("0.0.0.0:14250", jaeger.grpc().orElseThrow().endpoint());
    assertEquals("0.0.0.0:14268", jaeger.thriftHttp().orElseThrow().endpoint());
    assertEquals(new UdpServerSettings("0.0.0.0:6831", 1000, 65_000, 10, 0), jaeger.thriftCompact().orElseThrow());
    assertEquals(new UdpServerSettings("0.0.0.0:6832", 1000, 65_000, 2, 0), jaeger.thriftBinary().orElseThrow());
  }

  @Test
  void aReceiverWithoutProtocolsIsAnError() {
    ConfigException e = assertThrows(ConfigException.class, () -> load(PIPELINE_PARTS.replace("protocols: {grpc: }", "protocols: {}")));
    assertEquals("receivers.otlp.protocols", e.path());
    ConfigException misspelt = assertThrows(ConfigException.class,
        () -> load(PIPELINE_PARTS.replace("protocols: {grpc: }", "protocols: {grpc: , htp: }")));
    assertEquals("receivers.otlp.protocols.htp: unknown key (did you mean http?) (line 3)", misspelt.getMessage());
  }

  @Test
  void exporterCommonSettingsDefaults() {
    CollectorConfig config = load(PIPELINE_PARTS + "  otlp:\n    endpoint: tempo:4317\n  otlphttp:\n    endpoint: https://tempo:4318/\n");
    ExporterSettings settings = ((OtlpExporterConfig) config.exporters().get(ComponentId.parse("otlp"))).settings();
    assertEquals(Duration.ofSeconds(5), settings.timeout());
    assertEquals(new RetrySettings(true, Duration.ofSeconds(5), 0.5, 1.5, Duration.ofSeconds(30), Duration.ofMinutes(5)), settings.retryOnFailure());
    assertEquals(new QueueSettings(true, 10, 1000, Optional.empty()), settings.sendingQueue());
    assertEquals(TlsSettings.DEFAULT, settings.tls());
    assertEquals("gzip", settings.compression());
    OtlpHttpExporterConfig http = (OtlpHttpExporterConfig) config.exporters().get(ComponentId.parse("otlphttp"));
    assertEquals(Duration.ofSeconds(30), http.settings().timeout());
    assertEquals("https://tempo:4318/v1/traces", http.tracesUrl());
  }

  @Test
  void exporterCommonSettingsAreRead() {
    CollectorConfig config = load(PIPELINE_PARTS + """
          otlp:
            timeout: 10s
            endpoint: tempo:4317
            compression: zstd
            headers:
              x-scope-orgid: tenant-1
            retry_on_failure:
              enabled: false
              initial_interval: 100ms
              max_interval: 1m
              max_elapsed_time: 0s
            sending_queue:
              num_consumers: 2
              queue_size: 50
            tls:
              ca_file: /etc/ca.pem
              insecure_skip_verify: true
        """);
    ExporterSettings settings = ((OtlpExporterConfig) config.exporters().get(ComponentId.parse("otlp"))).settings();
    assertEquals(Duration.ofSeconds(10), settings.timeout());
    assertEquals("zstd", settings.compression());
    assertEquals(Map.of("x-scope-orgid", "tenant-1"), settings.headers());
    assertEquals(new RetrySettings(false, Duration.ofMillis(100), 0.5, 1.5, Duration.ofMinutes(1), Duration.ZERO), settings.retryOnFailure());
    assertEquals(new QueueSettings(true, 2, 50, Optional.empty()), settings.sendingQueue());
    assertEquals("/etc/ca.pem", settings.tls().caFile());
    assertTrue(settings.tls().insecureSkipVerify());
  }

  @Test
  void exporterWithoutItsEndpointIsAnError() {
    ConfigException e = assertThrows(ConfigException.class, () -> load(PIPELINE_PARTS + "  otlp:\n    tls: {insecure: true}\n"));
    assertEquals("exporters.otlp.endpoint: must be set (line 6)", e.getMessage());
    ConfigException compression = assertThrows(ConfigException.class,
        () -> load(PIPELINE_PARTS + "  otlp:\n    endpoint: x:1\n    compression: brotli\n"));
    assertEquals("exporters.otlp.compression", compression.path());
  }

  @Test
  void debugPrometheusAndExtensionsDefaults() {
    CollectorConfig config = load(PIPELINE_PARTS + """
          prometheus:
            endpoint: 0.0.0.0:8889
        extensions:
          health_check:
          zpages:
          file_storage:
          file_storage/queues:
            directory: /srv/queues
            fsync: true
        """);
    assertEquals(new DebugExporterConfig("basic", 2, 1), config.exporters().get(ComponentId.parse("debug")));
    var prometheus = (PrometheusExporterConfig) config.exporters().get(ComponentId.parse("prometheus"));
    assertEquals(Duration.ofMinutes(5), prometheus.metricExpiration());
    assertEquals(new HealthCheckConfig("0.0.0.0:13133", "/"), config.extensions().get(ComponentId.parse("health_check")));
    assertEquals(new ZPagesConfig("0.0.0.0:55679"), config.extensions().get(ComponentId.parse("zpages")));
    assertEquals(new FileStorageConfig("/var/lib/otelcol/file_storage", false, false, Duration.ofSeconds(1)),
        config.extensions().get(ComponentId.parse("file_storage")));
    assertEquals(new FileStorageConfig("/srv/queues", false, true, Duration.ofSeconds(1)),
        config.extensions().get(ComponentId.parse("file_storage/queues")));
  }

  @Test
  void aComponentWrittenAsAPlainValueIsAnError() {
    ConfigException e = assertThrows(ConfigException.class, () -> load(PIPELINE_PARTS + "  ariadne: store\n"));
    assertEquals("exporters.ariadne: expected a mapping of keys to values (line 6)", e.getMessage());
  }

  @Test
  void theAriadneExporterTakesNoKeys() {
    ConfigException e = assertThrows(ConfigException.class, () -> load(PIPELINE_PARTS + "  ariadne:\n    endpoint: x\n"));
    assertEquals("exporters.ariadne.endpoint: unknown key (this section takes no keys) (line 7)", e.getMessage());
  }
}
