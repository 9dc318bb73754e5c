package dev.ariadne.server;

import com.linecorp.armeria.server.Server;
import com.linecorp.armeria.server.ServerBuilder;
import dev.ariadne.collector.config.CollectorConfig;
import dev.ariadne.server.extension.Extensions;
import dev.ariadne.server.pipeline.PipelineHost;
import dev.ariadne.server.pipeline.ReceiverEndpoints;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.SequencedMap;
import java.util.concurrent.CompletableFuture;

/**
 * The collector role: a configuration's receivers → processors → exporters and its own metrics, as an
 * OTel Collector runs them; no store and no query APIs, so the {@code ariadne} exporter is refused.
 */
public final class CollectorRole implements AutoCloseable {
  private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
  private final List<Server> servers = new ArrayList<>();
  private final PipelineHost pipelines;
  private Server ownMetrics;
  private Extensions extensions;

  public CollectorRole(CollectorConfig config) {
    new JvmMemoryMetrics().bindTo(registry);
    this.pipelines = new PipelineHost(config, ReceiverEndpoints.asConfigured(), registry, null, CollectorRole::newServer);
    try {
      extensions = Extensions.startFor(config, pipelines.receivers());
      pipelines.receivers().start(this::serve);
      ownMetrics = OwnMetrics.serve(config, registry, CollectorRole::newServer, this::serve).orElse(null);
      extensions.ready();
    } catch (RuntimeException e) {
      close(); // a port already taken, say: release what did start
      throw e;
    }
  }

  /** Each listener's name and bound port, for the start-up banner. */
  public SequencedMap<String, Integer> listeningPorts() {
    SequencedMap<String, Integer> ports = new LinkedHashMap<>(pipelines.receivers().ports());
    if (ownMetrics != null) ports.put("metrics", ownMetrics.activeLocalPort());
    ports.putAll(pipelines.exporterPorts());
    if (extensions != null) ports.putAll(extensions.ports());
    return ports;
  }

  /** Stops the listeners, then lets the pipelines pass on what they hold and the exporters drain. */
  @Override
  public void close() {
    if (extensions != null) extensions.notReady();
    CompletableFuture.allOf(servers.stream().map(Server::stop).toArray(CompletableFuture[]::new)).join();
    pipelines.close();
    if (extensions != null) extensions.close();
  }

  private static ServerBuilder newServer(InetSocketAddress address) {
    return Server.builder().http(address).gracefulShutdownTimeout(Duration.ZERO, Duration.ofSeconds(10));
  }

  private Server serve(ServerBuilder builder) {
    Server server = builder.build();
    servers.add(server);
    server.start().join();
    return server;
  }
}
