package dev.ariadne.server;

import com.linecorp.armeria.common.HttpMethod;
import com.linecorp.armeria.server.Server;
import com.linecorp.armeria.server.ServerBuilder;
import com.linecorp.armeria.server.cors.CorsService;
import com.linecorp.armeria.server.cors.CorsServiceBuilder;
import com.linecorp.armeria.server.encoding.EncodingService;
import dev.ariadne.codec.jaeger.JaegerThriftDecoder;
import dev.ariadne.server.admin.AdminService;
import dev.ariadne.server.admin.StoreMetrics;
import dev.ariadne.server.api.jaeger.JaegerQueryApi;
import dev.ariadne.server.api.jaeger.JaegerV3Api;
import dev.ariadne.server.api.jaeger.TransformApi;
import dev.ariadne.server.api.jaeger.UiQueryApi;
import dev.ariadne.server.api.jaeger.grpc.JaegerQueryGrpc;
import dev.ariadne.server.api.ui.WebUi;
import dev.ariadne.server.api.zipkin.ZipkinQueryApi;
import dev.ariadne.server.api.tempo.TempoApi;
import dev.ariadne.server.receiver.ReceiverMetrics;
import dev.ariadne.server.receiver.SpanConsumer;
import dev.ariadne.server.receiver.jaeger.JaegerAgentUdpReceiver;
import dev.ariadne.server.receiver.jaeger.JaegerGrpcReceiver;
import dev.ariadne.server.receiver.jaeger.JaegerThriftHttpReceiver;
import dev.ariadne.server.receiver.otlp.OtlpGrpcReceiver;
import dev.ariadne.server.receiver.otlp.OtlpHttpReceiver;
import dev.ariadne.server.receiver.zipkin.ZipkinHttpReceiver;
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
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The all-in-one role: OTLP receivers on 4317 (gRPC) and 4318 (HTTP), the store, the Jaeger query API
 * on 16686 and the admin port 14269, each on its own listener, wired by plain constructors. The Tempo
 * query API listens on 3200.
 */
public final class AllInOne implements AutoCloseable {
  private final AllInOneConfig config;
  private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
  private final SpanStore store;
  private final AtomicBoolean ready = new AtomicBoolean();
  private final List<Server> servers = new ArrayList<>();
  private Server otlpGrpc;
  private Server otlpHttp;
  private Server query;
  private Server admin;
  private Server zipkin;
  private Server tempo;
  private Server jaegerThriftHttp;
  private Server jaegerGrpc;
  private JaegerAgentUdpReceiver jaegerAgentCompact;
  private JaegerAgentUdpReceiver jaegerAgentBinary;
  private Server queryGrpc;

  public AllInOne(AllInOneConfig config) {
    this.config = config;
    this.store = switch (config.storage()) {
      case MEMORY -> StoreMetrics.bind(new MemorySpanStore(config.memoryMaxTraces()), registry);
      case LOCAL -> StoreMetrics.bind(openLocalStore(config.local()), registry);
    };
    new JvmMemoryMetrics().bindTo(registry);
  }

  /** Binds every port and starts serving; returns once all listeners are up. */
  public AllInOne start() {
    SpanConsumer consumer = store::append;
    int limit = config.maxRequestBytes();

    ReceiverMetrics grpcMetrics = new ReceiverMetrics(registry, "otlp", "grpc");
    OtlpGrpcReceiver grpc = new OtlpGrpcReceiver(consumer, grpcMetrics);
    otlpGrpc = serve(newServer(config.otlpGrpcPort())
        // Leave room for gRPC framing; the gRPC layer enforces the message limit itself.
        .maxRequestLength(limit + 1024L)
        .service(grpc.service(limit))
        .decorator(grpcMetrics.tooLargeCounter()));

    ReceiverMetrics httpMetrics = new ReceiverMetrics(registry, "otlp", "http");
    OtlpHttpReceiver http = new OtlpHttpReceiver(consumer, httpMetrics, limit);
    ServerBuilder httpBuilder = newServer(config.otlpHttpPort()).decorator(httpMetrics.tooLargeCounter());
    var binding = httpBuilder.route().post(OtlpHttpReceiver.PATH).maxRequestLength(limit);
    if (config.corsAllowedOrigins().isEmpty()) {
      binding.build(http);
    } else {
      binding.build(http.decorate(cors(config.corsAllowedOrigins())));
      // Browsers send a preflight OPTIONS before the POST; the CORS decorator answers it.
      httpBuilder.route().options(OtlpHttpReceiver.PATH).build(http.decorate(cors(config.corsAllowedOrigins())));
    }
    otlpHttp = serve(httpBuilder);

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
    ServerBuilder zipkinBuilder = newServer(config.zipkinPort());
    new ZipkinHttpReceiver(consumer, new ReceiverMetrics(registry, "zipkin", "http"), limit).bind(zipkinBuilder);
    new ZipkinQueryApi(store, registry, config.zipkinAutocompleteKeys()).bind(zipkinBuilder);
    zipkin = serve(zipkinBuilder);

    // Tempo: TraceQL travels in the URL, so request lines may be long.
    ServerBuilder tempoBuilder = newServer(config.tempoPort()).http1MaxInitialLineLength(TempoApi.MAX_REQUEST_LINE_BYTES);
    new TempoApi(store, registry, ready::get).bind(tempoBuilder);
    tempoBuilder.decorator(EncodingService.newDecorator());
    tempo = serve(tempoBuilder);

    ServerBuilder adminBuilder = newServer(config.adminPort());
    new AdminService(registry, ready::get).bind(adminBuilder);
    admin = serve(adminBuilder);

    startJaegerIngest(consumer, limit);
    startJaegerQueryGrpc(limit);

    ready.set(true);
    return this;
  }

