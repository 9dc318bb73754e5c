package dev.ariadne.server.sampling;

import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.util.JsonFormat;
import com.linecorp.armeria.common.HttpRequest;
import com.linecorp.armeria.common.HttpResponse;
import com.linecorp.armeria.common.HttpStatus;
import com.linecorp.armeria.common.MediaType;
import com.linecorp.armeria.common.QueryParams;
import com.linecorp.armeria.server.ServerBuilder;
import com.linecorp.armeria.server.ServiceRequestContext;
import io.jaegertracing.api_v2.Sampling.SamplingStrategyResponse;
import java.util.List;

/**
 * Jaeger's sampling HTTP endpoint (the agent's and collector's port 5778): {@code GET /sampling?service=X}
 * and the legacy {@code GET /?service=X} that older Jaeger clients call. Both answer the strategy as
 * Jaeger does: the proto's JSON with enum names and the scalar defaults written out (so
 * {@code "strategyType":"PROBABILISTIC"}, value 0, is there), absent messages left out.
 */
public final class SamplingHttpService {
  static final int MAX_SERVICE_NAME = 1024;
  private static final JsonFormat.Printer JSON = JsonFormat.printer()
      .alwaysPrintFieldsWithNoPresence()
      .omittingInsignificantWhitespace();

  private final StrategyProvider strategies;

  public SamplingHttpService(StrategyProvider strategies) {
    this.strategies = strategies;
  }

  public void bind(ServerBuilder sb) {
    sb.route().get("/sampling").build(this::serve);
    sb.route().get("/").build(this::serve);
  }

  private HttpResponse serve(ServiceRequestContext ctx, HttpRequest req) {
    List<String> services = QueryParams.fromQueryString(ctx.query()).getAll("service");
    if (services.size() != 1 || services.getFirst().isEmpty()) {
      return badRequest("'service' parameter must be provided once");
    }
    String service = services.getFirst();
    if (service.length() > MAX_SERVICE_NAME) return badRequest("'service' is longer than " + MAX_SERVICE_NAME + " characters");
    return HttpResponse.of(HttpStatus.OK, MediaType.JSON_UTF_8, json(strategies.strategyFor(service)));
  }

  static String json(SamplingStrategyResponse response) {
    try {
      return JSON.print(response);
    } catch (InvalidProtocolBufferException e) {
      throw new IllegalStateException("a sampling strategy always prints", e);
    }
  }

  private static HttpResponse badRequest(String message) {
    return HttpResponse.of(HttpStatus.BAD_REQUEST, MediaType.PLAIN_TEXT_UTF_8, message + "\n");
  }
}
