package dev.ariadne.codec.jaeger;

import org.apache.thrift.TException;
import org.apache.thrift.protocol.TProtocolException;
import org.apache.thrift.transport.TTransportException;

/**
 * Says what went wrong reading thrift in words a client can act on. libthrift's own messages can
 * mislead ("Remote side has closed" for a truncated body) or be huge (a missing required field's message
 * prints the whole struct read so far).
 */
final class ThriftErrors {
  private static final int MAX_MESSAGE = 200;

  private ThriftErrors() {}

  static String describe(Exception e) {
    String message = String.valueOf(e.getMessage());
    if (e instanceof TTransportException t) {
      // libthrift checks every length against the bytes left, so a cut message and a lying length
      // field look the same from here.
      if (message.contains("MaxMessageSize")) {
        return "truncated, or a string, binary or list claims more bytes than the message holds";
      }
      if (t.getType() == TTransportException.END_OF_FILE || message.startsWith("Cannot read")) {
        return "truncated: the data ends inside a value";
      }
    }
    if (e instanceof TProtocolException p) {
      switch (p.getType()) {
        case TProtocolException.SIZE_LIMIT -> {
          return "a string, binary or list length exceeds the message size (" + shorten(message) + ")";
        }
        case TProtocolException.NEGATIVE_SIZE -> {
          return "a negative string, binary or list length (" + shorten(message) + ")";
        }
        default -> { }
      }
    }
    if (e instanceof TException && message.contains("skip depth")) {
      return "unknown fields nested deeper than " + JaegerThriftDecoder.MAX_SKIP_DEPTH + " levels";
    }
    // "Required field 'x' was not present! Struct: <the whole struct>": the struct adds nothing.
    int struct = message.indexOf(" Struct: ");
    return shorten(struct >= 0 ? message.substring(0, struct) : message);
  }

  static String shorten(String s) {
    return s.length() <= MAX_MESSAGE ? s : s.substring(0, MAX_MESSAGE) + "…";
  }
}
