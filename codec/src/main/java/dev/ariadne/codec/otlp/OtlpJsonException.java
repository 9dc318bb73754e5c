package dev.ariadne.codec.otlp;

/** An OTLP/JSON body that cannot be decoded at all; the message says where and what was wrong. */
public final class OtlpJsonException extends Exception {
  OtlpJsonException(String message) {
    super(message);
  }

  OtlpJsonException(String message, Throwable cause) {
    super(message, cause);
  }
}