  /** Jaeger's collector ports (thrift over HTTP, gRPC) and its agent's UDP ports (compact, binary thrift). */
  private void startJaegerIngest(SpanConsumer consumer, int limit) {
    JaegerThriftHttpReceiver thriftHttp =
        new JaegerThriftHttpReceiver(consumer, new ReceiverMetrics(registry, "jaeger", "http"), limit);
    ServerBuilder thriftHttpBuilder = newServer(config.jaegerThriftHttpPort());
    thriftHttpBuilder.route().post(JaegerThriftHttpReceiver.PATH).maxRequestLength(limit).build(thriftHttp);
    jaegerThriftHttp = serve(thriftHttpBuilder);

    JaegerGrpcReceiver grpc = new JaegerGrpcReceiver(consumer, new ReceiverMetrics(registry, "jaeger", "grpc"));
    jaegerGrpc = serve(newServer(config.jaegerGrpcPort())
        .maxRequestLength(limit + 1024L)
        .service(grpc.service(limit)));

    jaegerAgentCompact = new JaegerAgentUdpReceiver(
        new InetSocketAddress(config.host(), config.jaegerAgentCompactPort()), JaegerThriftDecoder.Protocol.COMPACT,
        consumer, new ReceiverMetrics(registry, "jaeger", "udp_compact"), JaegerAgentUdpReceiver.DEFAULT_QUEUE_DATAGRAMS);
    jaegerAgentBinary = new JaegerAgentUdpReceiver(
        new InetSocketAddress(config.host(), config.jaegerAgentBinaryPort()), JaegerThriftDecoder.Protocol.BINARY,
        consumer, new ReceiverMetrics(registry, "jaeger", "udp_binary"), JaegerAgentUdpReceiver.DEFAULT_QUEUE_DATAGRAMS);
  }

  /** Jaeger's query gRPC port: api_v2 and api_v3 QueryService. */
  private void startJaegerQueryGrpc(int limit) {
    queryGrpc = serve(newServer(config.queryGrpcPort())
        .maxRequestLength(limit + 1024L)
        .service(JaegerQueryGrpc.service(store, limit)));
  }

  public int otlpGrpcPort() {
    return otlpGrpc.activeLocalPort();
  }

  public int otlpHttpPort() {
    return otlpHttp.activeLocalPort();
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
    return jaegerThriftHttp.activeLocalPort();
  }

  public int jaegerGrpcPort() {
    return jaegerGrpc.activeLocalPort();
  }

  public int jaegerAgentCompactPort() {
    return jaegerAgentCompact.port();
  }

  public int jaegerAgentBinaryPort() {
    return jaegerAgentBinary.port();
  }

  public int queryGrpcPort() {
    return queryGrpc.activeLocalPort();
  }

  /** Each listener's name and bound port, in the order the start-up banner lists them. */
  public java.util.SequencedMap<String, Integer> listeningPorts() {
    var ports = new java.util.LinkedHashMap<String, Integer>();
    ports.put("OTLP gRPC", otlpGrpcPort());
    ports.put("OTLP HTTP", otlpHttpPort());
    ports.put("Jaeger query", queryPort());
    ports.put("Jaeger query gRPC", queryGrpcPort());
    ports.put("admin", adminPort());
    ports.put("Zipkin", zipkinPort());
    ports.put("Tempo", tempoPort());
    ports.put("Jaeger thrift HTTP", jaegerThriftHttpPort());
    ports.put("Jaeger gRPC", jaegerGrpcPort());
    ports.put("Jaeger agent UDP compact", jaegerAgentCompactPort());
    ports.put("Jaeger agent UDP binary", jaegerAgentBinaryPort());
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

  /** Stops accepting, lets in-flight requests finish, then stops every listener. */
  @Override
  public void close() {
    ready.set(false);
    CompletableFuture.allOf(servers.stream().map(Server::stop).toArray(CompletableFuture[]::new)).join();
    // The UDP ports have no server to stop: close them here, letting queued datagrams reach the store.
    if (jaegerAgentCompact != null) jaegerAgentCompact.close();
    if (jaegerAgentBinary != null) jaegerAgentBinary.close();
    store.close();
  }

  private ServerBuilder newServer(int port) {
    // No quiet period: stop accepting at once, give requests in flight up to ten seconds to finish.
    return Server.builder()
        .http(new InetSocketAddress(config.host(), port))
        .gracefulShutdownTimeout(Duration.ZERO, Duration.ofSeconds(10));
  }

  private Server serve(ServerBuilder builder) {
    Server server = builder.build();
    servers.add(server);
    server.start().join();
    return server;
  }

  private static java.util.function.Function<? super com.linecorp.armeria.server.HttpService, CorsService>
      cors(List<String> origins) {
    CorsServiceBuilder cors = origins.contains("*")
        ? CorsService.builderForAnyOrigin()
        : CorsService.builder(origins);
    return cors.allowRequestMethods(HttpMethod.POST, HttpMethod.OPTIONS)
        .allowRequestHeaders("content-type", "content-encoding", "authorization")
        .newDecorator();
  }
}
