package dev.ariadne.server.sampling;

import com.google.protobuf.InvalidProtocolBufferException;
import com.linecorp.armeria.common.grpc.GrpcSerializationFormats;
import com.linecorp.armeria.server.ServerBuilder;
import com.linecorp.armeria.server.grpc.GrpcService;
import dev.ariadne.server.receiver.RawBytesMarshaller;
import io.grpc.MethodDescriptor;
import io.grpc.ServerServiceDefinition;
import io.grpc.Status;
import io.grpc.stub.ServerCalls;
import io.grpc.stub.StreamObserver;
import io.jaegertracing.api_v2.SamplingManagerGrpc;
import io.jaegertracing.api_v2.Sampling.SamplingStrategyParameters;
import io.jaegertracing.api_v2.Sampling.SamplingStrategyResponse;

/**
 * {@code jaeger.api_v2.SamplingManager/GetSamplingStrategy}, added to a gRPC listener, as Jaeger serves it
 * beside span intake on 14250. The request is taken as bytes and parsed here, so a malformed one is
 * INVALID_ARGUMENT naming the problem rather than grpc-java's INTERNAL. An empty service name gets the
 * default strategy.
 */
public final class SamplingGrpcService {
  /** SamplingStrategyParameters is one string; anything bigger is not a real request. */
  static final int MAX_REQUEST_BYTES = 64 * 1024;

  private final StrategyProvider strategies;

  public SamplingGrpcService(StrategyProvider strategies) {
    this.strategies = strategies;
  }

  public void bind(ServerBuilder sb) {
    MethodDescriptor<SamplingStrategyParameters, SamplingStrategyResponse> generated =
        SamplingManagerGrpc.getGetSamplingStrategyMethod();
    MethodDescriptor<byte[], SamplingStrategyResponse> method =
        generated.toBuilder(RawBytesMarshaller.INSTANCE, generated.getResponseMarshaller()).build();
    sb.service(GrpcService.builder()
        .addService(ServerServiceDefinition.builder(SamplingManagerGrpc.SERVICE_NAME)
            .addMethod(method, ServerCalls.asyncUnaryCall(this::getSamplingStrategy))
            .build())
        .supportedSerializationFormats(GrpcSerializationFormats.PROTO)
        .maxRequestMessageLength(MAX_REQUEST_BYTES)
        .build());
  }

  private void getSamplingStrategy(byte[] body, StreamObserver<SamplingStrategyResponse> response) {
    SamplingStrategyParameters request;
    try {
      request = SamplingStrategyParameters.parseFrom(body);
    } catch (InvalidProtocolBufferException e) {
      response.onError(Status.INVALID_ARGUMENT
          .withDescription("malformed SamplingStrategyParameters: " + e.getMessage()).asRuntimeException());
      return;
    }
    response.onNext(strategies.strategyFor(request.getServiceName()));
    response.onCompleted();
  }
}
