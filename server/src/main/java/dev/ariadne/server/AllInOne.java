package dev.ariadne.server;

import com.linecorp.armeria.server.Server;
import com.linecorp.armeria.server.ServerBuilder;
import com.linecorp.armeria.server.encoding.EncodingService;
import dev.ariadne.collector.config.CollectorConfig;
import dev.ariadne.collector.config.ConfigLoader;
import dev.ariadne.collector.pipeline.BuiltInComponents;
import dev.ariadne.server.admin.AdminService;
import dev.ariadne.server.admin.MetricsService;
import dev.ariadne.server.admin.StoreMetrics;
import dev.ariadne.server.api.jaeger.JaegerQueryApi;
import dev.ariadne.server.api.jaeger.JaegerV3Api;
import dev.ariadne.server.api.jaeger.TransformApi;
import dev.ariadne.server.api.jaeger.UiQueryApi;
import dev.ariadne.server.api.jaeger.grpc.JaegerQueryGrpc;
import dev.ariadne.server.api.ui.WebUi;
import dev.ariadne.server.api.zipkin.ZipkinQueryApi;
import dev.ariadne.server.api.tempo.TempoApi;
import dev.ariadne.server.extension.Extensions;
import dev.ariadne.server.pipeline.PipelineHost;
import dev.ariadne.server.pipeline.ReceiverEndpoints;
import dev.ariadne.store.SpanStore;
import dev.ariadne.store.local.LocalSpanStore;
import dev.ariadne.store.local.LocalStoreConfig;
import dev.ariadne.store.memory.MemorySpanStore;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.SequencedMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The all-in-one role: the receivers and trace pipelines of a Collector configuration (the built-in one
 * unless a file is given), the store, the Jaeger query API on 16686 and the admin port 14269, each on its
 * own listener, wired by plain constructors. The Tempo query API listens on 3200, the Zipkin query API
 * on the Zipkin receiver's port (or --zipkin-port when no Zipkin receiver runs).
 */
public final class AllInOne implements AutoCloseable {
  private final AllInOneConfig config;
  private final CollectorConfig collector;
  private final ReceiverEndpoints endpoints;
  private final boolean fromFile;
  private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
  private final SpanStore store;
  private final AtomicBoolean ready = new AtomicBoolean();
  private final List<Server> servers = new ArrayList<>();
  private PipelineHost pipelines;
  private Server query;
  private Server admin;
  private Server zipkin;
  private Server tempo;
  private Server queryGrpc;
  private Server ownMetrics;
  private Extensions extensions;

  /** Runs the built-in pipelines, whose receivers listen where the flags say. */
  public AllInOne(AllInOneConfig config) {
    this(config, new ConfigLoader(BuiltInComponents.all(), System::getenv).loadDefault(), config.receiverEndpoints(), false);
  }

  /**
   * Runs the pipelines of a configuration file: its receivers listen where the file says, and the
   * process's own metrics are also served at its {@code service.telemetry.metrics.address}.
   */
  public AllInOne(AllInOneConfig config, CollectorConfig collector) {
    this(config, collector, ReceiverEndpoints.asConfigured(), true);
  }

  private AllInOne(AllInOneConfig config, CollectorConfig collector, ReceiverEndpoints endpoints, boolean fromFile) {
    this.config = config;
    this.collector = collector;
    this.endpoints = endpoints;
    this.fromFile = fromFile;
    this.store = switch (config.storage()) {
      case MEMORY -> StoreMetrics.bind(new MemorySpanStore(config.memoryMaxTraces()), registry);
      case LOCAL -> StoreMetrics.bind(openLocalStore(config.local()), registry);
    };
    new JvmMemoryMetrics().bindTo(registry);
  }

