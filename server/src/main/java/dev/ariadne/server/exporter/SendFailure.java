package dev.ariadne.server.exporter;

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
}
