package dev.ariadne.tracegen;

import com.linecorp.armeria.client.WebClient;
import com.linecorp.armeria.common.HttpMethod;
import com.linecorp.armeria.common.HttpRequest;
import com.linecorp.armeria.common.MediaType;
import com.linecorp.armeria.common.RequestHeaders;
import java.util.concurrent.CompletableFuture;

/** Posts batches over HTTP with Armeria's client; a 2xx answer is an acknowledgement. */
final class HttpSender implements Sender {
  private final WebClient client;
  private final WireFormat format;

  HttpSender(WireFormat format, String endpoint) {
    this.format = format;
    this.client = WebClient.builder(endpoint).maxResponseLength(16 * 1024 * 1024).build();
  }

  @Override
  public CompletableFuture<Void> send(byte[] encodedBatch) {
    RequestHeaders headers = RequestHeaders.builder(HttpMethod.POST, format.path())
        .contentType(MediaType.parse(format.contentType()))
        .build();
    return client.execute(HttpRequest.of(headers, com.linecorp.armeria.common.HttpData.wrap(encodedBatch)))
        .aggregate()
        .thenAccept(response -> {
          if (!response.status().isSuccess()) {
            throw new RefusedException(response.status().code(), response.contentUtf8());
          }
        });
  }

  /** The receiver answered with an error status. */
  static final class RefusedException extends RuntimeException {
    private final int status;

    RefusedException(int status, String body) {
      super("HTTP " + status + ": " + body);
      this.status = status;
    }

    int status() {
      return status;
    }
  }

  @Override
  public void close() {
    // The client shares Armeria's default factory, which lives as long as the process.
  }
}
