package dev.ariadne.server.receiver;

import io.grpc.MethodDescriptor;
import io.grpc.Status;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Hands a gRPC message's bytes through untouched. gRPC receivers register their methods with it and
 * decode themselves, so a malformed message is answered INVALID_ARGUMENT naming the problem (grpc-java's
 * own protobuf marshaller would answer INTERNAL).
 */
public enum RawBytesMarshaller implements MethodDescriptor.Marshaller<byte[]> {
  INSTANCE;

  @Override
  public InputStream stream(byte[] value) {
    return new ByteArrayInputStream(value);
  }

  @Override
  public byte[] parse(InputStream stream) {
    try {
      return stream.readAllBytes();
    } catch (IOException e) {
      throw Status.INTERNAL.withDescription("reading the request: " + e.getMessage()).withCause(e)
          .asRuntimeException();
    }
  }
}
