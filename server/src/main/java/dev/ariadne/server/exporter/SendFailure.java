package dev.ariadne.server.exporter;

import com.linecorp.armeria.client.UnprocessedRequestException;

/**
 * One attempt to send failed. Permanent failures (the receiver refused the data as such) are not
 * retried; the others (unreachable, overloaded, timed out) are, with back-off.
 */
final class SendFailure extends Exception {
  private final boolean permanent;

  SendFailure(String message, boolean permanent, Throwable cause) {
    super(message, cause);
    this.permanent = permanent;
  }

  boolean permanent() {
    return permanent;
  }

  /** A client error in one line: the cause of a request that never left, e.g. "UnknownHostException: …". */
  static String describe(Throwable error) {
    Throwable cause = error instanceof UnprocessedRequestException && error.getCause() != null ? error.getCause() : error;
    return cause.getClass().getSimpleName() + ": " + cause.getMessage();
  }
}
