package dev.ariadne.server.sampling;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.protobuf.ByteString;
import com.linecorp.armeria.server.Server;
import com.linecorp.armeria.server.ServerBuilder;
import dev.ariadne.collector.config.extension.AdaptiveSamplingConfig;
import dev.ariadne.collector.config.extension.RemoteSamplingConfig;
import dev.ariadne.model.Span;
import dev.ariadne.server.receiver.RawBytesMarshaller;
import dev.ariadne.server.receiver.ReceiverMetrics;
import dev.ariadne.server.receiver.jaeger.JaegerGrpcReceiver;
import io.grpc.CallOptions;
import io.grpc.ManagedChannel;
import io.grpc.MethodDescriptor;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import io.grpc.stub.ClientCalls;
import io.jaegertracing.api_v2.Collector.PostSpansRequest;
import io.jaegertracing.api_v2.CollectorServiceGrpc;
import io.jaegertracing.api_v2.Model;
import io.jaegertracing.api_v2.Sampling.SamplingStrategyParameters;
import io.jaegertracing.api_v2.SamplingManagerGrpc;
import io.jaegertracing.internal.samplers.HttpSamplingManager;
import io.jaegertracing.internal.samplers.PerOperationSampler;
import io.jaegertracing.internal.samplers.http.SamplingStrategyResponse;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import io.opentelemetry.sdk.extension.trace.jaeger.sampler.JaegerRemoteSampler;
import io.opentelemetry.sdk.trace.ReadWriteSpan;
import io.opentelemetry.sdk.trace.ReadableSpan;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.SpanProcessor;
import io.opentelemetry.sdk.trace.samplers.Sampler;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Remote sampling against real listeners: the Jaeger Java client reads its strategy over HTTP (legacy
 * path) and samples by it; the OpenTelemetry SDK's Jaeger remote sampler reads it over gRPC from the port
 * Jaeger span intake shares; the JSON is Jaeger's; bad requests are refused clearly; file reloads and
 * adaptive calculations, run by the scheduler, reach both endpoints.
 */
class SamplingEndToEndTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

  @TempDir static Path dir;
  private static final List<Span> intake = new CopyOnWriteArrayList<>();
  /** Shared by the tests that only read; the scheduling test runs its own. */
  private static Running shared;
  private static RemoteSampling sampling;
  private static ManagedChannel channel;

  /** Remote sampling on its HTTP port, and on a gRPC port beside Jaeger span intake, as Jaeger serves them. */
  private record Running(RemoteSampling sampling, Server grpc, ManagedChannel channel) implements AutoCloseable {
    static Running start(Path file, Optional<AdaptiveSamplingConfig> adaptive, SteppedScheduler scheduler) {
      RemoteSampling sampling = new RemoteSampling(
          new RemoteSamplingConfig("127.0.0.1:0", Optional.of(file), Duration.ofSeconds(30), 0.001, adaptive), scheduler).start();
      ServerBuilder sb = Server.builder().http(new InetSocketAddress("127.0.0.1", 0))
          .gracefulShutdownTimeout(Duration.ZERO, Duration.ZERO);
      sb.service(new JaegerGrpcReceiver((spans, otlpProto) -> intake.addAll(spans),
          new ReceiverMetrics(new SimpleMeterRegistry(), "jaeger", "grpc")).service(1 << 20));
      sampling.bindGrpc(sb);
      Server grpc = sb.build();
      grpc.start().join();
      return new Running(sampling, grpc, NettyChannelBuilder.forAddress("127.0.0.1", grpc.activeLocalPort()).usePlaintext().build());
    }

    @Override
    public void close() {
      channel.shutdownNow();
      grpc.stop().join();
      sampling.close();
    }
  }

  @BeforeAll
  static void start() throws Exception {
    Path file = dir.resolve("strategies.json");
    Files.writeString(file, SamplingStrategiesTest.FILE);
    shared = Running.start(file, Optional.empty(), new SteppedScheduler());
    sampling = shared.sampling();
    channel = shared.channel();
  }

  @AfterAll
  static void stop() {
    shared.close();
  }

  @Test
  void theJaegerClientReadsItsStrategyOverHttpAndSamplesByIt() throws Exception {
    HttpSamplingManager manager = new HttpSamplingManager("127.0.0.1:" + sampling.port());

    SamplingStrategyResponse checkout = manager.getSamplingStrategy("checkout");
    assertEquals(0.8, checkout.getOperationSampling().getDefaultSamplingProbability());
    assertEquals(0.5, checkout.getOperationSampling().getDefaultLowerBoundTracesPerSecond());
    PerOperationSampler checkoutSampler = new PerOperationSampler(2000, checkout.getOperationSampling());
    PerOperationSampler cartSampler = new PerOperationSampler(2000, manager.getSamplingStrategy("cart").getOperationSampling());
    int healthSampled = 0;
    for (long traceId = 1; traceId <= 200; traceId++) {
      long id = traceId * 0x9E3779B97F4A7C15L;
      assertTrue(checkoutSampler.sample("POST /pay", id).isSampled());
      if (cartSampler.sample("/health", id).isSampled()) healthSampled++;
    }
    // Probability 0; the client's rate limiter for the lower bound starts with one credit.
    assertTrue(healthSampled <= 1, healthSampled + " of 200");

    SamplingStrategyResponse frontend = manager.getSamplingStrategy("frontend");
    assertEquals(7, frontend.getRateLimitingSampling().getMaxTracesPerSecond());
    assertEquals(null, frontend.getOperationSampling());
    assertEquals(0.5, manager.getSamplingStrategy("nobody").getProbabilisticSampling().getSamplingRate());
  }

  @Test
  void theOtelSdkReadsItsStrategyOverGrpcOnTheJaegerPort() throws Exception {
    JaegerRemoteSampler remote = JaegerRemoteSampler.builder()
        .setEndpoint("http://127.0.0.1:" + shared.grpc().activeLocalPort())
        .setServiceName("checkout")
        .setInitialSampler(Sampler.alwaysOff())
        .setPollingInterval(Duration.ofMillis(100))
        .build();
    List<String> recorded = new CopyOnWriteArrayList<>();
    try (SdkTracerProvider provider = SdkTracerProvider.builder()
        .setSampler(remote)
        .addSpanProcessor(new Recording(recorded))
        .build()) {
      Tracer tracer = provider.get("test");
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
      // Until the first poll answers, the initial sampler (always off) decides.
      while (!tracer.spanBuilder("POST /pay").startSpan().getSpanContext().isSampled()) {
        assertTrue(System.nanoTime() < deadline, "the SDK never got its strategy: " + remote);
        Thread.sleep(20);
      }
      recorded.clear();
      for (int i = 0; i < 200; i++) {
        tracer.spanBuilder("POST /pay").startSpan().end();
        tracer.spanBuilder("/health").startSpan().end();
      }
      assertEquals(200, recorded.size());
      assertEquals(List.of("POST /pay"), recorded.stream().distinct().toList());
    }
    remote.close();

    // Span intake on the same port still works.
    byte[] traceId = new byte[16];
    traceId[15] = 1;
    CollectorServiceGrpc.newBlockingStub(channel).postSpans(PostSpansRequest.newBuilder()
        .setBatch(Model.Batch.newBuilder()
            .setProcess(Model.Process.newBuilder().setServiceName("checkout"))
            .addSpans(Model.Span.newBuilder()
                .setTraceId(ByteString.copyFrom(traceId))
                .setSpanId(ByteString.copyFrom(new byte[] {0, 0, 0, 0, 0, 0, 0, 2}))
                .setOperationName("POST /pay")))
        .build());
    assertEquals(List.of("checkout POST /pay"), intake.stream().map(s -> s.serviceName() + " " + s.name()).toList());
  }

  @Test
  void theHttpAnswerIsJaegersJson() throws Exception {
    assertEquals("{\"strategyType\":\"RATE_LIMITING\",\"rateLimitingSampling\":{\"maxTracesPerSecond\":7}}",
        get("/sampling?service=frontend").body());
    JsonNode nobody = JSON.readTree(get("/sampling?service=nobody").body());
    assertEquals("PROBABILISTIC", nobody.get("strategyType").asText(), "written although it is the enum's zero");
    assertEquals(0.5, nobody.at("/probabilisticSampling/samplingRate").asDouble());
    assertEquals(0.0, nobody.at("/operationSampling/defaultLowerBoundTracesPerSecond").asDouble(-1));
    assertEquals("/health", nobody.at("/operationSampling/perOperationStrategies/0/operation").asText());
    assertEquals(0.0, nobody.at("/operationSampling/perOperationStrategies/0/probabilisticSampling/samplingRate").asDouble(-1));
    assertFalse(nobody.has("rateLimitingSampling"));
    assertEquals("application/json; charset=utf-8", get("/?service=x").headers().firstValue("content-type").orElseThrow());
    assertEquals(get("/?service=checkout").body(), get("/sampling?service=checkout").body());
    assertEquals("/health", JSON.readTree(get("/sampling?service=cart").body())
        .at("/operationSampling/perOperationStrategies/0/operation").asText(), "a probabilistic service inherits the default's operations");
  }

  @Test
  void badHttpRequestsAreRefusedClearly() throws Exception {
    assertBadRequest("/sampling", "'service' parameter must be provided once");
    assertBadRequest("/sampling?service=", "'service' parameter must be provided once");
    assertBadRequest("/?service=a&service=b", "'service' parameter must be provided once");
    assertBadRequest("/sampling?service=" + "x".repeat(SamplingHttpService.MAX_SERVICE_NAME + 1),
        "'service' is longer than 1024 characters");
    assertEquals(405, send(HttpRequest.newBuilder(uri("/sampling?service=a")).POST(HttpRequest.BodyPublishers.ofString("{}"))).statusCode());
    assertEquals(404, get("/baggageRestrictions?service=a").statusCode());
    assertEquals(200, get("/sampling?service=still-serving").statusCode());
  }

  @Test
  void badGrpcRequestsAreInvalidArgument() {
    MethodDescriptor<byte[], byte[]> raw = SamplingManagerGrpc.getGetSamplingStrategyMethod()
        .toBuilder(RawBytesMarshaller.INSTANCE, RawBytesMarshaller.INSTANCE).build();
    StatusRuntimeException garbage = assertThrows(StatusRuntimeException.class,
        () -> ClientCalls.blockingUnaryCall(channel, raw, CallOptions.DEFAULT, new byte[] {0x0a, 0x7f, 0x01}));
    assertEquals(Status.Code.INVALID_ARGUMENT, garbage.getStatus().getCode());
    assertTrue(garbage.getStatus().getDescription().startsWith("malformed SamplingStrategyParameters"), garbage.getMessage());

    StatusRuntimeException huge = assertThrows(StatusRuntimeException.class, () -> ClientCalls.blockingUnaryCall(
        channel, raw, CallOptions.DEFAULT, new byte[SamplingGrpcService.MAX_REQUEST_BYTES + 1]));
    assertEquals(Status.Code.RESOURCE_EXHAUSTED, huge.getStatus().getCode());

    var stub = SamplingManagerGrpc.newBlockingStub(channel);
    assertEquals(0.5, stub.getSamplingStrategy(SamplingStrategyParameters.getDefaultInstance())
        .getProbabilisticSampling().getSamplingRate(), "no service name: the default strategy");
    assertEquals(7, stub.getSamplingStrategy(SamplingStrategyParameters.newBuilder().setServiceName("frontend").build())
        .getRateLimitingSampling().getMaxTracesPerSecond());
  }

  @Test
  void reloadsAndAdaptiveCalculationsRunOnTheSchedulerAndReachBothEndpoints() throws Exception {
    Path file = dir.resolve("adaptive.json");
    Files.writeString(file, SamplingStrategiesTest.FILE);
    SteppedScheduler scheduler = new SteppedScheduler();
    try (Running own = Running.start(file, Optional.of(new AdaptiveSamplingConfig(1, 0.3, Duration.ofMinutes(1), 0.001, 1e-5, 1, 0.0)), scheduler)) {
      assertEquals(2, scheduler.tasks(), "a reload timer and a calculation timer");

      // cart is sampled at 0.25; 1,500 roots a minute is 25/s, 25× the target.
      own.sampling().observe(java.util.Collections.nCopies(1_500, SamplingAdaptiveTest.span("cart", "GET /cart", 0)));
      Files.writeString(file, SamplingStrategiesTest.FILE.replace("\"param\": 7", "\"param\": 9"));
      scheduler.step(Duration.ofMinutes(1));

      JsonNode cart = JSON.readTree(send(HttpRequest.newBuilder(uri(own.sampling().port(), "/sampling?service=cart"))).body());
      assertEquals("GET /cart", cart.at("/operationSampling/perOperationStrategies/0/operation").asText());
      assertEquals(0.01, cart.at("/operationSampling/perOperationStrategies/0/probabilisticSampling/samplingRate").asDouble(), 1e-12);
      assertEquals(9, SamplingManagerGrpc.newBlockingStub(own.channel())
          .getSamplingStrategy(SamplingStrategyParameters.newBuilder().setServiceName("frontend").build())
          .getRateLimitingSampling().getMaxTracesPerSecond(), "the reloaded file");
    }
    assertEquals(0, scheduler.tasks(), "closing stops the timers");
  }

  /** Keeps the names of the spans the SDK recorded: the sampled ones. */
  private record Recording(List<String> names) implements SpanProcessor {
    @Override
    public void onStart(Context parentContext, ReadWriteSpan span) {}

    @Override
    public boolean isStartRequired() {
      return false;
    }

    @Override
    public void onEnd(ReadableSpan span) {
      names.add(span.getName());
    }

    @Override
    public boolean isEndRequired() {
      return true;
    }
  }

  private void assertBadRequest(String path, String message) throws Exception {
    HttpResponse<String> response = get(path);
    assertEquals(400, response.statusCode(), path);
    assertEquals(message + "\n", response.body());
  }

  private HttpResponse<String> get(String path) throws Exception {
    return send(HttpRequest.newBuilder(uri(path)).GET());
  }

  private static HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
    return HTTP.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
  }

  private URI uri(String path) {
    return uri(sampling.port(), path);
  }

  private static URI uri(int port, String path) {
    return URI.create("http://127.0.0.1:" + port + path);
  }
}
