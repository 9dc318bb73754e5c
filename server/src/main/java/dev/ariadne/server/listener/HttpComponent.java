package dev.ariadne.server.listener;

import com.linecorp.armeria.server.ServerBuilder;

/**
 * A component serving on an HTTP listener of its own (an extension, the span metrics exporter, remote
 * sampling's HTTP side): its {@code start()} calls {@link #listen()}, which binds the endpoint with the
 * routes {@link #bind} adds; {@link #close()} stops the listener.
 */
public abstract class HttpComponent implements AutoCloseable {
  private final String endpoint;
  private HttpListener listener;

  protected HttpComponent(String endpoint) {
    this.endpoint = endpoint;
  }

  /** Adds the component's routes to its listener. */
  protected abstract void bind(ServerBuilder sb);

  /** Binds the endpoint and starts serving. */
  protected final void listen() {
    listener = new HttpListener(endpoint, this::bind);
  }

  /** The bound port (the system's choice when the endpoint asked for port 0). */
  public final int port() {
    return listener.port();
  }

  @Override
  public void close() {
    if (listener != null) listener.close();
  }
}
