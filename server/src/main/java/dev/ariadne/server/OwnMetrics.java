package dev.ariadne.server;

import com.linecorp.armeria.server.Server;
import com.linecorp.armeria.server.ServerBuilder;
import dev.ariadne.collector.config.CollectorConfig;
import dev.ariadne.collector.config.TelemetryConfig;
import dev.ariadne.server.admin.MetricsService;
import dev.ariadne.server.pipeline.ListenAddress;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.net.InetSocketAddress;
import java.util.Optional;
import java.util.function.Function;

/**
 * The process's own metrics where a configuration's {@code service.telemetry.metrics.address} says
 * (0.0.0.0:8888 by default, as the Collector), as Prometheus text on /metrics; none at level {@code none}.
 */
final class OwnMetrics {
  private OwnMetrics() {}

  static Optional<Server> serve(CollectorConfig config, PrometheusMeterRegistry registry,
      Function<InetSocketAddress, ServerBuilder> newServer, Function<ServerBuilder, Server> serve) {
    TelemetryConfig telemetry = config.service().telemetry();
    if (telemetry.metricsLevel().equals("none")) return Optional.empty();
    InetSocketAddress address;
    try {
      address = ListenAddress.parse(telemetry.metricsAddress());
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("service.telemetry.metrics.address: " + e.getMessage(), e);
    }
    ServerBuilder builder = newServer.apply(address);
    MetricsService.bind(builder, registry);
    return Optional.of(serve.apply(builder));
  }
}