  /** Binds every port and starts serving; returns once all listeners are up. */
  public AllInOne start() {
    int limit = config.maxRequestBytes();
    try {
      pipelines = new PipelineHost(collector, endpoints, registry, store, this::newServer);
      // A configuration file's extensions run; without one the admin port answers health and metrics,
      // as before, and 13133/55679/1777/5778 stay free for a Collector beside Ariadne.
      if (fromFile) extensions = Extensions.startFor(collector, pipelines.receivers());
    } catch (RuntimeException e) {
      if (extensions != null) extensions.close();
      if (pipelines != null) pipelines.close();
      store.close();
      throw e;
    }

    ServerBuilder queryBuilder = newServer(config.queryPort());
    new JaegerQueryApi(store, registry).bind(queryBuilder);
    new JaegerV3Api(store, registry).bind(queryBuilder);
    new TransformApi(registry, limit).bind(queryBuilder);
    new UiQueryApi(store, registry).bind(queryBuilder);
    new WebUi().bind(queryBuilder);
    // Traces are large JSON: a 10,000-span trace is 7.5 MB before gzip. Answers are compressed for
    // clients that accept it (browsers, Grafana); the UI's assets come compressed already and pass as they are.
    queryBuilder.decorator(EncodingService.newDecorator());
    query = serve(queryBuilder);

    // Zipkin's port serves both its span intake and its query API, as Zipkin does.
    ServerBuilder zipkinBuilder = pipelines.receivers().pending("Zipkin").orElseGet(() -> newServer(config.zipkinPort()));
    new ZipkinQueryApi(store, registry, config.zipkinAutocompleteKeys()).bind(zipkinBuilder);
    pipelines.receivers().start(this::serve);
    zipkin = pipelines.receivers().server("Zipkin").orElseGet(() -> serve(zipkinBuilder));

    // Tempo: TraceQL travels in the URL, so request lines may be long.
    ServerBuilder tempoBuilder = newServer(config.tempoPort()).http1MaxInitialLineLength(TempoApi.MAX_REQUEST_LINE_BYTES);
    new TempoApi(store, registry, ready::get).bind(tempoBuilder);
    tempoBuilder.decorator(EncodingService.newDecorator());
    tempo = serve(tempoBuilder);

    ServerBuilder adminBuilder = newServer(config.adminPort());
    new AdminService(registry, ready::get).bind(adminBuilder);
    admin = serve(adminBuilder);

    // Without a file the admin port's /metrics is the one place: 8888 is where a co-located OTel Collector serves its own.
    if (fromFile) ownMetrics = OwnMetrics.serve(collector, registry, this::newServer, this::serve).orElse(null);
    startJaegerQueryGrpc(limit);

    ready.set(true);
    if (extensions != null) extensions.ready();
    return this;
  }

  /** Jaeger's query gRPC port: api_v2 and api_v3 QueryService. */
  private void startJaegerQueryGrpc(int limit) {
    queryGrpc = serve(newServer(config.queryGrpcPort())
        .maxRequestLength(limit + 1024L)
        .service(JaegerQueryGrpc.service(store, limit)));
  }

  public int otlpGrpcPort() {
    return receiverPort("OTLP gRPC");
  }

  public int otlpHttpPort() {
    return receiverPort("OTLP HTTP");
  }

  public int queryPort() {
    return query.activeLocalPort();
  }

  public int adminPort() {
    return admin.activeLocalPort();
  }

  public int zipkinPort() {
    return zipkin.activeLocalPort();
  }

  public int tempoPort() {
    return tempo.activeLocalPort();
  }

  public int jaegerThriftHttpPort() {
    return receiverPort("Jaeger thrift HTTP");
  }

  public int jaegerGrpcPort() {
    return receiverPort("Jaeger gRPC");
  }

  public int jaegerAgentCompactPort() {
    return receiverPort("Jaeger agent UDP compact");
  }

  public int jaegerAgentBinaryPort() {
    return receiverPort("Jaeger agent UDP binary");
  }

  public int queryGrpcPort() {
    return queryGrpc.activeLocalPort();
  }

  /** The port of a receiver's listener, by its banner name ("OTLP gRPC", "OTLP gRPC (otlp/2)"). */
  public int receiverPort(String listener) {
    Integer port = pipelines.receivers().ports().get(listener);
    if (port == null) throw new IllegalStateException("no receiver listener " + listener + " runs");
    return port;
  }

  /** Each listener's name and bound port, in the order the start-up banner lists them. */
  public SequencedMap<String, Integer> listeningPorts() {
    var ports = new java.util.LinkedHashMap<String, Integer>();
    ports.putAll(pipelines.receivers().ports());
    ports.put("Jaeger query", queryPort());
    ports.put("Jaeger query gRPC", queryGrpcPort());
    ports.put("admin", adminPort());
    ports.put("Zipkin", zipkinPort());
    ports.put("Tempo", tempoPort());
    if (ownMetrics != null) ports.put("metrics", ownMetrics.activeLocalPort());
    ports.putAll(pipelines.exporterPorts());
    if (extensions != null) ports.putAll(extensions.ports());
    return ports;
  }

  public SpanStore store() {
    return store;
  }

  private static LocalSpanStore openLocalStore(LocalStoreConfig local) {
    try {
      return LocalSpanStore.open(local);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot open the local store in " + local.dataDir() + ": " + e.getMessage(), e);
    }
  }

  /**
   * Stops accepting, lets in-flight requests finish, then stops every listener; then the pipelines pass
   * on what they hold and the exporters drain, and the store closes last.
   */
  @Override
  public void close() {
    ready.set(false);
    if (extensions != null) extensions.notReady();
    CompletableFuture.allOf(servers.stream().map(Server::stop).toArray(CompletableFuture[]::new)).join();
    if (pipelines != null) pipelines.close();
    if (extensions != null) extensions.close();
    store.close();
  }



  private ServerBuilder newServer(int port) {
    return newServer(new InetSocketAddress(config.host(), port));
  }

  private ServerBuilder newServer(InetSocketAddress address) {
    // No quiet period: stop accepting at once, give requests in flight up to ten seconds to finish.
    return Server.builder()
        .http(address)
        .gracefulShutdownTimeout(Duration.ZERO, Duration.ofSeconds(10));
  }

  private Server serve(ServerBuilder builder) {
    Server server = builder.build();
    servers.add(server);
    server.start().join();
    return server;
  }

}
