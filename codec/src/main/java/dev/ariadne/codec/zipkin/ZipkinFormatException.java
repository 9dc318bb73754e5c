package dev.ariadne.codec.zipkin;

/** A request body that is not a list of spans in the expected Zipkin encoding; the message says why. */
public final class ZipkinFormatException extends Exception {
  public ZipkinFormatException(String message) {
    super(message);
  }
}
