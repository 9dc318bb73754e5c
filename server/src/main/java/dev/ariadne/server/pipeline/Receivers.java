package dev.ariadne.server.pipeline;

import com.linecorp.armeria.common.HttpMethod;
import com.linecorp.armeria.server.HttpService;
import com.linecorp.armeria.server.Server;
import com.linecorp.armeria.server.ServerBuilder;
import com.linecorp.armeria.server.cors.CorsService;
import com.linecorp.armeria.server.cors.CorsServiceBuilder;
import dev.ariadne.codec.jaeger.JaegerThriftDecoder;
import dev.ariadne.collector.config.CollectorConfig;
import dev.ariadne.collector.config.ComponentId;
import dev.ariadne.collector.config.ReceiverConfig;
import dev.ariadne.collector.config.TlsSettings;
import dev.ariadne.collector.config.receiver.CorsSettings;
import dev.ariadne.collector.config.receiver.GrpcServerSettings;
import dev.ariadne.collector.config.receiver.HttpServerSettings;
import dev.ariadne.collector.config.receiver.JaegerReceiverConfig;
import dev.ariadne.collector.config.receiver.OtlpReceiverConfig;
import dev.ariadne.collector.config.receiver.UdpServerSettings;
import dev.ariadne.collector.config.receiver.ZipkinReceiverConfig;
import dev.ariadne.collector.pipeline.Pipelines;
import dev.ariadne.model.Span;
import dev.ariadne.server.pipeline.ReceiverEndpoints.Listen;
import dev.ariadne.server.receiver.ReceiverMetrics;
import dev.ariadne.server.receiver.SpanConsumer;
import dev.ariadne.server.receiver.jaeger.JaegerAgentUdpReceiver;
import dev.ariadne.server.receiver.jaeger.JaegerGrpcReceiver;
import dev.ariadne.server.receiver.jaeger.JaegerThriftHttpReceiver;
import dev.ariadne.server.receiver.otlp.OtlpGrpcReceiver;
import dev.ariadne.server.receiver.otlp.OtlpHttpReceiver;
import dev.ariadne.server.receiver.zipkin.ZipkinHttpReceiver;
import io.micrometer.core.instrument.MeterRegistry;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Optional;
import java.util.SequencedMap;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The listeners of every receiver that feeds a traces pipeline (a receiver in no pipeline is not
 * started, as in the Collector), each handing its decoded batches to {@code Pipelines.consumerFor} of
 * its id. HTTP and gRPC listeners are prepared first and started by {@link #start}, so the server can add
 * routes to one of them (the Zipkin query API shares the Zipkin receiver's port); UDP ports open then too.
 */
public final class Receivers implements AutoCloseable {
  /** Makes a server builder listening on an address, with the server's shutdown policy. */
  @FunctionalInterface
  public interface ServerFactory {
    ServerBuilder listenOn(InetSocketAddress address);
  }

  private static final int MIB = 1024 * 1024;

  private final Pipelines pipelines;
  private final ReceiverEndpoints endpoints;
  private final MeterRegistry registry;
  private final ServerFactory servers;
  private final SequencedMap<String, ServerBuilder> pending = new LinkedHashMap<>();
  private final SequencedMap<String, Server> started = new LinkedHashMap<>();
  private final List<Runnable> udpStarts = new ArrayList<>();
  private final SequencedMap<String, JaegerAgentUdpReceiver> udp = new LinkedHashMap<>();
  /** Sees every received batch before the pipelines do (zpages, adaptive sampling); none by default. */
  private volatile Consumer<List<Span>> observer;

  public Receivers(CollectorConfig config, Pipelines pipelines, ReceiverEndpoints endpoints, MeterRegistry registry,
      ServerFactory servers) {
    this.pipelines = pipelines;
    this.endpoints = endpoints;
    this.registry = registry;
    this.servers = servers;
    for (ComponentId id : pipelines.receivers()) prepare(id, config.receivers().get(id));
  }

  private void prepare(ComponentId id, ReceiverConfig receiver) {
    String path = "receivers." + id;
    switch (receiver) {
      case OtlpReceiverConfig otlp -> {
        otlp.grpc().ifPresent(grpc -> {
          Listen listen = grpc(ReceiverProtocol.OTLP_GRPC, path + ".protocols.grpc", grpc);
          ReceiverMetrics metrics = metrics(id, ReceiverProtocol.OTLP_GRPC);
          add(id, ReceiverProtocol.OTLP_GRPC, listen.address())
              // Leave room for gRPC framing; the gRPC layer enforces the message limit itself.
              .maxRequestLength(listen.maxRequestBytes() + 1024L)
              .service(new OtlpGrpcReceiver(consumer(id), metrics).service(listen.maxRequestBytes()))
              .decorator(metrics.tooLargeCounter());
        });
        otlp.http().ifPresent(http -> {
          Listen listen = http(ReceiverProtocol.OTLP_HTTP, path + ".protocols.http", http);
          ReceiverMetrics metrics = metrics(id, ReceiverProtocol.OTLP_HTTP);
          OtlpHttpReceiver service = new OtlpHttpReceiver(consumer(id), metrics, listen.maxRequestBytes());
          ServerBuilder builder = add(id, ReceiverProtocol.OTLP_HTTP, listen.address()).decorator(metrics.tooLargeCounter());
          var binding = builder.route().post(otlp.tracesUrlPath()).maxRequestLength(listen.maxRequestBytes());
          if (listen.corsAllowedOrigins().isEmpty()) {
            binding.build(service);
          } else {
            binding.build(service.decorate(cors(listen.corsAllowedOrigins())));
            // Browsers send a preflight OPTIONS before the POST; the CORS decorator answers it.
            builder.route().options(otlp.tracesUrlPath()).build(service.decorate(cors(listen.corsAllowedOrigins())));
          }
        });
      }
      case ZipkinReceiverConfig zipkin -> {
        Listen listen = http(ReceiverProtocol.ZIPKIN, path, zipkin.http());
        new ZipkinHttpReceiver(consumer(id), metrics(id, ReceiverProtocol.ZIPKIN), listen.maxRequestBytes())
            .bind(add(id, ReceiverProtocol.ZIPKIN, listen.address()));
      }
      case JaegerReceiverConfig jaeger -> {
        jaeger.grpc().ifPresent(grpc -> {
          Listen listen = grpc(ReceiverProtocol.JAEGER_GRPC, path + ".protocols.grpc", grpc);
          add(id, ReceiverProtocol.JAEGER_GRPC, listen.address())
              .maxRequestLength(listen.maxRequestBytes() + 1024L)
              .service(new JaegerGrpcReceiver(consumer(id), metrics(id, ReceiverProtocol.JAEGER_GRPC))
                  .service(listen.maxRequestBytes()));
        });
        jaeger.thriftHttp().ifPresent(http -> {
          Listen listen = http(ReceiverProtocol.JAEGER_THRIFT_HTTP, path + ".protocols.thrift_http", http);
          JaegerThriftHttpReceiver service = new JaegerThriftHttpReceiver(
              consumer(id), metrics(id, ReceiverProtocol.JAEGER_THRIFT_HTTP), listen.maxRequestBytes());
          add(id, ReceiverProtocol.JAEGER_THRIFT_HTTP, listen.address())
              .route().post(JaegerThriftHttpReceiver.PATH).maxRequestLength(listen.maxRequestBytes()).build(service);
        });
        jaeger.thriftCompact().ifPresent(settings -> prepareUdp(id, ReceiverProtocol.JAEGER_THRIFT_COMPACT,
            path + ".protocols.thrift_compact", settings, JaegerThriftDecoder.Protocol.COMPACT));
        jaeger.thriftBinary().ifPresent(settings -> prepareUdp(id, ReceiverProtocol.JAEGER_THRIFT_BINARY,
            path + ".protocols.thrift_binary", settings, JaegerThriftDecoder.Protocol.BINARY));
      }
      default -> throw new IllegalArgumentException(path + ": receiver type " + id.type() + " cannot run here");
    }
  }

  private void prepareUdp(ComponentId id, ReceiverProtocol protocol, String path, UdpServerSettings settings,
      JaegerThriftDecoder.Protocol thrift) {
    Listen listen = endpoints.listen(protocol,
        new Listen(address(path, settings.endpoint()), JaegerAgentUdpReceiver.MAX_DATAGRAM_BYTES, List.of()));
    udpStarts.add(() -> udp.put(protocol.label(id.toString()), new JaegerAgentUdpReceiver(
        listen.address(), thrift, consumer(id), metrics(id, protocol), settings.queueSize())));
  }

  /** The prepared, not yet started listener the banner calls {@code label}, e.g. "Zipkin". */
  public Optional<ServerBuilder> pending(String label) {
    return Optional.ofNullable(pending.get(label));
  }

  /** Starts every listener with {@code serve}, which builds and starts a server and returns it. */
  public void start(Function<ServerBuilder, Server> serve) {
    pending.forEach((label, builder) -> started.put(label, serve.apply(builder)));
    pending.clear();
    udpStarts.forEach(Runnable::run);
    udpStarts.clear();
  }

  /** Each started listener's banner name and bound port, in configuration order. */
  public SequencedMap<String, Integer> ports() {
    SequencedMap<String, Integer> ports = new LinkedHashMap<>();
    started.forEach((label, server) -> ports.put(label, server.activeLocalPort()));
    udp.forEach((label, receiver) -> ports.put(label, receiver.port()));
    return ports;
  }

  /** The server of a started listener, e.g. "OTLP gRPC". */
  public Optional<Server> server(String label) {
    return Optional.ofNullable(started.get(label));
  }

  /** Closes the UDP ports, letting queued datagrams reach the pipeline; the HTTP and gRPC servers are the caller's. */
  @Override
  public void close() {
    udp.values().forEach(JaegerAgentUdpReceiver::close);
  }

  private ServerBuilder add(ComponentId id, ReceiverProtocol protocol, InetSocketAddress address) {
    ServerBuilder builder = servers.listenOn(address);
    pending.put(protocol.label(id.toString()), builder);
    return builder;
  }

  private SpanConsumer consumer(ComponentId id) {
    var into = pipelines.consumerFor(id);
    return (spans, otlpProto) -> {
      Consumer<List<Span>> watching = observer;
      if (watching != null) watching.accept(spans);
      into.consume(new ReceivedSpans(spans, otlpProto));
    };
  }

  /** Shows every batch any receiver takes to {@code observer} too, before the pipelines get it. */
  public void observeWith(Consumer<List<Span>> observer) {
    this.observer = observer;
  }

  private ReceiverMetrics metrics(ComponentId id, ReceiverProtocol protocol) {
    return new ReceiverMetrics(registry, id.toString(), protocol.transport());
  }

  private Listen grpc(ReceiverProtocol protocol, String path, GrpcServerSettings grpc) {
    refuseTls(path, grpc.tls());
    return endpoints.listen(protocol, new Listen(address(path, grpc.endpoint()), grpc.maxRecvMsgSizeMib() * MIB, List.of()));
  }

  private Listen http(ReceiverProtocol protocol, String path, HttpServerSettings http) {
    refuseTls(path, http.tls());
    CorsSettings cors = http.cors();
    int maxBytes = (int) Math.min(Integer.MAX_VALUE - 1024L, http.maxRequestBodySize());
    return endpoints.listen(protocol, new Listen(address(path, http.endpoint()), maxBytes, cors.allowedOrigins()));
  }

  private static void refuseTls(String path, TlsSettings tls) {
    if (tls != null) {
      throw new IllegalArgumentException(path + ".tls: receivers do not serve TLS yet; terminate TLS in front of Ariadne");
    }
  }

  private static InetSocketAddress address(String path, String endpoint) {
    try {
      return ListenAddress.parse(endpoint);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(path + ".endpoint: " + e.getMessage(), e);
    }
  }

  private static Function<? super HttpService, CorsService> cors(List<String> origins) {
    CorsServiceBuilder cors = origins.contains("*")
        ? CorsService.builderForAnyOrigin()
        : CorsService.builder(origins);
    return cors.allowRequestMethods(HttpMethod.POST, HttpMethod.OPTIONS)
        .allowRequestHeaders("content-type", "content-encoding", "authorization")
        .newDecorator();
  }
}
