package dev.ariadne.codec.jaeger;

/** Thrift bytes that are not a Jaeger batch; the message names the problem. */
public final class JaegerThriftException extends Exception {
  JaegerThriftException(String message, Throwable cause) {
    super(message, cause);
  }
}
