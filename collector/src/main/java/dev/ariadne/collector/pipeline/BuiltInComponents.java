package dev.ariadne.collector.pipeline;

import dev.ariadne.collector.config.Components;
import dev.ariadne.collector.config.exporter.AriadneExporterConfig;
import dev.ariadne.collector.config.exporter.DebugExporterConfig;
import dev.ariadne.collector.config.exporter.JaegerExporterConfig;
import dev.ariadne.collector.config.exporter.OtlpExporterConfig;
import dev.ariadne.collector.config.exporter.OtlpHttpExporterConfig;
import dev.ariadne.collector.config.exporter.PrometheusExporterConfig;
import dev.ariadne.collector.config.extension.FileStorageConfig;
import dev.ariadne.collector.config.extension.HealthCheckConfig;
import dev.ariadne.collector.config.extension.PprofConfig;
import dev.ariadne.collector.config.extension.RemoteSamplingConfig;
import dev.ariadne.collector.config.extension.ZPagesConfig;
import dev.ariadne.collector.config.receiver.JaegerReceiverConfig;
import dev.ariadne.collector.config.receiver.OtlpReceiverConfig;
import dev.ariadne.collector.config.receiver.ZipkinReceiverConfig;
import dev.ariadne.collector.processor.attributes.AttributesConfig;
import dev.ariadne.collector.processor.attributes.ResourceConfig;
import dev.ariadne.collector.processor.batch.BatchConfig;
import dev.ariadne.collector.processor.filter.FilterConfig;
import dev.ariadne.collector.processor.memorylimiter.MemoryLimiterConfig;
import dev.ariadne.collector.processor.sampling.ProbabilisticSamplerConfig;
import dev.ariadne.collector.processor.tailsampling.TailSamplingConfig;

/** Every component type Ariadne's collector knows. */
public final class BuiltInComponents {
  private BuiltInComponents() {}

  public static Components all() {
    return Components.builder()
        .receiver(OtlpReceiverConfig.FACTORY)
        .receiver(ZipkinReceiverConfig.FACTORY)
        .receiver(JaegerReceiverConfig.FACTORY)
        .processor(MemoryLimiterConfig.FACTORY)
        .processor(BatchConfig.FACTORY)
        .processor(ResourceConfig.FACTORY)
        .processor(AttributesConfig.FACTORY)
        .processor(ProbabilisticSamplerConfig.FACTORY)
        .processor(FilterConfig.FACTORY)
        .processor(TailSamplingConfig.FACTORY)
        .exporter(AriadneExporterConfig.FACTORY)
        .exporter(OtlpExporterConfig.FACTORY)
        .exporter(OtlpHttpExporterConfig.FACTORY)
        .exporter(DebugExporterConfig.FACTORY)
        .exporter(DebugExporterConfig.LOGGING_FACTORY)
        .exporter(JaegerExporterConfig.FACTORY)
        .exporter(PrometheusExporterConfig.FACTORY)
        .extension(HealthCheckConfig.FACTORY)
        .extension(ZPagesConfig.FACTORY)
        .extension(PprofConfig.FACTORY)
        .extension(FileStorageConfig.FACTORY)
        .extension(RemoteSamplingConfig.FACTORY)
        .build();
  }
}
