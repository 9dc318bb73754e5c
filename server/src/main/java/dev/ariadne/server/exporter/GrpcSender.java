package dev.ariadne.server.exporter;

import com.linecorp.armeria.client.grpc.GrpcClientBuilder;
import com.linecorp.armeria.client.grpc.GrpcClients;
import dev.ariadne.collector.config.exporter.ExporterSettings;
import dev.ariadne.model.Span;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.stub.AbstractStub;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * What the gRPC exporters ({@code otlp}, {@code jaeger}) share: a stub on Armeria's gRPC client with the
 * exporter's endpoint, TLS, headers, timeout and compression, and the Collector's rule for which gRPC
 * codes are worth a retry.
 *
 * @param <S> the service's blocking stub
 */
abstract class GrpcSender<S extends AbstractStub<S>> implements Sender {
  private static final Set<Status.Code> RETRYABLE = EnumSet.of(Status.Code.CANCELLED, Status.Code.DEADLINE_EXCEEDED,
      Status.Code.ABORTED, Status.Code.OUT_OF_RANGE, Status.Code.UNAVAILABLE, Status.Code.DATA_LOSS);

  private final ClientConnection connection;
  private final S stub;
  private final ExporterSettings settings;

  GrpcSender(String path, String endpoint, ExporterSettings settings, Class<S> stubType) {
    this.settings = settings;
    this.connection = new ClientConnection(path, endpoint, settings.tls());
    String compression = settings.compression();
    if (!(compression.equals("gzip") || compression.equals("none") || compression.isEmpty())) {
      connection.close();
      throw new IllegalArgumentException(path + ".compression: " + compression + " is not supported here; use gzip or none");
    }
    GrpcClientBuilder builder = GrpcClients.builder(connection.uri()).factory(connection.factory())
        .responseTimeout(settings.timeout());
    settings.headers().forEach(builder::addHeader);
    S built = builder.build(stubType);
    this.stub = compression.equals("gzip") ? built.withCompression("gzip") : built;
  }

  /** Sends one batch on a stub whose deadline is the exporter's timeout. */
  protected abstract void send(S stub, List<Span> spans);

  @Override
  public final void send(List<Span> spans) throws SendFailure {
    try {
      send(stub.withDeadlineAfter(settings.timeout().toMillis(), TimeUnit.MILLISECONDS), spans);
    } catch (StatusRuntimeException e) {
      Status status = e.getStatus();
      String detail = status.getDescription() != null ? status.getDescription()
          : status.getCause() != null ? SendFailure.describe(status.getCause()) : "";
      throw new SendFailure(connection.uri() + ": gRPC " + status.getCode() + " " + detail,
          !RETRYABLE.contains(status.getCode()), e);
    }
  }

  @Override
  public final void close() {
    connection.close();
  }
}
